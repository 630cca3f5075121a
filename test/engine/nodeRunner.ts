import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { Engine, RunResult } from './engine';
import { orderWorkflow } from './workflows';

export interface RunOptions {
	continueOnFail?: boolean | 'errorOutput';
	/** Credential fields to change for this run only */
	credentials?: ICredentialDataDecryptedObject;
	/** Parameters of a second node of the same type after "Send" */
	then?: INodeParameters;
	/** Each order's base64 `file` reaches the node as binary data `data` (Convert to File) */
	binary?: boolean;
}

/**
 * The `run(orders, parameters)` every node test uses: the order workflow around one of our
 * nodes, with its credential pointing at a simulator. `defaultParameters` serve when a test
 * passes none.
 */
export function nodeRunner(
	engine: () => Engine,
	node: { type: string; credentialType: string },
	credentials: () => ICredentialDataDecryptedObject,
	defaultParameters: () => object = () => ({}),
) {
	return (
		orders: object[],
		parameters: object = defaultParameters(),
		options: RunOptions = {},
	): Promise<RunResult> =>
		engine().run(
			orderWorkflow(orders, {
				...node,
				parameters: parameters as INodeParameters,
				continueOnFail: options.continueOnFail,
				then: options.then,
				binary: options.binary,
			}),
			{ [node.credentialType]: { ...credentials(), ...options.credentials } },
		);
}
