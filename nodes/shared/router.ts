import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

/** An operation's outputs: one list of items per output of the node. */
export type OperationExecute = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** Runs the node's chosen operation. */
export async function route(
	context: IExecuteFunctions,
	operations: Record<string, OperationExecute>,
): Promise<INodeExecutionData[][]> {
	const operation = context.getNodeParameter('operation', 0) as string;
	const execute = operations[operation];
	if (!execute) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" is not known`);
	}
	return await execute.call(context);
}
