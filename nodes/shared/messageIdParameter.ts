import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from './errors/inputError';
import { itemParameter } from './itemParameter';

/** What a "Message ID" parameter says about the message it names. */
export interface MessageIdSetup {
	placeholder: string;
	/** Where the id comes from, shown under the field */
	hint: string;
	description: string;
	/** The fix an empty Message ID's error gives */
	whenEmpty: string;
}

/** The "Message ID" parameter of an operation on one message (its status, its read receipt). */
export const messageIdProperty = (
	setup: MessageIdSetup,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties => ({
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: setup.placeholder,
	hint: setup.hint,
	description: setup.description,
	displayOptions,
});

/** Each item's Message ID, refused when empty before any request. */
export function messageIdReader(
	context: IExecuteFunctions,
	setup: MessageIdSetup,
): (itemIndex: number) => string {
	return itemParameter(
		context,
		'messageId',
		(value) => {
			const messageId = String(value ?? '').trim();
			if (messageId === '')
				throw new InputError('Message ID', '"Message ID" is empty', setup.whenEmpty);
			return messageId;
		},
		'',
	);
}
