import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ContactCard } from '../contactCard/card';
import { contactsProperty, type ContactFieldsOptions } from '../contactCard/fields';
import type { Provider } from '../providers/provider';
import type { Recipient } from '../recipient';
import { recipientProperty } from '../recipientProperty';
import { contactCardsReader, optionsReader, recipientReader, stableIdReader } from './itemReaders';
import { sendItems, type ItemSender } from './sendItems';
import { sendOptionsProperty } from './sendOptions';

/** How one node shows Send Contact: what its Recipient takes, its Contacts, its own options. */
export interface SendContactSetup {
	recipientDescription: string;
	contacts: ContactFieldsOptions;
	/** Options only this provider has, e.g. 1MSG's Quoted Message ID */
	options: INodeProperties[];
}

interface ContactReaders {
	credentials: ICredentialDataDecryptedObject;
	recipientOf(itemIndex: number): Recipient;
	cardsOf(itemIndex: number): ContactCard[];
	optionsOf(itemIndex: number): IDataObject;
	stableIdOf(itemIndex: number): string;
}

function contactSender(provider: Provider): ItemSender<ContactReaders> {
	return {
		read: (context, credentials, options) => ({
			credentials,
			recipientOf: recipientReader(context, options.defaultCountry, provider.chatIdPattern),
			cardsOf: contactCardsReader(context, options.defaultCountry),
			optionsOf: optionsReader(context),
			stableIdOf: stableIdReader(context),
		}),
		prepare: (readers, itemIndex) => {
			const recipient = readers.recipientOf(itemIndex);
			const requests = provider.contactRequests({
				credentials: readers.credentials,
				recipient,
				cards: readers.cardsOf(itemIndex),
				options: readers.optionsOf(itemIndex),
				stableId: readers.stableIdOf(itemIndex),
			});
			return { to: recipient.e164 ?? recipient.jid ?? '', requests };
		},
	};
}

/** The one Send Contact operation, given a provider: its parameters and what it runs. */
export function sendContactOperation(provider: Provider, setup: SendContactSetup) {
	const displayOptions = { show: { operation: ['sendContact'] } };
	const description: INodeProperties[] = [
		recipientProperty(setup.recipientDescription, displayOptions),
		contactsProperty(setup.contacts, displayOptions),
		sendOptionsProperty(provider.defaultMaxPerSecond, displayOptions, setup.options),
	];
	async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await sendItems(this, provider, contactSender(provider));
	}
	return { description, execute };
}
