import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Provider } from '../providers/provider';
import type { Recipient } from '../recipient';
import { optionsReader, recipientReader, stableIdReader } from './itemReaders';
import type { SendOptions } from './sendOptions';

/** What every send to one chat reads per item, whatever it carries. */
export interface AddressReaders {
	credentials: ICredentialDataDecryptedObject;
	recipientOf(itemIndex: number): Recipient;
	optionsOf(itemIndex: number): IDataObject;
	stableIdOf(itemIndex: number): string;
}

export function addressReaders(
	context: IExecuteFunctions,
	credentials: ICredentialDataDecryptedObject,
	options: SendOptions,
	provider: Provider,
): AddressReaders {
	return {
		credentials,
		recipientOf: recipientReader(context, options.defaultCountry, provider.chatIdPattern),
		optionsOf: optionsReader(context),
		stableIdOf: stableIdReader(context),
	};
}

/** What every send request carries for one item, read in the order errors should name them. */
export function addressOf(readers: AddressReaders, itemIndex: number) {
	return {
		credentials: readers.credentials,
		recipient: readers.recipientOf(itemIndex),
		options: readers.optionsOf(itemIndex),
		stableId: readers.stableIdOf(itemIndex),
	};
}

/** The output's `to`: the number as E.164, or the chat id. */
export const toOf = (recipient: Recipient): string => recipient.e164 ?? recipient.jid ?? '';
