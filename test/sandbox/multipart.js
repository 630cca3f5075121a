'use strict';
// multipart/form-data as a server reads it (Go's mime/multipart, which GOWA's Fiber uses): text
// fields and files, each file with its name, Content-Type and bytes.

/**
 * @param {Buffer} raw
 * @param {string} contentType the request's Content-Type, with its boundary
 * @returns {{fields: Record<string, string>, files: Record<string, {fileName: string, contentType: string, data: Buffer}>} | undefined}
 */
function parseMultipart(raw, contentType) {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType || '');
	if (!boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary[1] || boundary[2]}`);
	const fields = {};
	const files = {};
	let start = raw.indexOf(delimiter);
	if (start !== 0) return undefined;
	for (;;) {
		start += delimiter.length;
		if (raw.slice(start, start + 2).toString() === '--') return { fields, files };
		start += 2; // CRLF after the delimiter
		const end = raw.indexOf(delimiter, start);
		if (end === -1) return undefined;
		const part = raw.slice(start, end - 2); // the CRLF before the next delimiter
		const split = part.indexOf('\r\n\r\n');
		if (split === -1) return undefined;
		const headers = part.slice(0, split).toString('utf8');
		const data = part.slice(split + 4);
		const name = /name="([^"]*)"/.exec(headers)?.[1];
		const fileName = /filename="([^"]*)"/.exec(headers)?.[1];
		const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
		if (name === undefined) return undefined;
		if (fileName !== undefined) files[name] = { fileName, contentType: type || '', data };
		else fields[name] = data.toString('utf8');
		start = end;
	}
}

module.exports = { parseMultipart };
