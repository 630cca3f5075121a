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

/** Meta states its limits in binary units, GOWA in decimal: each limit is kept as stated. */
const MiB = 1024 * 1024;
const KiB = 1024;

/**
 * Meta's Cloud API limits (developers.facebook.com …/whatsapp/cloud-api/reference/media,
 * "Supported media types"), which 1MSG and LipaChat pass on.
 */
export const metaMediaLimits: MediaLimits = {
	image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MiB },
	video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MiB },
	audio: {
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: 16 * MiB,
	},
	document: { mimeTypes: [], maxBytes: 100 * MiB },
	// Animated stickers may be 500 KB, static ones 100 KB.
	sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * KiB },
};

/** The kinds a provider sends, in WhatsApp's order. */
export const kindsOf = (limits: MediaLimits): MediaKind[] =>
	mediaKinds.filter((kind) => limits[kind] !== undefined);

/** Whether WhatsApp shows a caption on this kind. */
export const takesCaption = (kind: MediaKind) => kind !== 'audio' && kind !== 'sticker';

/** WhatsApp's limit on a caption, in characters. */
export const maxCaptionCharacters = 1024;

const MB = 1000 * 1000;

/** A size as n8n shows a file's: decimal units (20,000,000 bytes is 20 MB). */
export const megabytes = (bytes: number) =>
	bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;

/** A limit as its provider states it, with n8n's decimal size beside a binary one. */
export function statedLimit(bytes: number): string {
	if (bytes % MB === 0) return `${bytes / MB} MB`;
	if (bytes % MiB === 0) return `${bytes / MiB} MiB (${megabytes(bytes)})`;
	if (bytes % KiB === 0) return `${bytes / KiB} KiB (${megabytes(bytes)})`;
	return megabytes(bytes);
}

/** A file's size beside a limit it passes: exact where the two would read the same. */
export function sizeOver(bytes: number, limit: number): string {
	const size = megabytes(bytes);
	return size === megabytes(limit) ? `${bytes.toLocaleString('en-US')} bytes` : size;
}
