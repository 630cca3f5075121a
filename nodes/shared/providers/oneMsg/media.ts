import type { ProviderRequest } from '../../http/transport';
import { metaMediaLimits } from '../../media/kinds';
import type { MediaApi, MediaSend } from '../provider';
import { oneMsgRecipientFields, oneMsgReplyField, oneMsgUrl } from './api';

/** 1MSG's sendFile takes images, videos, audio and documents; no stickers ([1msg-sdk]). */
const limits = { ...metaMediaLimits, sticker: undefined };

/**
 * `POST sendFile {phone | chatId, body, filename, caption?, quotedMsgId?, voice?}`: `body` is the
 * link, or the file itself as a data URI (1MSG takes no upload), so a file is read whole once.
 * An open session only.
 */
async function request({
	credentials,
	recipient,
	media,
	options,
}: MediaSend): Promise<ProviderRequest> {
	const file = media.file;
	const body =
		media.url ?? `data:${file!.mimeType};base64,${(await file!.buffer()).toString('base64')}`;
	return {
		method: 'POST',
		url: oneMsgUrl(credentials, 'sendFile'),
		body: {
			...oneMsgRecipientFields(recipient),
			body,
			filename: media.fileName ?? media.kind,
			...(media.caption && { caption: media.caption }),
			...oneMsgReplyField(options),
			...(media.kind === 'audio' && media.voiceNote && { voice: true }),
		},
	};
}

export const oneMsgMedia: MediaApi = { limits, voiceNotes: true, request };
