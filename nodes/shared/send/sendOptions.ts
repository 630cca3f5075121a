import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { countryOptions } from '../phone';

export interface SendOptions {
	defaultCountry?: string;
	concurrency: number;
	maxPerSecond: number;
	retryOnRateLimit: boolean;
	maxRetries: number;
	timeoutMs: number;
	/** Closed-session items leave by a second output (Send Contact on 1MSG and LipaChat) */
	windowClosedOutput: boolean;
}

/** The "Options" collection every send operation shows. */
export function sendOptionsProperty(
	defaultMaxPerSecond: number,
	displayOptions: INodeProperties['displayOptions'],
	extra: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: (
			[
				{
					displayName: 'Concurrency',
					name: 'concurrency',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 64 },
					default: 8,
					description: 'How many messages may be in flight at once',
				},
				{
					displayName: 'Default Country',
					name: 'defaultCountry',
					type: 'options',
					options: [{ name: 'None (Numbers Are International)', value: '' }, ...countryOptions],
					default: '',
					description:
						'Country used to read phone numbers written without a country code, e.g. 07911 123456 with GB',
				},
				{
					displayName: 'Max Messages Per Second',
					name: 'maxPerSecond',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: defaultMaxPerSecond,
					description:
						"Cap on the send rate of this node, to stay under the provider's limit. Executions running at the same time each get it: divide the limit by how many run at once. 0 means no cap.",
				},
				{
					displayName: 'Max Retries',
					name: 'maxRetries',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 10 },
					default: 3,
					description:
						'How often one message is retried when the provider says "too many requests" or cannot be reached. A message whose outcome is unknown is never re-sent, unless the provider deduplicates it.',
				},
				{
					displayName: 'Retry On Rate Limit',
					name: 'retryOnRateLimit',
					type: 'boolean',
					default: true,
					description:
						'Whether to wait and retry when the provider answers 429 Too Many Requests (honouring its Retry-After)',
				},
				{
					displayName: 'Timeout (Seconds)',
					name: 'timeout',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 30,
					description: 'How long to wait for the provider to answer one request',
				},
				...extra,
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function readSendOptions(raw: IDataObject, defaultMaxPerSecond: number): SendOptions {
	const number = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isFinite(value) ? value : fallback;
	return {
		defaultCountry:
			typeof raw.defaultCountry === 'string' && raw.defaultCountry !== ''
				? raw.defaultCountry
				: undefined,
		concurrency: Math.max(1, Math.floor(number(raw.concurrency, 8))),
		maxPerSecond: Math.max(0, number(raw.maxPerSecond, defaultMaxPerSecond)),
		retryOnRateLimit: raw.retryOnRateLimit !== false,
		maxRetries: Math.max(0, Math.floor(number(raw.maxRetries, 3))),
		timeoutMs: Math.max(1, number(raw.timeout, 30)) * 1000,
		windowClosedOutput: raw.windowClosedOutput === true,
	};
}
