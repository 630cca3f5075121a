import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ContactCard } from '../contactCard/card';
import { readContactCards } from '../contactCard/read';
import { itemParameter } from '../itemParameter';
import { readMessageText } from '../messageText';
import { readRecipient, type Recipient } from '../recipient';

/** The "Recipient" parameter of every send operation, per item. */
export function recipientReader(
	context: IExecuteFunctions,
	defaultCountry: string | undefined,
	jidPattern?: RegExp,
): (itemIndex: number) => Recipient {
	return itemParameter(context, 'recipient', (value) =>
		readRecipient(value, 'Recipient', jidPattern, defaultCountry),
	);
}

/** The "Contacts" parameter of every Send Contact, per item (once when nothing is mapped). */
export function contactCardsReader(
	context: IExecuteFunctions,
	defaultCountry: string | undefined,
): (itemIndex: number) => ContactCard[] {
	return itemParameter(context, 'contacts', (value) => readContactCards(value, defaultCountry));
}

/** The "Options" collection per item, provider-specific options included. */
export function optionsReader(context: IExecuteFunctions): (itemIndex: number) => IDataObject {
	return itemParameter(context, 'options', (value) => (value ?? {}) as IDataObject, {});
}

/**
 * Names one item of this node in this execution, the same when a send is retried: what a
 * provider that deduplicates (LipaChat) derives its message id from.
 */
export function stableIdReader(context: IExecuteFunctions): (itemIndex: number) => string {
	const run = `${context.getExecutionId()}\u0000${context.getNode().id}`;
	return (itemIndex) => `${run}\u0000${itemIndex}`;
}

/** The "Text" parameter of Send Text, per item, checked against WhatsApp's rules. */
export function messageTextReader(context: IExecuteFunctions): (itemIndex: number) => string {
	return itemParameter(context, 'text', (value) => readMessageText(value));
}
