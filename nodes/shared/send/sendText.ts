import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { maxTextCharacters } from '../messageText';
import type { Provider } from '../providers/provider';
import { recipientProperty } from '../recipientProperty';
import { messageTextReader } from './itemReaders';
import { addressOf, addressReaders, toOf, type AddressReaders } from './addressReaders';
import { showFor, type Operation } from '../operation';
import { hasWindowClosedOutput } from './windowClosedOutput';
import { sendItems, type ItemSender } from './sendItems';
import { sendOptionsProperty } from './sendOptions';

/** How one node shows Send Text: what its Recipient takes, its own options. */
export interface SendTextSetup {
	recipientDescription: string;
	/** Options only this provider has, e.g. GOWA's Reply To Message ID */
	options: INodeProperties[];
}

interface TextReaders extends AddressReaders {
	textOf(itemIndex: number): string;
}

function textSender(provider: Provider): ItemSender<TextReaders> {
	return {
		read: (context, credentials, options) => ({
			...addressReaders(context, credentials, options, provider),
			textOf: messageTextReader(context),
		}),
		prepare: (readers, itemIndex) => {
			const address = addressOf(readers, itemIndex);
			const request = provider.textRequest({ ...address, text: readers.textOf(itemIndex) });
			return { to: toOf(address.recipient), requests: [request] };
		},
	};
}

/** The "Text" parameter: what a person or an AI agent writes to the customer. */
function textProperty(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'Hi Amina, Juma is your courier today. His card follows.',
		description: `The message, up to ${maxTextCharacters.toLocaleString('en-US')} characters. WhatsApp formatting works: *bold*, _italic_, ~strikethrough~.`,
		displayOptions,
	};
}

const option = {
	name: 'Send Text',
	value: 'sendText',
	description: 'Send a text message to a customer or a group, within the 24-hour session',
	action: 'Send a text message',
};

/** The one Send Text operation, given a provider: its parameters and what it runs. */
export function sendTextOperation(provider: Provider, setup: SendTextSetup): Operation {
	const displayOptions = showFor(option);
	const description: INodeProperties[] = [
		recipientProperty(setup.recipientDescription, displayOptions),
		textProperty(displayOptions),
		sendOptionsProperty(provider.defaultMaxPerSecond, displayOptions, setup.options),
	];
	async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await sendItems(this, provider, textSender(provider));
	}
	return { option, description, execute, windowClosedOutput: hasWindowClosedOutput(setup.options) };
}
