import type { IExecuteFunctions } from 'n8n-workflow';

import type { ContactCard } from '../contactCard/card';
import { readContactCards } from '../contactCard/read';
import { itemParameter } from '../itemParameter';
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
