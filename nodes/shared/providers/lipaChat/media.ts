import { InputError, quote } from '../../errors/inputError';
import type { ProviderRequest } from '../../http/transport';
import { metaMediaLimits } from '../../media/kinds';
import type { MediaApi, MediaSend } from '../provider';
import { lipaChatSender, lipaChatUrl } from './api';
import { messageIdFor } from './messageId';

/**
 * `POST whatsapp/media {messageId, from, to, mediaType, mediaUrl, caption?, filename?}`
 * ([lc-docs] /api/sending-media): the file by https link only. An open session only; the id is
 * the option Message ID, else derived from the item, so a retry cannot send twice.
 */
async function request({
	credentials,
	recipient,
	media,
	options,
	stableId,
}: MediaSend): Promise<ProviderRequest> {
	if (!media.url) {
		throw new InputError(
			'Media Source',
			'LipaChat takes media only as a link, not as a file from binary data',
			'Put the file where an https link reaches it (e.g. your shop or cloud storage) and send that link with Media Source "URL".',
		);
	}
	if (!media.url.startsWith('https://')) {
		throw new InputError(
			'Media URL',
			`LipaChat takes only https links: ${quote(media.url)}`,
			'Use the https:// address of the file.',
		);
	}
	return {
		method: 'POST',
		url: lipaChatUrl(credentials, 'whatsapp/media'),
		body: {
			messageId: messageIdFor(options, stableId),
			from: lipaChatSender(credentials),
			to: recipient.digits,
			mediaType: media.kind.toUpperCase(),
			mediaUrl: media.url,
			...(media.caption && { caption: media.caption }),
			...(media.kind === 'document' && media.fileName && { filename: media.fileName }),
		},
	};
}

export const lipaChatMedia: MediaApi = {
	limits: metaMediaLimits,
	linksOnly: true,
	request,
};
