import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { Operation } from './operation';

/** Runs the node's chosen operation, found in the node's list of operations. */
export async function route(
	context: IExecuteFunctions,
	operations: Operation[],
): Promise<INodeExecutionData[][]> {
	const chosen = context.getNodeParameter('operation', 0) as string;
	const operation = operations.find(({ option }) => option.value === chosen);
	if (!operation) {
		throw new NodeOperationError(context.getNode(), `The operation "${chosen}" is not known`);
	}
	return await operation.execute.call(context);
}
