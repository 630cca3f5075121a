import type { INodeProperties, INodeParameters } from 'n8n-workflow';

import { ProviderError } from '../errors/providerError';
import type { Operation } from '../operation';

/** The option of free-form sends (not templates) that gives closed-session items their own output. */
export const windowClosedOutputOption: INodeProperties = {
	displayName: 'Window Closed Output',
	name: 'windowClosedOutput',
	type: 'boolean',
	default: false,
	description:
		'Whether items whose 24-hour session is closed leave by a second output, "Window Closed", with their input data, instead of failing. Connect it to Send Template to reach those customers with an approved template.',
};

/** Whether an operation's own options include "Window Closed Output". */
export const hasWindowClosedOutput = (options: INodeProperties[]) =>
	options.includes(windowClosedOutputOption);

/**
 * The node's outputs, computed by n8n from its parameters: a second "Window Closed" output when
 * the option is on for an operation that has it (`sends`). Written as a function n8n runs in the
 * editor and the engine, so it may use nothing from outside itself.
 */
function windowClosedOutputs(parameters: INodeParameters, sends: string[]) {
	const options = (parameters.options ?? {}) as { windowClosedOutput?: boolean };
	if (sends.includes(String(parameters.operation)) && options.windowClosedOutput === true) {
		return [
			{ type: 'main', displayName: 'Sent' },
			{ type: 'main', displayName: 'Window Closed' },
		];
	}
	return [{ type: 'main' }];
}

/** The node's `outputs`: one, or "Sent" and "Window Closed" for its operations that have it. */
export function windowClosedOutputsExpression(operations: Operation[]): `={{${string}}}` {
	const sends = operations.filter((o) => o.windowClosedOutput).map((o) => o.option.value);
	return `={{(${windowClosedOutputs.toString()})($parameter, ${JSON.stringify(sends)})}}`;
}

/**
 * What a closed-session item carries on the "Window Closed" output, beside its input data. An
 * item part of which went out already fails instead, saying which messages were sent.
 */
export function windowClosedDetails(error: unknown, provider: string) {
	if (!(error instanceof ProviderError) || error.failure.reason !== 'windowClosed')
		return undefined;
	if (error.alreadySent > 0) return undefined;
	return { windowClosed: { provider, message: error.failure.message } };
}
