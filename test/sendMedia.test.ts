// Send Media on the three nodes, in n8n's engine: from a link and from the item's binary data
// (made by n8n's Convert to File), against simulators that check each request as the provider
// does (1MSG sendFile, LipaChat whatsapp/media, GOWA send/image|video|audio|file|sticker with
// multipart uploads).
import { threeProviders, type ProviderName } from './engine/threeProviders';

const { providers, oneMsg, lipaChat, whatsAppWeb } = threeProviders();
const customerPhone = '+254 722 000111';

/** A small file of each kind, as a workflow would hold it. */
const files = {
	image: { fileName: 'parcel.jpg', mimeType: 'image/jpeg' },
	video: { fileName: 'unboxing.mp4', mimeType: 'video/mp4' },
	audio: { fileName: 'note.ogg', mimeType: 'audio/ogg' },
	document: { fileName: 'invoice-10482.pdf', mimeType: 'application/pdf' },
	sticker: { fileName: 'thanks.webp', mimeType: 'image/webp' },
};
type Kind = keyof typeof files;
const bytesOf = (kind: string) => Buffer.from(`${kind} bytes \u0000\u00ff of the file`, 'latin1');
const order = (kind: Kind, extra: object = {}) => ({
	customerPhone,
	...files[kind],
	file: bytesOf(kind).toString('base64'),
	...extra,
});
/**
 * A field of the order: read from the node that split the orders, since Convert to File outputs
 * only the file, as a workflow that fetched a file reads its earlier data.
 */
const fromOrder = (expression: string) =>
	`={{ ${expression.replace(/\$json\./g, "$('One Item Per Order').item.json.")} }}`;
const mediaParameters = (kind: Kind, source: 'url' | 'binary', extra: object = {}) => ({
	operation: 'sendMedia',
	recipient: fromOrder('$json.customerPhone'),
	mediaType: kind,
	mediaSource: source,
	mediaUrl: `https://cdn.example.com/shop/${files[kind].fileName}`,
	binaryPropertyName: 'data',
	options: {},
	...extra,
});

/** Which kinds each provider sends, and where each goes. */
const routes: Record<ProviderName, Partial<Record<Kind, string>>> = {
	oneMsg: { image: '/sendFile', video: '/sendFile', audio: '/sendFile', document: '/sendFile' },
	lipaChat: {
		image: '/whatsapp/media',
		video: '/whatsapp/media',
		audio: '/whatsapp/media',
		document: '/whatsapp/media',
		sticker: '/whatsapp/media',
	},
	whatsAppWeb: {
		image: '/send/image',
		video: '/send/video',
		audio: '/send/audio',
		document: '/send/file',
		sticker: '/send/sticker',
	},
};
const gowaField = (kind: Kind) => (kind === 'document' ? 'file' : kind);
const cases = (Object.keys(routes) as ProviderName[]).flatMap((provider) =>
	(Object.keys(routes[provider]) as Kind[]).map((kind) => [provider, kind] as const),
);

describe('Send Media in the n8n engine: every kind on every provider', () => {
	it.each(cases)('%s %s from a link', async (provider, kind) => {
		const { run, sim } = providers[provider];
		const caption = kind === 'audio' || kind === 'sticker' ? {} : { caption: 'Your order' };
		const result = await run([order(kind)], mediaParameters(kind, 'url', caption));
		expect(result.error).toBeUndefined();
		const [request] = sim.sends(routes[provider][kind]!);
		const link = `https://cdn.example.com/shop/${files[kind].fileName}`;
		const expected = {
			oneMsg: {
				phone: '254722000111',
				body: link,
				filename: files[kind].fileName,
				...caption,
			},
			lipaChat: {
				messageId: expect.any(String),
				from: '254110090747',
				to: '254722000111',
				mediaType: kind.toUpperCase(),
				mediaUrl: link,
				...caption,
				...(kind === 'document' && { filename: files[kind].fileName }),
			},
			whatsAppWeb: {
				phone: '254722000111@s.whatsapp.net',
				[`${gowaField(kind)}_url`]: link,
				...caption,
			},
		}[provider];
		expect(request.body).toEqual(expected);
		expect(result.items('Send')[0].json).toMatchObject({
			provider,
			messageId: sim.accepted[0].id,
			status: 'accepted',
			to: '+254722000111',
			mediaType: kind,
		});
	});

	const fromFiles = cases.filter(([provider]) => provider !== 'lipaChat');
	it.each(fromFiles)('%s %s from binary data', async (provider, kind) => {
		const { run, sim } = providers[provider];
		const result = await run([order(kind)], mediaParameters(kind, 'binary'), { binary: true });
		expect(result.error).toBeUndefined();
		const [request] = sim.sends(routes[provider][kind]!);
		if (provider === 'oneMsg') {
			// Streamed into the JSON with its exact length.
			expect(request.headers['content-type']).toBe('application/json');
			expect(Number(request.headers['content-length'])).toBe(request.bytes);
			expect(request.body).toEqual({
				phone: '254722000111',
				body: `data:${files[kind].mimeType};base64,${bytesOf(kind).toString('base64')}`,
				filename: files[kind].fileName,
			});
		} else {
			// A multipart upload: the fields as text, the file with its name, type and exact bytes.
			expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			expect(Number(request.headers['content-length'])).toBe(request.bytes);
			expect(request.body).toEqual({ phone: '254722000111@s.whatsapp.net' });
			expect(request.files).toEqual({
				[gowaField(kind)]: {
					fileName: files[kind].fileName,
					contentType: files[kind].mimeType,
					data: bytesOf(kind),
				},
			});
		}
		expect(sim.accepted).toHaveLength(1);
	});
});

describe('Send Media options', () => {
	it('1MSG: a voice note, a reply, and a chat from the trigger', async () => {
		const result = await providers.oneMsg.run(
			[order('audio', { customerPhone: '254722000111@c.us' })],
			mediaParameters('audio', 'binary', {
				voiceNote: true,
				options: { quotedMsgId: 'wamid.HBgMMjU0' },
			}),
			{ binary: true },
		);
		expect(result.error).toBeUndefined();
		expect(oneMsg.sends('/sendFile')[0].body).toEqual({
			chatId: '254722000111@c.us',
			body: `data:audio/ogg;base64,${bytesOf('audio').toString('base64')}`,
			filename: 'note.ogg',
			quotedMsgId: 'wamid.HBgMMjU0',
			voice: true,
		});
	});

	it('GOWA: a voice note, a document named by the node, reply, forwarded and disappearing as form fields', async () => {
		const result = await providers.whatsAppWeb.run(
			[order('audio'), order('document')],
			{
				...mediaParameters('audio', 'binary'),
				mediaType: fromOrder('$json.mimeType === "audio/ogg" ? "audio" : "document"'),
				voiceNote: true,
				fileName: 'Invoice 10482.pdf',
				caption: 'Your invoice',
				options: { replyMessageId: '3EB0AA', isForwarded: true, duration: 604800 },
			},
			{ binary: true },
		);
		expect(result.error).toBeUndefined();
		const common = {
			phone: '254722000111@s.whatsapp.net',
			reply_message_id: '3EB0AA',
			is_forwarded: true,
			duration: 604800,
		};
		expect(whatsAppWeb.sends('/send/audio')[0].body).toEqual({ ...common, ptt: true });
		const [documentRequest] = whatsAppWeb.sends('/send/file');
		expect(documentRequest.body).toEqual({ ...common, caption: 'Your invoice' });
		expect(documentRequest.files!.file.fileName).toBe('Invoice 10482.pdf');
	});

	it('LipaChat: a retry after a dropped connection carries the same messageId: one message', async () => {
		lipaChat.fail({ drop: 'after' });
		const result = await providers.lipaChat.run([order('image')], mediaParameters('image', 'url'));
		expect(result.error).toBeUndefined();
		const sends = lipaChat.sends('/whatsapp/media');
		expect(sends).toHaveLength(2);
		expect(sends[1].body).toEqual(sends[0].body);
		expect(lipaChat.accepted).toHaveLength(1);
	});

	it('1MSG: a closed session leaves by "Window Closed" with that option on', async () => {
		const result = await providers.oneMsg.run(
			[order('image', { customerPhone: '+447911123456' })],
			mediaParameters('image', 'url', { options: { windowClosedOutput: true } }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items('Send', 1)[0].json.windowClosed).toMatchObject({ provider: 'oneMsg' });
		expect(oneMsg.accepted).toHaveLength(0);
	});
});

describe('Send Media: bad input fails only its item, naming the field, before any request', () => {
	const errorsOf = (result: Awaited<ReturnType<(typeof providers)['oneMsg']['run']>>) =>
		result.items('Send', 1).map((item) => [item.pairedItem, item.json.error, item.json.details]);

	it('1MSG: too big for its kind, a wrong type, a long caption, no file, a bad link, a sticker', async () => {
		const big = Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64');
		const result = await providers.oneMsg.run(
			[
				order('image', { file: big }),
				order('image', { mimeType: 'image/gif', fileName: 'x.gif' }),
				order('image', { caption: 'x'.repeat(1025) }),
				order('image', { useUrl: true, link: 'ftp://example.com/a.jpg' }),
				order('image'),
			],
			{
				...mediaParameters('image', 'binary'),
				mediaSource: fromOrder('$json.useUrl ? "url" : "binary"'),
				mediaUrl: fromOrder('$json.link'),
				caption: fromOrder('$json.caption'),
			},
			{ binary: true, continueOnFail: 'errorOutput' },
		);
		expect(result.error).toBeUndefined();
		expect(errorsOf(result)).toEqual([
			[
				{ item: 0 },
				'"parcel.jpg" is 5,242,881 bytes, more than the 5 MiB (5.2 MB) 1MSG takes for an image (item 0)',
				expect.objectContaining({ field: 'Input Binary Field', reason: 'invalidInput' }),
			],
			[
				{ item: 1 },
				'"x.gif" is image/gif, but 1MSG sends an image only as image/jpeg, image/png (item 1)',
				expect.objectContaining({ field: 'Input Binary Field' }),
			],
			[
				{ item: 2 },
				expect.stringMatching(/^"Caption" has 1,025 characters, more than WhatsApp's 1,024/),
				expect.objectContaining({ field: 'Caption' }),
			],
			[
				{ item: 3 },
				'"Media URL" is not a web link: "ftp://example.com/a.jpg" (item 3)',
				expect.objectContaining({ field: 'Media URL' }),
			],
		]);
		expect(result.items('Send', 0).map((item) => item.pairedItem)).toEqual([{ item: 4 }]);
		expect(oneMsg.sends('/sendFile')).toHaveLength(1);

		const sticker = await providers.oneMsg.run(
			[order('sticker')],
			mediaParameters('sticker', 'url'),
			{ continueOnFail: 'errorOutput' },
		);
		expect(errorsOf(sticker)[0][1]).toBe(
			'"Media Type" must be one of image, video, audio, document, got "sticker" (item 0)',
		);
	});

	it('GOWA: no binary data under the field names the fields there are', async () => {
		const result = await providers.whatsAppWeb.run(
			[order('image')],
			mediaParameters('image', 'binary', { binaryPropertyName: 'photo' }),
			{ binary: true, continueOnFail: 'errorOutput' },
		);
		expect(errorsOf(result)).toEqual([
			[
				{ item: 0 },
				'The item has no binary data in "photo" (item 0)',
				expect.objectContaining({
					field: 'Input Binary Field',
					description: 'Set "Input Binary Field" to one of: data.',
				}),
			],
		]);
		expect(whatsAppWeb.received.filter((r) => r.method === 'POST')).toEqual([]);
	});

	it('LipaChat: a file from binary data, and an http link, are refused with the reason', async () => {
		const result = await providers.lipaChat.run(
			[order('image'), order('image', { link: 'http://cdn.example.com/parcel.jpg' })],
			{
				...mediaParameters('image', 'url'),
				mediaSource: fromOrder('$json.link ? "url" : "binary"'),
				mediaUrl: fromOrder('$json.link'),
			},
			{ binary: true, continueOnFail: 'errorOutput' },
		);
		expect(errorsOf(result)).toEqual([
			[
				{ item: 0 },
				'LipaChat takes media only as a link, not as a file from binary data (item 0)',
				expect.objectContaining({ field: 'Media Source' }),
			],
			[
				{ item: 1 },
				'LipaChat takes only https links: "http://cdn.example.com/parcel.jpg" (item 1)',
				expect.objectContaining({ field: 'Media URL' }),
			],
		]);
		expect(lipaChat.received.filter((r) => r.method === 'POST')).toEqual([]);
	});
});

describe('Send Media sends only what the provider takes, named and sized as it states', () => {
	const errorsOf = (result: Awaited<ReturnType<(typeof providers)['oneMsg']['run']>>) =>
		result
			.items('Send', 1)
			.map((item) => [item.json.error, (item.json.details as { field?: string })?.field]);
	const posts = (sim: { received: Array<{ method: string; body: unknown }> }) =>
		sim.received.filter((r) => r.method === 'POST');

	it('GOWA: an image or sticker link GOWA will not fetch is refused before the request; .JPG goes out', async () => {
		const result = await providers.whatsAppWeb.run(
			[
				order('image', { link: 'https://cdn.example.com/shop/dance.gif' }),
				order('image', { link: 'https://cdn.example.com/photo?id=7' }),
				order('sticker', { link: 'https://cdn.example.com/thanks.gif' }),
				order('image', { link: 'https://cdn.example.com/shop/PARCEL.JPG?v=2' }),
			],
			{
				...mediaParameters('image', 'url'),
				mediaType: fromOrder('$json.mimeType === "image/webp" ? "sticker" : "image"'),
				mediaUrl: fromOrder('$json.link'),
			},
			{ continueOnFail: 'errorOutput' },
		);
		expect(result.error).toBeUndefined();
		expect(errorsOf(result)).toEqual([
			[
				'WhatsApp Web (GOWA) fetches an image link only when it ends in .jpg, .jpeg, .png, .webp, and "https://cdn.example.com/shop/dance.gif" ends in .gif (item 0)',
				'Media URL',
			],
			[
				'WhatsApp Web (GOWA) fetches an image link only when it ends in .jpg, .jpeg, .png, .webp, and "https://cdn.example.com/photo?id=7" ends in no file extension (item 1)',
				'Media URL',
			],
			[
				'WhatsApp Web (GOWA) fetches a sticker link only when it ends in .jpg, .jpeg, .png, .webp, and "https://cdn.example.com/thanks.gif" ends in .gif (item 2)',
				'Media URL',
			],
		]);
		expect(result.items('Send', 1)[0].json.details).toMatchObject({
			description: expect.stringContaining('GIF as a short MP4 video'),
		});
		expect(posts(whatsAppWeb).map((r) => r.body)).toEqual([
			{
				phone: '254722000111@s.whatsapp.net',
				image_url: 'https://cdn.example.com/shop/PARCEL.JPG?v=2',
			},
		]);
		expect(whatsAppWeb.accepted).toHaveLength(1);
	});

	it("GOWA: a 500 naming a step before sending is a refusal, sent once; a 500 from WhatsApp's send stays unknown", async () => {
		const refusal =
			'failed to download video from URL HTTP request failed with status: 404 Not Found';
		whatsAppWeb.fail({
			status: 500,
			body: { status: 500, code: 'INTERNAL_SERVER_ERROR', message: refusal, results: null },
		});
		whatsAppWeb.fail({
			status: 500,
			body: {
				status: 500,
				code: 'INTERNAL_SERVER_ERROR',
				message: 'failed to send message node: websocket disconnected',
				results: null,
			},
		});
		const result = await providers.whatsAppWeb.run(
			[order('video'), order('video', { customerPhone: '+254722000112' })],
			mediaParameters('video', 'url'),
			{ continueOnFail: 'errorOutput' },
		);
		const [refused, unknown] = result.items('Send', 1).map((item) => item.json);
		expect(refused.error).toBe(
			`GOWA INTERNAL_SERVER_ERROR: ${refusal} (nothing was sent) (item 0)`,
		);
		expect(refused.details).toMatchObject({
			reason: 'rejected',
			description: 'The provider rejected the request; its message above says why.',
		});
		expect(unknown.error).toMatch(
			/websocket disconnected.*outcome unknown, not re-sent \(item 1\)$/,
		);
		expect(unknown.details).toMatchObject({ reason: 'outcomeUnknown' });
		// Neither was tried again: the refusal has nothing to retry, the unknown may have gone out.
		expect(whatsAppWeb.sends('/send/video')).toHaveLength(2);
	});

	it('1MSG: every file has a name with the extension its type calls for', async () => {
		const result = await providers.oneMsg.run(
			[
				// A typed File Name without an extension: the file's type gives it.
				order('document', { typed: 'invoice' }),
				// A file n8n named without an extension: its type's.
				order('image', { fileName: 'IMG_2231' }),
				// A link with no file name in its path: the kind's usual extension.
				order('image', { link: 'https://cdn.example.com/photo?id=7' }),
				// A typed name without one on a link that has one: the link's.
				order('document', { typed: 'Invoice 10.482', link: 'https://cdn.example.com/f/INV.PDF' }),
			],
			{
				...mediaParameters('document', 'binary'),
				mediaType: fromOrder('$json.mimeType === "image/jpeg" ? "image" : "document"'),
				mediaSource: fromOrder('$json.link ? "url" : "binary"'),
				mediaUrl: fromOrder('$json.link'),
				fileName: fromOrder('$json.typed'),
				// One at a time, so the requests arrive in the items' order.
				options: { concurrency: 1 },
			},
			{ binary: true },
		);
		expect(result.error).toBeUndefined();
		expect(oneMsg.sends('/sendFile').map((r) => r.body.filename)).toEqual([
			'invoice.pdf',
			'IMG_2231.jpg',
			'image.jpg',
			'Invoice 10.482.pdf',
		]);
		expect(result.items('Send').map((item) => item.json.fileName)).toEqual([
			'invoice.pdf',
			undefined,
			undefined,
			'Invoice 10.482.pdf',
		]);
	});

	it('1MSG: a document whose type nothing tells is refused, naming File Name', async () => {
		const result = await providers.oneMsg.run(
			[order('document', { link: 'https://cdn.example.com/download?id=7' })],
			{ ...mediaParameters('document', 'url'), mediaUrl: fromOrder('$json.link') },
			{ continueOnFail: 'errorOutput' },
		);
		expect(errorsOf(result)).toEqual([
			[
				'1MSG sends a file as the type its name\'s extension says, and nothing tells the type of "https://cdn.example.com/download?id=7" (item 0)',
				'File Name',
			],
		]);
		expect(result.items('Send', 1)[0].json.details).toMatchObject({
			description: 'Type a File Name with its extension, e.g. invoice-10482.pdf.',
		});
		expect(posts(oneMsg)).toEqual([]);
	});

	it('1MSG: Voice Note only on OGG: an MP3 file or link is refused, a link of unknown type goes as voice.ogg', async () => {
		const result = await providers.oneMsg.run(
			[
				order('audio', { mimeType: 'audio/mpeg', fileName: 'note.mp3' }),
				order('audio', { link: 'https://cdn.example.com/note.mp3' }),
				order('audio', { link: 'https://cdn.example.com/voice?id=7' }),
			],
			{
				...mediaParameters('audio', 'binary', { voiceNote: true }),
				mediaSource: fromOrder('$json.link ? "url" : "binary"'),
				mediaUrl: fromOrder('$json.link'),
			},
			{ binary: true, continueOnFail: 'errorOutput' },
		);
		expect(errorsOf(result)).toEqual([
			[
				'"note.mp3" is audio/mpeg, but 1MSG sends a voice note only as audio/ogg (OGG/Opus) (item 0)',
				'Voice Note',
			],
			[
				'"https://cdn.example.com/note.mp3" is audio/mpeg, but 1MSG sends a voice note only as audio/ogg (OGG/Opus) (item 1)',
				'Voice Note',
			],
		]);
		expect(oneMsg.sends('/sendFile').map((r) => r.body)).toEqual([
			{
				phone: '254722000111',
				body: 'https://cdn.example.com/voice?id=7',
				filename: 'audio.ogg',
				voice: true,
			},
		]);
	});

	it("GOWA: sizes and limits in decimal MB, as GOWA states its 20 MB and n8n shows a file's size", async () => {
		const big = Buffer.alloc(20_000_001, 1).toString('base64');
		const bigger = Buffer.alloc(21_500_000, 1).toString('base64');
		const result = await providers.whatsAppWeb.run(
			[order('image', { file: big }), order('image', { file: bigger })],
			mediaParameters('image', 'binary'),
			{ binary: true, continueOnFail: 'errorOutput' },
		);
		expect(errorsOf(result)).toEqual([
			[
				'"parcel.jpg" is 20,000,001 bytes, more than the 20 MB WhatsApp Web (GOWA) takes for an image (item 0)',
				'Input Binary Field',
			],
			[
				'"parcel.jpg" is 21.5 MB, more than the 20 MB WhatsApp Web (GOWA) takes for an image (item 1)',
				'Input Binary Field',
			],
		]);
		expect(posts(whatsAppWeb)).toEqual([]);
	});
});
