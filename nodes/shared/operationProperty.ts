import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

/** The "Send Contact" entry every node's operation list has. */
export const sendContactOperation: INodePropertyOptions = {
	name: 'Send Contact',
	value: 'sendContact',
	description: 'Send one or more contact cards',
	action: 'Send a contact card',
};

/** The "Send Text" entry every node's operation list has. */
export const sendTextOperation: INodePropertyOptions = {
	name: 'Send Text',
	value: 'sendText',
	description: 'Send a text message to a customer or a group, within the 24-hour session',
	action: 'Send a text message',
};

/** The "Send Media" entry every node's operation list has. */
export const sendMediaOperation: INodePropertyOptions = {
	name: 'Send Media',
	value: 'sendMedia',
	description: 'Send an image, video, audio, document or sticker, from a link or a file',
	action: 'Send a media message',
};

/** The "Send Template" entry of the nodes whose provider has templates. */
export const sendTemplateOperation: INodePropertyOptions = {
	name: 'Send Template',
	value: 'sendTemplate',
	description: 'Send an approved template, also outside the 24-hour window',
	action: 'Send a template',
};

/** The node's "Operation" selector. */
export function operationProperty(options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options,
		// Every node of this package starts on Send Contact.
		default: 'sendContact',
	};
}

/** The node subtitle on the canvas: the chosen operation's display name, e.g. "Send Template". */
export function operationSubtitle(options: INodePropertyOptions[]): string {
	const names = Object.fromEntries(options.map((option) => [option.value, option.name]));
	return `={{ ${JSON.stringify(names)}[$parameter["operation"]] }}`;
}
