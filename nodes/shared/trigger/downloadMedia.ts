import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { redact, secretsOf } from '../errors/redact';
import type { IncomingMessage } from '../incomingMessage';
import {
	extensionForType,
	extensionOf,
	linkFileName,
	linkNameWithExtension,
	withExtension,
} from '../media/fileTypes';
import { metaMediaLimits, statedLimit } from '../media/kinds';
import type { MediaLink, Provider } from '../providers/provider';
import type { TriggerSettings } from './settings';

/** WhatsApp's own limit for a document; larger answers are not media. */
export const maxMediaBytes = metaMediaLimits.document!.maxBytes;
const timeoutMs = 30_000;

/** The message's own link, else one the provider gives on request (GOWA without auto-download). */
async function linkOf(
	context: IWebhookFunctions,
	message: IncomingMessage,
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
): Promise<MediaLink> {
	if (message.media?.url) return { url: message.media.url };
	if (!provider.webhook.mediaLink) {
		throw new Error(`${provider.displayName} sent no link to this file`);
	}
	return await provider.webhook.mediaLink(context, message, credentials);
}

/**
 * The name a downloaded file gets: the provider's, else the link's, else its type and the
 * message id (`image-3EB0C431D5A4.jpg`); with the extension its type calls for, so a Send
 * Media onwards sends a file named as its type.
 */
function downloadedFileName(
	message: IncomingMessage,
	given: string | undefined,
	url: string,
	mimeType: string | undefined,
): string {
	return withExtension(
		given ||
			linkNameWithExtension(url) ||
			`${message.type}-${message.messageId.replace(/[^\w-]+/g, '-')}`,
		extensionForType(mimeType),
		extensionOf(linkFileName(url)),
	);
}

/**
 * Fetches a message's file into binary data `data`. The links are the provider's temporary file
 * links (1MSG's S3 link, GOWA's /statics/…), fetched without credentials: no token goes to a
 * file host. A failure never loses the message: it arrives with `media.error` saying why.
 */
async function download(
	context: IWebhookFunctions,
	message: IncomingMessage,
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
): Promise<INodeExecutionData> {
	const json = message as unknown as IDataObject;
	const media = message.media!;
	try {
		const { url, fileName } = await linkOf(context, message, provider, credentials);
		const response = (await context.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			timeout: timeoutMs,
		})) as { body: ArrayBuffer | Buffer; headers: Record<string, string | undefined> };
		const data = Buffer.from(response.body as ArrayBuffer);
		if (data.length > maxMediaBytes) {
			throw new Error(`the file is larger than ${statedLimit(maxMediaBytes)}`);
		}
		const mimeType = media.mimeType ?? response.headers['content-type']?.split(';')[0];
		const name = downloadedFileName(message, media.fileName ?? fileName, url, mimeType);
		const binary = await context.helpers.prepareBinaryData(data, name, mimeType);
		return { json, binary: { data: binary } };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		const secrets = secretsOf(provider, credentials);
		const failed = { ...media, error: redact(`Could not download the media: ${reason}`, secrets) };
		return { json: { ...json, media: failed } };
	}
}

/** The messages as items; with "Download Media" on, each media link's file as binary `data`. */
export async function withMedia(
	context: IWebhookFunctions,
	messages: IncomingMessage[],
	{ provider, downloadMedia }: TriggerSettings,
	credentials: ICredentialDataDecryptedObject,
): Promise<INodeExecutionData[]> {
	return await Promise.all(
		messages.map(async (message) =>
			downloadMedia && message.media
				? await download(context, message, provider, credentials)
				: { json: message as unknown as IDataObject },
		),
	);
}
