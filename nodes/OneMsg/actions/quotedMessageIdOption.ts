import type { INodeProperties } from 'n8n-workflow';

/** 1MSG's reply option (`quotedMsgId`), for every send that can quote a message. */
export const quotedMessageIdOption: INodeProperties = {
	displayName: 'Quoted Message ID',
	name: 'quotedMsgId',
	type: 'string',
	default: '',
	description:
		"ID of a message in the chat to reply to, e.g. a customer message's messageId from the WhatsApp Trigger",
};
