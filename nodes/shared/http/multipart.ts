/** The file part of a multipart upload, read only while it is sent. */
export interface UploadFile {
	field: string;
	fileName: string;
	mimeType: string;
	bytes: number;
	/** The file's bytes, anew for each attempt */
	open(): Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>;
}

/** A multipart/form-data body: text fields and one file. */
export interface Upload {
	fields: Record<string, string>;
	file: UploadFile;
}

async function* chunksOf(file: UploadFile): AsyncGenerator<Uint8Array> {
	for await (const chunk of await file.open()) yield chunk;
}

/**
 * The upload as a spec-compliant FormData as n8n's HTTP client (axios) streams it: the file
 * entry is a Blob-like value whose `stream()` reads the file chunk by chunk from wherever n8n
 * keeps it, so it is never held whole in memory; its size is known, so the request carries a
 * Content-Length. Built without Node's `stream` module, which community nodes may not import.
 * A class, not an object literal: axios takes no plain object for a form.
 */
class StreamedForm {
	private readonly fields: Array<[string, unknown]>;

	constructor({ fields, file }: Upload) {
		const blob = {
			name: file.fileName,
			type: file.mimeType,
			size: file.bytes,
			stream: () => chunksOf(file),
		};
		this.fields = [...Object.entries(fields), [file.field, blob]];
	}

	get [Symbol.toStringTag]() {
		return 'FormData';
	}

	append(): never {
		throw new Error('This form is built once');
	}

	entries() {
		return this.fields[Symbol.iterator]();
	}

	[Symbol.iterator]() {
		return this.fields[Symbol.iterator]();
	}
}

export const streamedForm = (upload: Upload): object => new StreamedForm(upload);
