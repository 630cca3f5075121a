import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { callForBody } from '../http/callProvider';
import { itemParameter } from '../itemParameter';
import { messageIdProperty, messageIdReader, type MessageIdSetup } from '../messageIdParameter';
import { showFor, type Operation } from '../operation';
import type { Provider } from '../providers/provider';
import { recipientProperty } from '../recipientProperty';
import { recipientReader } from './itemReaders';
import { runItems } from './runItems';

const option = {
	name: 'Mark As Read',
	value: 'markAsRead',
	description:
		"Mark a customer's message as read (blue ticks) and show that you are typing, e.g. while an AI agent thinks",
	action: 'Mark a message as read',
};
const displayOptions = showFor(option);
const messageIdSetup: MessageIdSetup = {
	placeholder: 'wamid.HBgL... or 3EB0C767D2...',
	hint: "The messageId of the customer's message, from the WhatsApp Trigger",
	description: 'ID of the message to mark as read',
	whenEmpty:
		"Map the messageId of the customer's message from the WhatsApp Trigger, e.g. {{ $json.messageId }}.",
};
/** Marking read again does no harm: a few at once, retried like any call that is not a send. */
const concurrency = 8;

/** Mark As Read for a provider that has read receipts: per item, before the bot's answer. */
export function markAsReadOperation(provider: Provider, chatDescription = ''): Operation {
	const api = provider.readReceipts!;
	const description: INodeProperties[] = [
		messageIdProperty(messageIdSetup, displayOptions),
		...(api.needsChat ? [recipientProperty(chatDescription, displayOptions)] : []),
		{
			displayName: 'Show Typing',
			name: 'typing',
			type: 'boolean',
			default: true,
			description:
				'Whether the customer sees "typing…" until your next message (on the official API for at most 25 seconds)',
			displayOptions,
		},
	];
	async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials(provider.credentialType);
		const messageIdOf = messageIdReader(this, messageIdSetup);
		const recipientOf = api.needsChat
			? recipientReader(this, undefined, provider.chatIdPattern)
			: undefined;
		const typingOf = itemParameter(this, 'typing', (value) => value !== false, true);
		const { items } = await runItems(
			this,
			provider,
			credentials,
			concurrency,
			async (itemIndex) => {
				const messageId = messageIdOf(itemIndex);
				const recipient = recipientOf?.(itemIndex);
				const typing = typingOf(itemIndex);
				for (const request of api.requests({ credentials, messageId, recipient, typing })) {
					await callForBody(this, provider, credentials, request, 'Mark As Read');
				}
				return { provider: provider.id, messageId, read: true, typing };
			},
		);
		return [items];
	}
	return { option, description, execute };
}
