// The streamed data-URI body (1MSG's sendFile from binary data): the bytes it streams are the
// JSON the provider would get from the whole file, whatever the chunks, and its size is exact.
import { dataUriBody } from '../nodes/shared/http/dataUriBody';

async function streamed(body: object): Promise<{ text: string; size: number }> {
	const blob = body as { size: number; type: string; stream(): AsyncIterable<Uint8Array> };
	const parts: Buffer[] = [];
	for await (const part of blob.stream()) parts.push(Buffer.from(part));
	expect(blob.type).toBe('application/json');
	expect(Object.prototype.toString.call(body)).toBe('[object Blob]');
	return { text: Buffer.concat(parts).toString('utf8'), size: blob.size };
}

describe('dataUriBody', () => {
	const file = Buffer.from(Array.from({ length: 200_003 }, (_, i) => (i * 7) % 256));
	const fields = { phone: '254722000111', filename: 'Invoice "10482".pdf', caption: 'Ünïcödé ✓' };
	const upload = (chunks: number[]) => ({
		fields,
		file: {
			field: 'body',
			fileName: 'x.pdf',
			mimeType: 'application/pdf',
			bytes: file.length,
			open: async () => {
				const out: Uint8Array[] = [];
				let at = 0;
				for (const size of chunks) out.push(file.subarray(at, (at += size)));
				out.push(file.subarray(at));
				return out;
			},
		},
	});

	it.each([
		['one chunk', []],
		['chunks of 1, 4 and 65,537 bytes', [1, 4, 65_537]],
		['chunks of 2 bytes at first', [2, 2, 2, 5]],
	])('%s: the JSON of the whole file, its size exact', async (_name, chunks) => {
		const body = dataUriBody(upload(chunks as number[]));
		const { text, size } = await streamed(body);
		expect(JSON.parse(text)).toEqual({
			...fields,
			body: `data:application/pdf;base64,${file.toString('base64')}`,
		});
		expect(Buffer.byteLength(text)).toBe(size);
		// Read anew for a second attempt.
		expect((await streamed(body)).text).toBe(text);
	});

	it('a body with no other field', async () => {
		const body = dataUriBody({ ...upload([]), fields: {} });
		const { text, size } = await streamed(body);
		expect(JSON.parse(text)).toEqual({
			body: `data:application/pdf;base64,${file.toString('base64')}`,
		});
		expect(Buffer.byteLength(text)).toBe(size);
	});
});
