import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { NormalisedStatus } from '../deliveryStatus';
import type { IncomingMessage, MessageDirection } from '../incomingMessage';
import type { Provider } from '../providers/provider';
import { dropRepeated, messageKey, statusKey } from './dropRepeated';
import { withMedia } from './downloadMedia';
import { readTriggerSettings, type TriggerSettings } from './settings';

export const maxBodyBytes = 1024 * 1024;

type RawRequest = {
	rawBody?: Buffer;
	body?: unknown;
	headers: Record<string, unknown>;
	query?: IDataObject;
};

/** The exact bytes received (n8n keeps them as `rawBody`), needed for signatures. */
function rawBodyOf(request: RawRequest): Buffer {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	return Buffer.from(request.body === undefined ? '' : JSON.stringify(request.body));
}

function parseJson(raw: Buffer): { ok: true; body: unknown } | { ok: false } {
	try {
		return { ok: true, body: JSON.parse(raw.toString('utf8')) };
	} catch {
		return { ok: false };
	}
}

interface Wanted {
	statuses: boolean;
	/** Whose messages: customers' ("Message"), a person of the business's ("Operator Message") */
	directions: MessageDirection[];
}

/** The events the trigger's parameters ask for, each filtered and, if asked, without repeats. */
function selectEvents(
	context: IWebhookFunctions,
	settings: TriggerSettings,
	body: unknown,
	credentials: ICredentialDataDecryptedObject,
	wanted: Wanted,
) {
	const { webhook } = settings.provider;
	const receivedAt = new Date();
	const { statuses: statusFilter, messageTypes: types, ignoreGroups } = settings;
	let statuses: NormalisedStatus[] = wanted.statuses
		? webhook
				.statuses(body, receivedAt)
				.filter((s) => statusFilter.length === 0 || statusFilter.includes(s.status))
		: [];
	let messages: IncomingMessage[] = wanted.directions.length
		? webhook
				.messages(body, receivedAt, credentials)
				.filter((m) => wanted.directions.includes(m.direction))
				.filter((m) => types.length === 0 || types.includes(m.type))
				.filter((m) => !(ignoreGroups && m.isGroup))
		: [];
	if (settings.dropDuplicates) {
		const staticData = context.getWorkflowStaticData('node');
		const node = context.getNode();
		const scope = `${context.getWorkflow().id}:${node.webhookId ?? node.name}`;
		statuses = dropRepeated(staticData, statuses, statusKey, scope);
		messages = dropRepeated(staticData, messages, messageKey, scope);
	}
	return { statuses, messages };
}

/**
 * One callback: size, authenticity and JSON are checked before anything runs, so bad input
 * gets 413/401/400 and never starts an execution. Statuses and customer messages then pass the
 * trigger's filters and, if asked, drop repeats; what is left becomes one item per event.
 */
export async function receiveEvents(
	this: IWebhookFunctions,
	providers: Provider[],
): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as unknown as RawRequest;
	const response = this.getResponseObject();
	const reply = (statusCode: number, body: IDataObject): IWebhookResponseData => {
		response.writeHead(statusCode, { 'content-type': 'application/json' });
		response.end(JSON.stringify(body));
		return { noWebhookResponse: true };
	};

	const rawBody = rawBodyOf(request);
	if (rawBody.length > maxBodyBytes) return reply(413, { error: 'The body is larger than 1 MB' });

	const settings = readTriggerSettings(this, providers);
	const { provider } = settings;
	const credentials = await this.getCredentials(provider.credentialType);
	const incoming = { rawBody, headers: request.headers, query: request.query ?? {} };
	if (!provider.webhook.authentic(incoming, credentials, this.getNodeWebhookUrl('default') ?? '')) {
		return reply(401, { error: 'Missing or wrong secret or signature' });
	}
	const parsed = parseJson(rawBody);
	if (!parsed.ok) return reply(400, { error: 'The body is not valid JSON' });

	const { events } = settings;
	const wanted: Wanted = {
		statuses: events.includes('status'),
		directions: [
			...(events.includes('message') ? (['incoming'] as const) : []),
			...(events.includes('operatorMessage') ? (['operator'] as const) : []),
		],
	};
	const { statuses, messages } = selectEvents(this, settings, parsed.body, credentials, wanted);
	if (statuses.length === 0 && messages.length === 0) {
		return reply(200, {
			received: true,
			statuses: 0,
			...(wanted.directions.length > 0 && { messages: 0 }),
		});
	}
	const items = [
		...statuses.map((status) => ({ json: status as unknown as IDataObject })),
		...(await withMedia(this, messages, settings, credentials)),
	];
	// Answered here, before the execution starts: n8n then saves what dropRepeated just
	// remembered at once. Left to n8n, the answer (and the save) comes after the execution is
	// set up, which in n8n 2.41 clears the mark that static data changed: only a first status
	// was ever remembered (docs/trigger.md, "Drop Duplicates").
	return {
		...reply(200, { message: 'Workflow was started' }),
		workflowData: [items],
	};
}
