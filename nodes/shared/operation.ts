import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** An operation's outputs: one list of items per output of the node. */
export type OperationExecute = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/**
 * One operation of a node: its entry in the Operation selector (whose value is the operation's
 * id, spelled there only), its parameters, and what it runs. A node lists its operations once;
 * its Operation property, subtitle, outputs and routes all derive from that list.
 */
export interface Operation {
	option: INodePropertyOptions & { value: string };
	description: INodeProperties[];
	execute: OperationExecute;
	/** Whether its options have "Window Closed Output" (a second output) */
	windowClosedOutput?: boolean;
}

/** The displayOptions that show a parameter for this operation only. */
export const showFor = (option: Operation['option']) => ({
	show: { operation: [option.value] },
});
