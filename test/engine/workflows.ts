import type { IConnections, INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from './engine';

export const PACKAGE = 'n8n-nodes-whatsapp-handoff';

/**
 * The workflow people build: Manual Trigger → Set (the order data, one array) → Split Out (one
 * item per order) → our node. Orders are plain JSON so expressions in `parameters` read them
 * as `$json.*`, exactly as in the editor.
 */
export function orderWorkflow(
	orders: object[],
	node: {
		type: string;
		parameters: INodeParameters;
		credentialType: string;
		/** true: errors become regular output items; 'errorOutput': they go to a second output */
		continueOnFail?: boolean | 'errorOutput';
		/** A second node of the same type after "Send", named "Then", e.g. Get Message Status */
		then?: INodeParameters;
		/**
		 * Each order's `file` (base64) becomes binary data `data` through n8n's Convert to File,
		 * named by its `fileName` and typed by its `mimeType`, as a workflow makes files
		 */
		binary?: boolean;
	},
): WorkflowJson {
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: 'When clicking Execute workflow',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'orders',
			name: 'Order Data',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ orders }), options: {} },
		},
		{
			id: 'split',
			name: 'One Item Per Order',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'orders', include: 'noOtherFields', options: {} },
		},
		{
			id: 'send',
			name: 'Send',
			// A bare type is the all-in-one's; a full one (`n8n-nodes-gowa-handoff.whatsAppWeb`) as it is.
			type: node.type.includes('.') ? node.type : `${PACKAGE}.${node.type}`,
			typeVersion: 1,
			position: [600, 0],
			parameters: node.parameters,
			credentials: { [node.credentialType]: { id: '1', name: 'test credential' } },
			...(node.continueOnFail && {
				onError:
					node.continueOnFail === 'errorOutput'
						? ('continueErrorOutput' as const)
						: ('continueRegularOutput' as const),
			}),
		},
	];
	const link = (to: string): IConnections[string] => ({
		main: [[{ node: to, type: 'main', index: 0 }]],
	});
	const connections: IConnections = {
		'When clicking Execute workflow': link('Order Data'),
		'Order Data': link('One Item Per Order'),
		'One Item Per Order': link('Send'),
	};
	if (node.binary) {
		nodes.push({
			id: 'file',
			name: 'Make The File',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [500, 0],
			parameters: {
				operation: 'toBinary',
				sourceProperty: 'file',
				binaryPropertyName: 'data',
				options: { fileName: '={{ $json.fileName }}', mimeType: '={{ $json.mimeType }}' },
			},
		});
		connections['One Item Per Order'] = link('Make The File');
		connections['Make The File'] = link('Send');
	}
	if (node.then) {
		nodes.push({
			...nodes[3],
			id: 'then',
			name: 'Then',
			position: [800, 0],
			parameters: node.then,
		});
		connections.Send = link('Then');
	}
	return { nodes, connections };
}
