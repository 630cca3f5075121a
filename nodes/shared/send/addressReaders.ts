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
