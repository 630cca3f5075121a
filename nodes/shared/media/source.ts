import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { InputError, quote } from '../errors/inputError';
import type { MediaKind } from './kinds';

/** A file from the item's binary data, read only when a request is made. */
export interface BinaryFile {
	/** The binary property it came from, e.g. `data` */
	property: string;
	fileName?: string;
	/** The extension n8n gave the file from its type, e.g. `pdf` */
	extension?: string;
	mimeType: string;
	bytes: number;
	/** The file chunk by chunk, anew for each attempt (multipart uploads, data URIs) */
	stream(): Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>;
}

/** One item's media: a link or a file, with what goes along. */
export interface MediaFile {
	kind: MediaKind;
	url?: string;
	file?: BinaryFile;
	caption?: string;
	/** The file's name with the extension its type calls for, where anything tells the type */
	fileName: string;
	/** Audio as a voice note, where the provider has them */
	voiceNote: boolean;
}

/** A link as typed or mapped: an http(s) URL, else an error naming the field. */
export function readMediaUrl(value: unknown, field = 'Media URL'): string {
	const text = typeof value === 'string' ? value.trim() : '';
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new InputError(
			field,
			text === '' ? `"${field}" is empty` : `"${field}" is not a web link: ${quote(text)}`,
			'Use a link starting with https:// that anyone can open, e.g. https://example.com/photo.jpg, or send the file from binary data.',
		);
	}
	return url.href;
}

/**
 * The file in the item's binary property `property`, described without reading it: in n8n's
 * filesystem (or S3) mode its size comes from the metadata and its bytes stream from the store,
 * so a large file is never held in memory to be checked.
 */
export async function readBinaryFile(
	context: IExecuteFunctions,
	itemIndex: number,
	property: string,
	field = 'Input Binary Field',
): Promise<BinaryFile> {
	const item = context.getInputData()[itemIndex];
	const binary: IBinaryData | undefined = item?.binary?.[property];
	if (!binary) {
		const present = Object.keys(item?.binary ?? {});
		throw new InputError(
			field,
			`The item has no binary data in "${property}"`,
			present.length
				? `Set "${field}" to one of: ${present.join(', ')}.`
				: 'Connect a node that outputs a file (e.g. HTTP Request with Response Format: File, or a Form upload), or send a link instead.',
		);
	}
	const id = binary.id;
	const bytes = id
		? (await context.helpers.getBinaryMetadata(id)).fileSize
		: Buffer.byteLength(binary.data, 'base64');
	return {
		property,
		fileName: binary.fileName,
		extension: binary.fileExtension,
		mimeType: binary.mimeType,
		bytes,
		stream: async () =>
			id ? await context.helpers.getBinaryStream(id) : [Buffer.from(binary.data, 'base64')],
	};
}
