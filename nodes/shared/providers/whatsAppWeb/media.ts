import type { IDataObject } from 'n8n-workflow';

import { InputError, quote } from '../../errors/inputError';
import type { ProviderRequest } from '../../http/transport';
import { extensionOf, linkFileName } from '../../media/fileTypes';
import { metaMediaLimits, type MediaKind, type MediaLimits } from '../../media/kinds';
import type { MediaApi, MediaSend } from '../provider';
import { whatsAppWebSendFields, whatsAppWebUrl } from './api';

const MB = 1000 * 1000;

/**
 * What GOWA takes (src/validations/send_validation.go, src/config/settings.go): it checks an
 * uploaded file's Content-Type; images up to 20 MB, files 50 MB, videos 100 MB. Audio and
 * stickers have no size check of GOWA's own: WhatsApp's (Meta's) sizes are used, and GOWA
 * turns images into stickers itself.
 */
const limits: MediaLimits = {
	image: { mimeTypes: ['image/jpeg', 'image/jpg', 'image/png'], maxBytes: 20 * MB },
	video: {
		mimeTypes: ['video/mp4', 'video/x-matroska', 'video/avi', 'video/x-msvideo'],
		maxBytes: 100 * MB,
	},
	audio: {
		mimeTypes: [
			'audio/aac',
			'audio/amr',
			'audio/flac',
			'audio/m4a',
			'audio/mp3',
			'audio/mpeg',
			'audio/ogg',
			'audio/wav',
			'audio/x-wav',
		],
		maxBytes: metaMediaLimits.audio!.maxBytes,
	},
	document: { mimeTypes: [], maxBytes: 50 * MB },
	sticker: {
		mimeTypes: ['image/jpeg', 'image/jpg', 'image/png', 'image/webp', 'image/gif'],
		maxBytes: 20 * MB,
	},
};

/** GOWA's route and file field for each kind; a link goes in `<field>_url`. */
const routes: Record<MediaKind, { path: string; field: string }> = {
	image: { path: 'send/image', field: 'image' },
	video: { path: 'send/video', field: 'video' },
	audio: { path: 'send/audio', field: 'audio' },
	document: { path: 'send/file', field: 'file' },
	sticker: { path: 'send/sticker', field: 'sticker' },
};

/**
 * GOWA fetches an image or sticker link only when the last part of its path ends in one of
 * these; any other it refuses, sending nothing (src/pkg/utils/general.go DownloadImageFromURL:
 * "unsupported file type"). Video, audio and file links it fetches by their Content-Type.
 */
const imageLinkExtensions = ['jpg', 'jpeg', 'png', 'webp'];

function checkFetchable(kind: MediaKind, url: string): void {
	if (kind !== 'image' && kind !== 'sticker') return;
	const extension = extensionOf(linkFileName(url));
	if (extension && imageLinkExtensions.includes(extension)) return;
	throw new InputError(
		'Media URL',
		`WhatsApp Web (GOWA) fetches ${kind === 'image' ? 'an image' : 'a sticker'} link only when it ends in ${imageLinkExtensions.map((e) => `.${e}`).join(', ')}, and ${quote(url)} ends in ${extension ? `.${extension}` : 'no file extension'}`,
		kind === 'image' && extension === 'gif'
			? 'WhatsApp shows a GIF as a short MP4 video: convert it and send it with Media Type "video", or send it with Media Type "document".'
			: 'Send the file from binary data (HTTP Request with Response Format "File", then Media Source "Binary Data"), or use a link to a JPEG or PNG.',
	);
}

/**
 * A link goes as JSON with `<field>_url`; a file as multipart/form-data with the file in
 * `<field>`, streamed from n8n's binary data. Caption, reply, forwarded, disappearing and
 * voice note (`ptt`) go along where set.
 */
async function request({
	credentials,
	recipient,
	media,
	options,
}: MediaSend): Promise<ProviderRequest> {
	const { headers, fields } = whatsAppWebSendFields(credentials, recipient, options);
	const { path, field } = routes[media.kind];
	const body: IDataObject = {
		...fields,
		...(media.caption && { caption: media.caption }),
		...(media.kind === 'audio' && media.voiceNote && { ptt: true }),
	};
	const url = whatsAppWebUrl(credentials, path);
	if (media.url) checkFetchable(media.kind, media.url);
	if (media.url)
		return { method: 'POST', url, headers, body: { ...body, [`${field}_url`]: media.url } };
	const file = media.file!;
	// A form carries every field as text.
	const form = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)]));
	return {
		method: 'POST',
		url,
		headers,
		upload: {
			fields: form,
			file: {
				field,
				fileName: media.fileName,
				mimeType: file.mimeType,
				bytes: file.bytes,
				open: file.stream,
			},
		},
	};
}

/** GOWA turns any audio into OGG/Opus for a voice note (`ptt`) with ffmpeg itself. */
const voiceNotes = { mimeTypes: [] };

export const whatsAppWebMedia: MediaApi = { limits, voiceNotes, request };
