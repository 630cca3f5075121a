import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { redact, secretsOf } from '../shared/errors/redact';
import type { IncomingMessage } from '../shared/incomingMessage';
import type { Provider } from '../shared/providers/provider';

/** WhatsApp's own limit for a document; larger answers are not media. */
export const maxMediaBytes = 100 * 1024 * 1024;
const timeoutMs = 30_000;

/**
 * Fetches a message's media link into binary data `data`. The links are the provider's
 * temporary file links (1MSG's S3 link, GOWA's /statics/…), fetched without credentials: no
 * token goes to a file host. A failure never loses the message: it arrives with
 * `media.error` saying why.
 */
async function download(
	context: IWebhookFunctions,
	message: IncomingMessage,
	secrets: string[],
): Promise<INodeExecutionData> {
	const json = message as unknown as IDataObject;
	const media = message.media!;
	try {
		const response = (await context.helpers.httpRequest({
			method: 'GET',
			url: media.url!,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			timeout: timeoutMs,
		})) as { body: ArrayBuffer | Buffer; headers: Record<string, string | undefined> };
		const data = Buffer.from(response.body as ArrayBuffer);
		if (data.length > maxMediaBytes) {
			throw new Error(`the file is larger than ${maxMediaBytes / 1024 / 1024} MB`);
		}
		const mimeType = media.mimeType ?? response.headers['content-type']?.split(';')[0];
		const binary = await context.helpers.prepareBinaryData(data, media.fileName, mimeType);
		return { json, binary: { data: binary } };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		const failed = { ...media, error: redact(`Could not download the media: ${reason}`, secrets) };
		return { json: { ...json, media: failed } };
	}
}

/** The messages as items; with "Download Media" on, each media link's file as binary `data`. */
export async function withMedia(
	context: IWebhookFunctions,
	messages: IncomingMessage[],
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
): Promise<INodeExecutionData[]> {
	const wanted = context.getNodeParameter('options.downloadMedia', false) as boolean;
	const secrets = secretsOf(provider, credentials);
	return await Promise.all(
		messages.map(async (message) =>
			wanted && message.media?.url
				? await download(context, message, secrets)
				: { json: message as unknown as IDataObject },
		),
	);
}
