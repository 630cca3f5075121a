import { InputError, quote } from '../../errors/inputError';
import type { ProviderRequest } from '../../http/transport';
import { extensionOf } from '../../media/fileTypes';
import { metaMediaLimits } from '../../media/kinds';
import type { MediaApi, MediaSend } from '../provider';
import { oneMsgRecipientFields, oneMsgReplyField, oneMsgUrl } from './api';

/** 1MSG's sendFile takes images, videos, audio and documents; no stickers ([1msg-sdk]). */
const limits = { ...metaMediaLimits, sticker: undefined };

/**
 * `POST sendFile {phone | chatId, body, filename, caption?, quotedMsgId?, voice?}`: `body` is the
 * link, or the file itself as a data URI (1MSG takes no upload), streamed into the JSON.
 * `filename` is a name with its extension ("for example 1.jpg or hello.xlsx"), which 1MSG
 * sends the file as. An open session only.
 */
async function request({
	credentials,
	recipient,
	media,
	options,
}: MediaSend): Promise<ProviderRequest> {
	if (!extensionOf(media.fileName)) {
		throw new InputError(
			'File Name',
			`1MSG sends a file as the type its name's extension says, and nothing tells the type of ${quote(media.url ?? media.fileName)}`,
			'Type a File Name with its extension, e.g. invoice-10482.pdf.',
		);
	}
	const fields = {
		...oneMsgRecipientFields(recipient),
		filename: media.fileName,
		...(media.caption && { caption: media.caption }),
		...oneMsgReplyField(options),
		...(media.kind === 'audio' && media.voiceNote && { voice: true }),
	};
	const url = oneMsgUrl(credentials, 'sendFile');
	if (media.url) return { method: 'POST', url, body: { ...fields, body: media.url } };
	const file = media.file!;
	// The data URI streamed into the JSON from n8n's binary store, never held whole.
	return {
		method: 'POST',
		url,
		dataUri: {
			fields,
			file: {
				field: 'body',
				fileName: media.fileName,
				mimeType: file.mimeType,
				bytes: file.bytes,
				open: file.stream,
			},
		},
	};
}

/** 1MSG sends `voice: true` only with OGG (Opus), WhatsApp's voice note type ([1msg-sdk]). */
const voiceNotes = { mimeTypes: ['audio/ogg'] };

export const oneMsgMedia: MediaApi = { limits, voiceNotes, request };
