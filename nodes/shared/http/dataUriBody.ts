import type { IDataObject } from 'n8n-workflow';

import type { UploadFile } from './multipart';

/** A JSON body whose `file.field` is the file itself as a data URI (1MSG's sendFile). */
export interface DataUriUpload {
	fields: IDataObject;
	file: UploadFile;
}

const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/**
 * The body as a Blob-like value that n8n's HTTP client (axios) streams: the JSON before the
 * file, the file's base64 text made chunk by chunk as the file is read from n8n's binary store
 * (each chunk cut at a multiple of 3 bytes, so the pieces join into one base64 text), and the
 * JSON after it. The file is never held whole, nor its base64 text, nor the JSON around it;
 * the size is known beforehand, so the request carries a Content-Length. Built without Node's
 * `stream` module, which community nodes may not import.
 */
class DataUriBody {
	readonly type = 'application/json';
	readonly size: number;
	private readonly head: Buffer;
	private readonly tail: Buffer;

	constructor(private readonly upload: DataUriUpload) {
		const { fields, file } = upload;
		const rest = JSON.stringify(fields);
		const before = rest === '{}' ? '{' : `${rest.slice(0, -1)},`;
		this.head = Buffer.from(
			`${before}${JSON.stringify(file.field)}:"data:${file.mimeType};base64,`,
			'utf8',
		);
		this.tail = Buffer.from('"}', 'utf8');
		this.size = this.head.length + base64Length(file.bytes) + this.tail.length;
	}

	get [Symbol.toStringTag]() {
		return 'Blob';
	}

	async *stream(): AsyncGenerator<Uint8Array> {
		yield this.head;
		let carry: Buffer = Buffer.alloc(0);
		for await (const chunk of await this.upload.file.open()) {
			const bytes = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
			const whole = bytes.length - (bytes.length % 3);
			if (whole > 0) yield Buffer.from(bytes.subarray(0, whole).toString('base64'), 'latin1');
			carry = bytes.subarray(whole);
		}
		if (carry.length > 0) yield Buffer.from(carry.toString('base64'), 'latin1');
		yield this.tail;
	}
}

export const dataUriBody = (upload: DataUriUpload): object => new DataUriBody(upload);
