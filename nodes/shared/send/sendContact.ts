import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ContactCard } from '../contactCard/card';
import { contactsProperty, type ContactFieldsOptions } from '../contactCard/fields';
import type { Provider } from '../providers/provider';
import { recipientProperty } from '../recipientProperty';
import { addressOf, addressReaders, toOf, type AddressReaders } from './addressReaders';
import { contactCardsReader } from './itemReaders';
import { showFor, type Operation } from '../operation';
import { hasWindowClosedOutput } from './windowClosedOutput';
import { sendItems, type ItemSender } from './sendItems';
import { sendOptionsProperty } from './sendOptions';

/** How one node shows Send Contact: what its Recipient takes, its Contacts, its own options. */
export interface SendContactSetup {
	recipientDescription: string;
	contacts: ContactFieldsOptions;
	/** Options only this provider has, e.g. 1MSG's Quoted Message ID */
	options: INodeProperties[];
}

interface ContactReaders extends AddressReaders {
	cardsOf(itemIndex: number): ContactCard[];
}

function contactSender(provider: Provider): ItemSender<ContactReaders> {
	return {
		read: (context, credentials, options) => ({
			...addressReaders(context, credentials, options, provider),
			cardsOf: contactCardsReader(context, options.defaultCountry),
		}),
		prepare: (readers, itemIndex) => {
			const address = addressOf(readers, itemIndex);
			const requests = provider.contactRequests({ ...address, cards: readers.cardsOf(itemIndex) });
			return { to: toOf(address.recipient), requests };
		},
	};
}

const option = {
	name: 'Send Contact',
	value: 'sendContact',
	description: 'Send one or more contact cards',
	action: 'Send a contact card',
};

/** The one Send Contact operation, given a provider: its parameters and what it runs. */
export function sendContactOperation(provider: Provider, setup: SendContactSetup): Operation {
	const displayOptions = showFor(option);
	const description: INodeProperties[] = [
		recipientProperty(setup.recipientDescription, displayOptions),
		contactsProperty(setup.contacts, displayOptions),
		sendOptionsProperty(provider.defaultMaxPerSecond, displayOptions, setup.options),
	];
	async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await sendItems(this, provider, contactSender(provider));
	}
	return { option, description, execute, windowClosedOutput: hasWindowClosedOutput(setup.options) };
}
