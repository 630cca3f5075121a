import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from './operation';

/** The node's "Operation" selector, from its list of operations; the first is the default. */
export function operationProperty(operations: Operation[]): INodeProperties {
	const first = operations[0].option.value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: operations.map((operation) => operation.option),
		default: first,
	};
}

/** The node subtitle on the canvas: the chosen operation's display name, e.g. "Send Template". */
export function operationSubtitle(operations: Operation[]): string {
	const names = Object.fromEntries(operations.map(({ option }) => [option.value, option.name]));
	return `={{ ${JSON.stringify(names)}[$parameter["operation"]] }}`;
}
