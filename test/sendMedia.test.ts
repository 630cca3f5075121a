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
				'"parcel.jpg" is 5 MB, more than the 5 MB 1MSG takes for an image (item 0)',
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
