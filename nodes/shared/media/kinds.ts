/** What a Send Media sends: WhatsApp's kinds of media message. */
export const mediaKinds = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaKind = (typeof mediaKinds)[number];

/** What one provider takes for one kind: the file types and the size. */
export interface MediaLimit {
	/** MIME types taken; empty: any (documents) */
	mimeTypes: string[];
	maxBytes: number;
}

/** A provider's limits by kind; a kind it does not send is missing. */
export type MediaLimits = Partial<Record<MediaKind, MediaLimit>>;

const MB = 1024 * 1024;

/**
 * Meta's Cloud API limits (developers.facebook.com …/whatsapp/cloud-api/reference/media,
 * "Supported media types"), which 1MSG and LipaChat pass on.
 */
export const metaMediaLimits: MediaLimits = {
	image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
	video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
	audio: {
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: 16 * MB,
	},
	document: { mimeTypes: [], maxBytes: 100 * MB },
	// Animated stickers may be 500 KB, static ones 100 KB.
	sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
};

/** The kinds a provider sends, in WhatsApp's order. */
export const kindsOf = (limits: MediaLimits): MediaKind[] =>
	mediaKinds.filter((kind) => limits[kind] !== undefined);

/** Whether WhatsApp shows a caption on this kind. */
export const takesCaption = (kind: MediaKind) => kind !== 'audio' && kind !== 'sticker';

/** WhatsApp's limit on a caption, in characters. */
export const maxCaptionCharacters = 1024;

export const megabytes = (bytes: number) =>
	bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
