import type { INodeProperties } from 'n8n-workflow';

/** The "Recipient" parameter of a send operation; the description says what it accepts. */
export function recipientProperty(
	description: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+12025550199',
		description,
		displayOptions,
	};
}
