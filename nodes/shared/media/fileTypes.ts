import type { MediaKind } from './kinds';

/**
 * The file types WhatsApp media come in, with the extension each is named with: what the
 * providers take (Meta's supported media types, GOWA's checks) and the documents people send.
 * The first extension of a type is the one a name is given.
 */
const typeExtensions: Array<[mimeType: string, extensions: string[]]> = [
	['image/jpeg', ['jpg', 'jpeg']],
	['image/png', ['png']],
	['image/webp', ['webp']],
	['image/gif', ['gif']],
	['video/mp4', ['mp4']],
	['video/3gpp', ['3gp']],
	['video/x-matroska', ['mkv']],
	['video/x-msvideo', ['avi']],
	['video/quicktime', ['mov']],
	['audio/ogg', ['ogg', 'oga', 'opus']],
	['audio/mpeg', ['mp3']],
	['audio/aac', ['aac']],
	['audio/amr', ['amr']],
	['audio/mp4', ['m4a']],
	['audio/flac', ['flac']],
	['audio/wav', ['wav']],
	['application/pdf', ['pdf']],
	['text/plain', ['txt']],
	['text/csv', ['csv']],
	['application/zip', ['zip']],
	['application/msword', ['doc']],
	['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx']],
	['application/vnd.ms-excel', ['xls']],
	['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx']],
	['application/vnd.ms-powerpoint', ['ppt']],
	['application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx']],
];

/** Other spellings of a type, as servers and GOWA's list write them. */
const sameType: Record<string, string> = {
	'image/jpg': 'image/jpeg',
	'video/avi': 'video/x-msvideo',
	'audio/mp3': 'audio/mpeg',
	'audio/m4a': 'audio/mp4',
	'audio/x-wav': 'audio/wav',
	'audio/opus': 'audio/ogg',
};

const extensionOfType = new Map(typeExtensions.map(([type, [first]]) => [type, first]));
const typeOfExtension = new Map(
	typeExtensions.flatMap(([type, extensions]) => extensions.map((ext) => [ext, type] as const)),
);

/** A MIME type without parameters, in the spelling the table above uses. */
export const plainType = (mimeType: string | undefined): string | undefined => {
	const type = mimeType?.split(';')[0].trim().toLowerCase();
	return type ? (sameType[type] ?? type) : undefined;
};

/** The extension a name ends with (`.pdf` → `pdf`), lower case; none for `invoice` or `.env`. */
export function extensionOf(name: string | undefined): string | undefined {
	const match = /[^./\\]\.([A-Za-z0-9]{1,5})$/.exec(name ?? '');
	// A number is no extension: "Invoice 10.482" has none.
	return match && /[A-Za-z]/.test(match[1]) ? match[1].toLowerCase() : undefined;
}

/** The extension a file of this type is named with, where the type is a known one. */
export const extensionForType = (mimeType: string | undefined) =>
	extensionOfType.get(plainType(mimeType) ?? '');

/** The type a name's extension says, where it is a known one. */
export const typeForName = (name: string | undefined) =>
	typeOfExtension.get(extensionOf(name) ?? '');

/** The extension taken when nothing tells the type of a link's file: the kind's usual one. */
export const usualExtension: Partial<Record<MediaKind, string>> = {
	image: 'jpg',
	video: 'mp4',
	audio: 'mp3',
	sticker: 'webp',
};

/**
 * A file's name as it goes out: `name` where it ends in an extension, else with the first of
 * `extensions` there is (from the file's type, the link…), else as it is.
 */
export function withExtension(name: string, ...extensions: Array<string | undefined>): string {
	if (extensionOf(name)) return name;
	const extension = extensions.find((candidate) => candidate !== undefined);
	return extension ? `${name}.${extension}` : name;
}

/** A link's file name where it has an extension (`…/invoice.pdf`), not `…/download`. */
export function linkNameWithExtension(url: string | undefined): string | undefined {
	const name = linkFileName(url);
	return extensionOf(name) ? name : undefined;
}

/** The last part of a link's path (`…/files/invoice.pdf?x=1` → `invoice.pdf`), if any. */
export function linkFileName(url: string | undefined): string | undefined {
	if (!url) return undefined;
	let last: string;
	try {
		last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
	} catch {
		return undefined;
	}
	return last === '' ? undefined : last;
}
