import type { INodeProperties } from 'n8n-workflow';

/** LipaChat's own option of every send: the id it deduplicates and reports statuses under. */
export const messageIdOption: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	description:
		'Your unique ID for this message; LipaChat drops a second message with the same ID and reports statuses under it. Leave empty for an ID derived from the execution and item, so a retry never sends twice.',
};
