import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { dataUriBody, type DataUriUpload } from './dataUriBody';
import { streamedForm, type Upload } from './multipart';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface ProviderRequest {
	method: IHttpRequestMethods;
	url: string;
	body?: IDataObject;
	/** A multipart body instead of `body` (a file upload), its file read anew for each attempt */
	upload?: Upload;
	/** A JSON body instead of `body` carrying a file as a data URI, streamed the same way */
	dataUri?: DataUriUpload;
	qs?: IDataObject;
	headers?: Record<string, string>;
}

export interface ProviderResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/**
 * The request never produced an answer. `reachedServer` says whether the provider may have
 * processed it: a refused connection did not, a timeout or a dropped connection might have.
 */
export class NetworkError extends Error {
	constructor(
		message: string,
		readonly reachedServer: boolean,
		readonly code: string,
	) {
		super(message);
		this.name = 'NetworkError';
	}
}

const neverReachedServer = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

function describeNetworkError(error: unknown, timeoutMs: number): NetworkError {
	const err = error as { code?: string; cause?: { code?: string }; message?: string };
	const code = err.code ?? err.cause?.code ?? 'ENETWORK';
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(err.message ?? '')) {
		return new NetworkError(`No answer within ${timeoutMs} ms`, true, 'ETIMEDOUT');
	}
	if (neverReachedServer.has(code)) {
		// No error code in the text: NodeApiError replaces messages that contain one.
		return new NetworkError('Could not connect to the provider', false, code);
	}
	return new NetworkError('The connection to the provider was lost before it answered', true, code);
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * One HTTP exchange through n8n's authenticated request helper, with a timeout, the answer
 * returned whatever its status so each provider can read its own error shapes. Only
 * callProvider uses it: that is where the retry policy lives.
 * The credentials the caller already read are handed over, so n8n does not load and decrypt
 * them again for every request. Network failures become NetworkError, carrying nothing of the
 * request (no headers, no auth).
 */
export async function sendRequest(
	context: RequestContext,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	request: ProviderRequest,
	timeoutMs: number,
): Promise<ProviderResponse> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: {
			Accept: 'application/json',
			...request.headers,
			// n8n's HTTP client streams the form and adds the boundary and the Content-Length.
			...(request.upload && { 'Content-Type': 'multipart/form-data' }),
		},
		body: (request.upload
			? streamedForm(request.upload)
			: request.dataUri
				? dataUriBody(request.dataUri)
				: request.body) as IDataObject,
		json: true,
		timeout: timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect is answered, not followed: n8n would send the token on to the new address,
		// even another host, and turn the POST of a message into a GET. It also spares every
		// request follow-redirects' wrapper: about a third of the memory growth and a tenth of
		// the CPU per message in a real n8n (docs/performance.md).
		disableFollowRedirect: true,
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			options,
			{
				credentialsDecrypted: {
					id: '',
					name: credentialType,
					type: credentialType,
					data: credentials,
				},
			},
		)) as { statusCode: number; headers: ProviderResponse['headers']; body: unknown };
		return {
			statusCode: response.statusCode,
			headers: response.headers ?? {},
			body: parseBody(response.body),
		};
	} catch (error) {
		throw describeNetworkError(error, timeoutMs);
	}
}

/** One response header's value, the first where it came several times. */
export function headerValue(
	headers: ProviderResponse['headers'],
	name: string,
): string | undefined {
	const raw = headers[name];
	return Array.isArray(raw) ? raw[0] : raw;
}

/** Reads Retry-After (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(
	headers: ProviderResponse['headers'],
	now = Date.now(),
): number | undefined {
	const value = headerValue(headers, 'retry-after');
	if (value === undefined || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Joins a user-entered base URL and a path without doubling or losing slashes. */
export function joinUrl(base: string, ...parts: string[]): string {
	return [base.replace(/\/+$/, ''), ...parts.map((part) => part.replace(/^\/+|\/+$/g, ''))]
		.filter((part) => part !== '')
		.join('/');
}
