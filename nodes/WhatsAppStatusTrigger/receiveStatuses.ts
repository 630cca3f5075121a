import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { NormalisedStatus } from '../shared/deliveryStatus';
import { providers } from '../shared/providers';
import type { ProviderId } from '../shared/providers/provider';
import { dropRepeated } from './dropRepeated';

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

/**
 * One status callback: size, authenticity and JSON are checked before anything runs, so bad
 * input gets 413/401/400 and never starts an execution. Statuses then pass the Statuses filter
 * and, if asked, drop repeats; what is left becomes one item per status event.
 */
export async function receiveStatuses(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as unknown as RawRequest;
	const response = this.getResponseObject();
	const reply = (statusCode: number, body: IDataObject): IWebhookResponseData => {
		response.writeHead(statusCode, { 'content-type': 'application/json' });
		response.end(JSON.stringify(body));
		return { noWebhookResponse: true };
	};

	const rawBody = rawBodyOf(request);
	if (rawBody.length > maxBodyBytes) return reply(413, { error: 'The body is larger than 1 MB' });

	const provider = providers[this.getNodeParameter('provider') as ProviderId];
	const source = provider.statusWebhook;
	const credentials = await this.getCredentials(provider.credentialType);
	const incoming = { rawBody, headers: request.headers, query: request.query ?? {} };
	if (!source.authentic(incoming, credentials, this.getNodeWebhookUrl('default') ?? '')) {
		return reply(401, { error: 'Missing or wrong secret or signature' });
	}
	const parsed = parseJson(rawBody);
	if (!parsed.ok) return reply(400, { error: 'The body is not valid JSON' });

	const wanted = this.getNodeParameter('statuses', []) as string[];
	let statuses: NormalisedStatus[] = source
		.statuses(parsed.body, new Date())
		.filter((s) => wanted.length === 0 || wanted.includes(s.status));
	if (this.getNodeParameter('options.dropDuplicates', true) as boolean) {
		statuses = dropRepeated(this.getWorkflowStaticData('node'), statuses);
	}
	if (statuses.length === 0) return reply(200, { received: true, statuses: 0 });
	// Answered here, before the execution starts: n8n then saves the statuses dropRepeated just
	// remembered at once. Left to n8n, the answer (and the save) comes after the execution is
	// set up, which in n8n 2.41 clears the mark that static data changed: only a first status
	// was ever remembered (README, "Drop Duplicates").
	return {
		...reply(200, { message: 'Workflow was started' }),
		workflowData: [statuses.map((status) => ({ json: status as unknown as IDataObject }))],
	};
}
