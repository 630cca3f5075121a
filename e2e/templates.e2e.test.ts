import { createHmac } from 'crypto';
import * as path from 'path';

import { startRedirector } from '../test/engine/redirector';
import {
	burstWithRepeats,
	describeAnswers,
	executionsById,
	postAll,
	storedReceiptKeys,
	type Callback,
} from './burst';
import {
	buttonHandoff,
	enableHandoff,
	expectHandedOver,
	handoffLoop,
	type ProviderName,
} from './handoffScenario';
import { eventually, postJson } from './helpers';
import * as n8n from './n8n';
import { demoCredentials, demo, startSandbox } from './sandbox';
import { scriptedModelCredential } from './scriptedModel';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let server: Awaited<ReturnType<typeof n8n.startN8n>>;
const base = `http://127.0.0.1:${demo.ports.n8n}`;
const post = (webhookPath: string, body: object) => postJson(base, webhookPath, body);

const courierOrder = (customerPhone: string) => ({
	orderId: '10482',
	customerPhone,
	courier: { name: 'Иван Курьер', phone: '+998901234567' },
});

beforeAll(async () => {
	n8n.ensureRuntime();
	const cache = path.join(n8n.root, '.cache');
	const userFolder = path.join(cache, 'e2e-user');
	n8n.prepareUserFolder(userFolder, n8n.packPackage(cache));
	sandbox = await startSandbox();
	// The AI agent hand-off answers the same messages as "Customer asks for a person": it is
	// published by its own tests, at the end.
	n8n.importTemplates(
		userFolder,
		demo.ports.n8n,
		demoCredentials(),
		path.join(n8n.root, 'workflows'),
		{},
		['HandoffAiAgent01'],
	);
	// Test-only workflows: one records every customer message the triggers normalise, one sends
	// media through each provider, one is an AI Agent whose model is scripted.
	n8n.importTemplates(
		userFolder,
		demo.ports.n8n,
		[...demoCredentials(), scriptedModelCredential(demo.ports.model)],
		path.join(__dirname, 'recorder'),
	);
	server = await n8n.startN8n(userFolder, demo.ports.n8n);
	// Published at startup, the 1MSG trigger registers itself with the channel during activation.
	await eventually(() => (sandbox.oneMsg.webhookUrls.length > 0 ? true : undefined), 60_000);
	await n8n.waitForWebhooks(demo.ports.n8n, [
		'courier-handoff',
		'specialist-handoff',
		'partner-delivery',
		'courier-handoff-fallback',
		'courier-handoff-lipachat',
		'delivery-photo',
		'e2e-media',
		'e2e-agent',
	]);
	// The GOWA and LipaChat message triggers of the template and the recorder are live too.
	await eventually(() => (sandbox.oneMsg.webhookUrls.length >= 3 ? true : undefined), 60_000);
}, 15 * 60_000);

afterAll(async () => {
	await server?.stop();
	await sandbox?.stop();
});

describe('workflow templates in a real n8n 2.41.1 with the packed package installed', () => {
	it('courier contact card: the order webhook sends the seed card through 1MSG', async () => {
		const answer = await post('courier-handoff', courierOrder('+1 202 555 0199'));
		expect(answer.status).toBe(200);
		const [request] = sandbox.oneMsg.sends('/sendContact');
		expect(request.path).toBe(`/${demo.oneMsg.channelId}/sendContact`);
		expect(request.body).toEqual({
			phone: '12025550199',
			contacts: [
				{
					name: { formatted_name: 'Иван Курьер', first_name: 'Иван Курьер' },
					phones: [{ phone: '+998901234567', type: 'CELL' }],
				},
			],
		});
		expect(answer.json).toMatchObject({
			provider: 'oneMsg',
			messageId: sandbox.oneMsg.accepted[0].id,
			status: 'accepted',
			to: '+12025550199',
		});
	});

	it('order webhooks answer a bad order with 400 and the reason, a provider refusal with 502', async () => {
		const before = sandbox.oneMsg.sends('/sendContact').length;
		const badPhone = await post('courier-handoff', courierOrder('12345'));
		expect(badPhone).toEqual({
			status: 400,
			json: {
				error: '"Recipient" is not a valid phone number: "12345" (item 0)',
				details: {
					reason: 'invalidInput',
					field: 'Recipient',
					description:
						'Use the international format, e.g. +12025550199, or set "Default Country" in the options.',
				},
			},
		});
		expect(sandbox.oneMsg.sends('/sendContact')).toHaveLength(before);
		// Every order webhook answers the same way: the specialist hand-off over GOWA here.
		const noName = await post('specialist-handoff', {
			customerPhone: '+254 722 000111',
			specialist: { name: ' ', phone: '+254712345678' },
			channel: 'gowa',
		});
		expect(noName.status).toBe(400);
		expect(noName.json.details).toMatchObject({
			reason: 'invalidInput',
			field: 'Contact → Full Name',
		});
		const failing = await post('partner-delivery', {
			partnerPhone: '+998 90 123 45 67',
			partner: 'North Distributor LLC',
			orderNumber: '10482',
			product: 'Wireless headphones',
			note: 'Line one\nline two',
		});
		expect(failing.status).toBe(400);
		expect(failing.json.details).toMatchObject({ reason: 'invalidInput', field: 'Body {{4}}' });
		sandbox.oneMsg.token = 'rotated-token';
		try {
			const refused = await post('courier-handoff', courierOrder('+1 202 555 0199'));
			expect(refused.status).toBe(502);
			expect(refused.json.details).toMatchObject({ reason: 'auth', httpCode: '401' });
		} finally {
			sandbox.oneMsg.token = demo.oneMsg.token;
		}
	});

	it('specialist hand-off: LipaChat by default, GOWA when the ticket says so', async () => {
		const ticket = {
			customerPhone: '+254 722 000111',
			specialist: { name: 'Jane Specialist', phone: '+254712345678' },
		};
		const viaLipaChat = await post('specialist-handoff', { ...ticket, channel: 'lipachat' });
		const viaGowa = await post('specialist-handoff', { ...ticket, channel: 'gowa' });
		expect(viaLipaChat.json).toMatchObject({
			provider: 'lipaChat',
			status: 'accepted',
			to: '+254722000111',
		});
		expect(viaGowa.json).toMatchObject({
			provider: 'whatsAppWeb',
			status: 'accepted',
			to: '+254722000111',
		});
		expect(sandbox.lipaChat.sends('/whatsapp/contact')[0].body).toMatchObject({
			from: demo.lipaChat.senderNumber,
			to: '254722000111',
			name: { formattedName: 'Jane Specialist' },
			phones: [{ phone: '254712345678', type: 'CELL', waId: '254712345678' }],
		});
		expect(sandbox.gowa.sends('/send/contact')[0].body).toEqual({
			phone: '254722000111@s.whatsapp.net',
			contact_name: 'Jane Specialist',
			contact_phone: '254712345678',
		});
	});

	it('partner delivery confirmation: the template, chosen by name and language, goes out with the body 1MSG expects and the seed text as preview', async () => {
		// Another channel lists the same template under its own ID: the workflow does not store one.
		for (const template of sandbox.oneMsg.templates as Array<{ id?: string; name: string }>) {
			if (template.name === 'partner_delivery') template.id = `other-channel-${template.id}`;
		}
		const answer = await post('partner-delivery', {
			partnerPhone: '+998 90 123 45 67',
			partner: 'North Distributor LLC',
			orderNumber: '10482',
			product: 'Wireless headphones',
			note: 'Accepted today at 11:20 AM at the partner warehouse.',
		});
		const [request] = sandbox.oneMsg.sends('/sendTemplate');
		expect(request.body).toEqual({
			phone: '998901234567',
			template: 'partner_delivery',
			namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574',
			language: { policy: 'deterministic', code: 'en' },
			params: [
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'North Distributor LLC' },
						{ type: 'text', text: '10482' },
						{ type: 'text', text: 'Wireless headphones' },
						{ type: 'text', text: 'Accepted today at 11:20 AM at the partner warehouse.' },
					],
				},
			],
		});
		expect(answer.json.preview).toBe(
			'Hello, North Distributor LLC! Order #10482 for "Wireless headphones" has been delivered to your partner pickup point. Accepted today at 11:20 AM at the partner warehouse..\n\n[Handoff details]',
		);
	});

	it('closed-window fallback: a card refused for a closed session becomes the courier template', async () => {
		const before = sandbox.oneMsg.sends('/sendTemplate').length;
		const answer = await post('courier-handoff-fallback', courierOrder('+1 202 555 0123'));
		expect(
			sandbox.oneMsg.accepted.filter((a) => a.to === demo.closedWindowNumber && a.body.contacts),
		).toEqual([]);
		const fallback = sandbox.oneMsg.sends('/sendTemplate').slice(before);
		expect(fallback.map((r) => r.body)).toEqual([
			expect.objectContaining({
				phone: demo.closedWindowNumber,
				template: 'courier_assigned',
				language: { policy: 'deterministic', code: 'en_US' },
				params: [{ type: 'body', parameters: [{ type: 'text', text: 'Иван Курьер' }] }],
			}),
		]);
		expect(answer.json).toMatchObject({
			status: 'accepted',
			template: 'courier_assigned',
			preview: 'Your courier Иван Курьер is on the way.',
		});
	});

	it('closed-window fallback on LipaChat: a card refused for a closed session becomes LipaChat Send Template', async () => {
		const open = await post('courier-handoff-lipachat', courierOrder('+254 722 000222'));
		expect(open.json).toMatchObject({ provider: 'lipaChat', status: 'accepted' });
		expect(sandbox.lipaChat.sends('/whatsapp/template')).toEqual([]);

		const answer = await post('courier-handoff-lipachat', courierOrder('+1 202 555 0123'));
		expect(
			sandbox.lipaChat.accepted.filter(
				(a) => a.to === demo.closedWindowNumber && a.body.phones !== undefined,
			),
		).toEqual([]);
		const [fallback] = sandbox.lipaChat.sends('/whatsapp/template');
		expect(fallback.body).toEqual({
			messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			from: demo.lipaChat.senderNumber,
			to: demo.closedWindowNumber,
			template: {
				name: 'courier_assigned',
				languageCode: 'en',
				components: { body: { placeholders: ['Иван Курьер'] } },
			},
		});
		expect(answer).toEqual({
			status: 200,
			json: expect.objectContaining({
				provider: 'lipaChat',
				messageId: fallback.body.messageId,
				status: 'accepted',
				template: 'courier_assigned',
				language: 'en',
				preview: 'Your courier Иван Курьер is on the way.\n\nReply STOP to opt out',
			}),
		});
	});

	it('customer messages in the real n8n: a text, image and location on each provider start one execution each with the normalised item; echoes and forged requests start nothing', async () => {
		const recorded = () =>
			(sandbox.posted['/messages'] ?? []) as Array<{ message: Record<string, unknown> }>;
		const recorder = (id: string) => `${base}/webhook/e2e0recorder-${id}/status`;
		// LipaChat has one inbound URL: the recorder's for this test, the template's after it.
		sandbox.lipaChat.setInboundWebhook(`${recorder('lipa')}?secret=${demo.lipaChat.webhookSecret}`);
		// GOWA posts every event to each of its WHATSAPP_WEBHOOK URLs: add the recorder's.
		const gowaHooks = sandbox.gowa.serverWebhook!;
		sandbox.gowa.setServerWebhook(
			[...gowaHooks.urls, recorder('gowa')],
			gowaHooks.secret,
			gowaHooks.events,
		);
		const sims = { oneMsg: sandbox.oneMsg, lipaChat: sandbox.lipaChat, whatsAppWeb: sandbox.gowa };
		try {
			for (const [provider, sim] of Object.entries(sims)) {
				for (const kind of ['text', 'image', 'location', 'echo']) {
					const id = `${provider}-${kind}`;
					sim.customerWrites({
						kind,
						from: '254733000444',
						name: 'Amina',
						text: 'Box is damaged',
						id,
					});
				}
				await sim.callbacksDone();
			}
			const messages = await eventually(() =>
				recorded().length >= 9 ? recorded().map((entry) => entry.message) : undefined,
			).catch(() => {
				throw new Error(
					`Recorded: ${JSON.stringify(recorded().map((e) => [e.message.provider, e.message.type]))}`,
				);
			});
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(recorded()).toHaveLength(9);
			for (const provider of Object.keys(sims)) {
				const mine = messages.filter((m) => m.provider === provider);
				expect(mine.map((m) => m.type).sort()).toEqual(['image', 'location', 'text']);
				for (const message of mine) {
					expect(message).toMatchObject({
						from: '+254733000444',
						name: 'Amina',
						isGroup: false,
						timestamp: expect.stringMatching(/Z$/),
					});
				}
				expect(mine.find((m) => m.type === 'text')).toMatchObject({ text: 'Box is damaged' });
				expect(mine.find((m) => m.type === 'image')).toMatchObject({
					media: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/(statics\/)?media\//) },
				});
				expect(mine.find((m) => m.type === 'location')).toMatchObject({
					location: { latitude: -1.2921, longitude: 36.8219 },
				});
			}
			// Forged: a wrong signature (GOWA) or secret (LipaChat) gets 401 and starts nothing.
			const forged = JSON.stringify({
				event: 'message',
				payload: { id: 'F1', chat_id: '1@s.whatsapp.net', from: '1@s.whatsapp.net', body: 'x' },
			});
			const gowaForged = await fetch(recorder('gowa'), {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' },
				body: forged,
			});
			const lipaForged = await fetch(`${recorder('lipa')}?secret=guess`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ messageId: 'F2', from: '254733000444', type: 'TEXT', text: 'x' }),
			});
			const oneMsgForged = await fetch(
				`${recorder('1msg')}?secret=0123456789abcdef0123456789abcdef01234567`,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						messages: [{ id: 'F3', chatId: '1@c.us', type: 'chat', body: 'x' }],
					}),
				},
			);
			expect([gowaForged.status, lipaForged.status, oneMsgForged.status]).toEqual([401, 401, 401]);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(recorded()).toHaveLength(9);
		} finally {
			sandbox.gowa.setServerWebhook(gowaHooks.urls, gowaHooks.secret, gowaHooks.events);
			sandbox.lipaChat.setInboundWebhook(
				`${base}/webhook/${demo.webhookIds.lipaChatMessages}/status?secret=${demo.lipaChat.webhookSecret}`,
			);
		}
	});

	it('customer asks for a person: the customer is told in words who will help, then the specialist card follows, in the same chat through the same provider', async () => {
		const chat = {
			oneMsg: (r: { body: Record<string, unknown> }) => r.body.chatId === '254733000555@c.us',
			lipaChat: (r: { body: Record<string, unknown> }) => r.body.to === '254733000555',
			whatsAppWeb: (r: { body: Record<string, unknown> }) =>
				r.body.phone === '254733000555@s.whatsapp.net',
		};
		const sent = () => ({
			oneMsg: sandbox.oneMsg
				.sends('/sendMessage')
				.concat(sandbox.oneMsg.sends('/sendContact'))
				.filter(chat.oneMsg),
			lipaChat: sandbox.lipaChat
				.sends('/whatsapp/message/text')
				.concat(sandbox.lipaChat.sends('/whatsapp/contact'))
				.filter(chat.lipaChat),
			whatsAppWeb: sandbox.gowa
				.sends('/send/message')
				.concat(sandbox.gowa.sends('/send/contact'))
				.filter(chat.whatsAppWeb),
		});
		for (const sim of [sandbox.oneMsg, sandbox.lipaChat, sandbox.gowa]) {
			sim.customerWrites({
				kind: 'text',
				from: '254733000555',
				text: 'Can I talk to a PERSON please?',
			});
			// Not a request for a person: nothing goes back.
			sim.customerWrites({ kind: 'text', from: '254733000555', text: 'Where is my order?' });
		}
		await eventually(() =>
			Object.values(sent()).every((list) => list.length >= 2) ? true : undefined,
		);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const byProvider = sent();
		// Text first, then the card: the order the customer sees them in.
		const inOrder = (list: Array<{ at: number; path: string }>) =>
			[...list].sort((a, b) => a.at - b.at).map((r) => r.path.split('/').pop());
		expect(inOrder(byProvider.oneMsg)).toEqual(['sendMessage', 'sendContact']);
		expect(inOrder(byProvider.lipaChat)).toEqual(['text', 'contact']);
		expect(inOrder(byProvider.whatsAppWeb)).toEqual(['message', 'contact']);
		const words =
			'Jane Specialist will help you from here. Their contact card follows: write or call them on WhatsApp.';
		const [oneMsgText, oneMsgCard] = [...byProvider.oneMsg].sort((a, b) => a.at - b.at);
		expect(oneMsgText.body).toEqual({ chatId: '254733000555@c.us', body: words });
		expect(oneMsgCard.body.contacts[0].name.formatted_name).toBe('Jane Specialist');
		expect(byProvider.lipaChat[0].body).toMatchObject({ to: '254733000555', message: words });
		expect(byProvider.lipaChat[1].body).toMatchObject({
			name: { formattedName: 'Jane Specialist' },
		});
		expect(byProvider.whatsAppWeb[0].body).toEqual({
			phone: '254733000555@s.whatsapp.net',
			message: words,
		});
		expect(byProvider.whatsAppWeb[1].body).toMatchObject({
			contact_name: 'Jane Specialist',
			contact_phone: '254712345678',
		});
	});

	it('delivery photo: the photo is fetched into n8n and goes to the customer through GOWA as a file (multipart), with the caption; no photo answers 400', async () => {
		const photoUrl = `http://127.0.0.1:${demo.ports.gowa}/statics/media/parcel-10482.jpg`;
		const answer = await post('delivery-photo', {
			orderId: '10482',
			customerPhone: '+254 722 000111',
			photoUrl,
		});
		expect(answer.status).toBe(200);
		const [upload] = sandbox.gowa.sends('/send/image');
		expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(upload.body).toEqual({
			phone: '254722000111@s.whatsapp.net',
			caption: 'Your order 10482 was delivered. Here is the photo from your courier.',
		});
		expect(upload.files).toEqual({
			image: {
				fileName: 'parcel-10482.jpg',
				contentType: 'image/jpeg',
				data: (sandbox.gowa.constructor as unknown as { mediaBytes(): Buffer }).mediaBytes(),
			},
		});
		expect(answer.json).toMatchObject({
			provider: 'whatsAppWeb',
			messageId: sandbox.gowa.accepted.at(-1)!.id,
			mediaType: 'image',
			to: '+254722000111',
		});

		const missing = await post('delivery-photo', {
			orderId: '10483',
			customerPhone: '+254 722 000111',
			photoUrl: `http://127.0.0.1:${demo.ports.gowa}/no-such-photo`,
		});
		expect(missing.status).toBe(400);
		expect(sandbox.gowa.sends('/send/image')).toHaveLength(1);
	});

	it('media through each provider in the real n8n: every kind each takes, from binary data via 1MSG (data URI) and GOWA (multipart), by https link via LipaChat', async () => {
		const bytes = (sandbox.gowa.constructor as unknown as { mediaBytes(): Buffer }).mediaBytes();
		const kinds = {
			image: { file: 'parcel.jpg', type: 'image/jpeg' },
			video: { file: 'unboxing.mp4', type: 'video/mp4' },
			audio: { file: 'note.ogg', type: 'audio/ogg' },
			document: { file: 'delivery-note.pdf', type: 'application/pdf' },
			sticker: { file: 'thanks.webp', type: 'image/webp' },
		};
		type Kind = keyof typeof kinds;
		const send = async (provider: string, kind: Kind, fileUrl: string) => {
			const answer = await post('e2e-media', {
				provider,
				kind,
				customerPhone: '+254 722 000222',
				caption: 'Your parcel',
				fileUrl,
				fileName: `Order 10482 ${kinds[kind].file}`,
			});
			expect({ provider, kind, status: answer.status }).toEqual({ provider, kind, status: 200 });
			return answer.json;
		};
		const hosted = (kind: Kind) =>
			`http://127.0.0.1:${demo.ports.gowa}/statics/media/${kinds[kind].file}`;
		const captioned = (kind: Kind) =>
			kind === 'audio' || kind === 'sticker' ? {} : { caption: 'Your parcel' };

		for (const kind of ['image', 'video', 'audio', 'document'] as Kind[]) {
			await send('oneMsg', kind, hosted(kind));
			expect(sandbox.oneMsg.sends('/sendFile').at(-1)!.body).toEqual({
				phone: '254722000222',
				body: `data:${kinds[kind].type};base64,${bytes.toString('base64')}`,
				filename: kind === 'document' ? `Order 10482 ${kinds[kind].file}` : kinds[kind].file,
				...captioned(kind),
			});
		}
		const gowaRoutes = {
			image: 'image',
			video: 'video',
			audio: 'audio',
			document: 'file',
			sticker: 'sticker',
		};
		for (const kind of Object.keys(kinds) as Kind[]) {
			await send('whatsAppWeb', kind, hosted(kind));
			const upload = sandbox.gowa.sends(`/send/${gowaRoutes[kind]}`).at(-1)!;
			expect(upload.body).toEqual({ phone: '254722000222@s.whatsapp.net', ...captioned(kind) });
			expect(upload.files![gowaRoutes[kind]]).toEqual({
				fileName: kind === 'document' ? `Order 10482 ${kinds[kind].file}` : kinds[kind].file,
				contentType: kinds[kind].type,
				data: bytes,
			});
		}
		for (const kind of Object.keys(kinds) as Kind[]) {
			const link = `https://cdn.example.com/${kinds[kind].file}`;
			await send('lipaChat', kind, link);
			expect(sandbox.lipaChat.sends('/whatsapp/media').at(-1)!.body).toEqual({
				messageId: expect.any(String),
				from: demo.lipaChat.senderNumber,
				to: '254722000222',
				mediaType: kind.toUpperCase(),
				mediaUrl: link,
				...captioned(kind),
				...(kind === 'document' && { filename: `Order 10482 ${kinds[kind].file}` }),
			});
		}
	});

	it('an AI Agent uses Send Text and Send Media as tools: the model fills recipient and text with $fromAI, the text goes out through GOWA, the result goes back to the model; a bad number goes back as an error, nothing sent; a photo by link', async () => {
		const sendsBefore = sandbox.gowa.sends('/send/message').length;
		sandbox.model.plays(
			{
				tool: 'Send_Text_via_GOWA',
				arguments: { recipient: '254722000333@s.whatsapp.net', text: 'Your parcel arrives today.' },
			},
			{ text: 'I told the customer.' },
		);
		const answer = await post('e2e-agent', {
			message: 'Chat 254722000333@s.whatsapp.net asks: when does my parcel arrive?',
		});
		expect(answer).toMatchObject({ status: 200, json: { output: 'I told the customer.' } });
		const sent = sandbox.gowa.sends('/send/message').slice(sendsBefore);
		expect(sent.map((r) => r.body)).toEqual([
			{ phone: '254722000333@s.whatsapp.net', message: 'Your parcel arrives today.' },
		]);
		// What the model was offered: our tool, its description and the $fromAI arguments.
		const [first, second] = sandbox.model.requests.slice(-2);
		const tool = first.tools!.find((t) => t.function.name === 'Send_Text_via_GOWA')!;
		expect(tool.function.description).toMatch(/text/i);
		expect(tool.function.parameters).toMatchObject({
			properties: { recipient: { type: 'string' }, text: { type: 'string' } },
		});
		// The tool's result, the sent message, went back to the model.
		const result = second.messages.find((m) => m.role === 'tool');
		expect(String(result?.content)).toContain(sandbox.gowa.accepted.at(-1)!.id);

		sandbox.model.plays(
			{ tool: 'Send_Text_via_GOWA', arguments: { recipient: 'not a number', text: 'Hello' } },
			{ text: 'The number was wrong.' },
		);
		const bad = await post('e2e-agent', { message: 'Write to not a number' });
		expect(bad).toMatchObject({ status: 200, json: { output: 'The number was wrong.' } });
		const error = sandbox.model.requests.at(-1)!.messages.find((m) => m.role === 'tool');
		expect(String(error?.content)).toMatch(/Recipient/);
		expect(sandbox.gowa.sends('/send/message')).toHaveLength(sendsBefore + 1);

		// Send Media as a tool: the model gives the link and the caption.
		sandbox.model.plays(
			{
				tool: 'Send_Photo_via_GOWA',
				arguments: {
					recipient: '254722000333@s.whatsapp.net',
					photoUrl: 'https://cdn.example.com/parcel-10482.jpg',
					caption: 'Your parcel at the door',
				},
			},
			{ text: 'I sent the photo.' },
		);
		const photo = await post('e2e-agent', { message: 'Send the delivery photo' });
		expect(photo).toMatchObject({ status: 200, json: { output: 'I sent the photo.' } });
		expect(sandbox.gowa.sends('/send/image').at(-1)!.body).toEqual({
			phone: '254722000333@s.whatsapp.net',
			image_url: 'https://cdn.example.com/parcel-10482.jpg',
			caption: 'Your parcel at the door',
		});
	});

	it('an AI Agent uses Send Buttons as a tool: the model fills the text and the choices (JSON) with $fromAI; the buttons go out through 1MSG; choices over the limit go back to the model as an error, nothing sent', async () => {
		sandbox.oneMsg.customerWrote('254722000444');
		const before = sandbox.oneMsg.sends('/sendButton').length;
		sandbox.model.plays(
			{
				tool: 'Offer_Choices_via_1MSG',
				arguments: {
					recipient: '254722000444@c.us',
					text: 'How can we help?',
					buttons: JSON.stringify(['Talk to a person', 'Track my order']),
				},
			},
			{ text: 'I offered the choices.' },
		);
		const answer = await post('e2e-agent', { message: 'Chat 254722000444@c.us needs help' });
		expect(answer).toMatchObject({ status: 200, json: { output: 'I offered the choices.' } });
		expect(
			sandbox.oneMsg
				.sends('/sendButton')
				.slice(before)
				.map((r) => r.body),
		).toEqual([
			{
				phone: '254722000444',
				body: 'How can we help?',
				sections: [
					{ type: 'reply', reply: { id: 'Talk to a person', title: 'Talk to a person' } },
					{ type: 'reply', reply: { id: 'Track my order', title: 'Track my order' } },
				],
			},
		]);
		const offered = sandbox.model.requests
			.at(-2)!
			.tools!.find((t) => t.function.name === 'Offer_Choices_via_1MSG')!;
		expect(offered.function.parameters).toMatchObject({
			properties: {
				recipient: { type: 'string' },
				text: { type: 'string' },
				buttons: { type: 'string' },
			},
		});

		sandbox.model.plays(
			{
				tool: 'Offer_Choices_via_1MSG',
				arguments: {
					recipient: '254722000444@c.us',
					text: 'Pick one',
					buttons: JSON.stringify(['One', 'Two', 'Three', 'Four']),
				},
			},
			{ text: 'Too many choices.' },
		);
		const bad = await post('e2e-agent', { message: 'Offer four choices' });
		expect(bad).toMatchObject({ status: 200, json: { output: 'Too many choices.' } });
		const error = sandbox.model.requests.at(-1)!.messages.find((m) => m.role === 'tool');
		expect(String(error?.content)).toMatch(/4 buttons given; WhatsApp takes 1 to 3/);
		expect(sandbox.oneMsg.sends('/sendButton')).toHaveLength(before + 1);
	});

	it('failed-delivery alert: a failed status from 1MSG and from LipaChat reaches its trigger and the alert', async () => {
		// Published at startup, the 1MSG trigger registered itself with the channel.
		expect(sandbox.oneMsg.webhookUrls).toContainEqual(
			expect.stringMatching(
				new RegExp(`^${base}/webhook/${demo.webhookIds.oneMsg}/status\\?secret=[0-9a-f]{40}$`),
			),
		);
		expect(sandbox.oneMsg.ackNotificationsOn).toBe(true);
		const failing = '+44 7911 123456';
		const ticket = {
			customerPhone: failing,
			specialist: { name: 'Jane Specialist', phone: '+254712345678' },
		};
		const sent = [
			(await post('courier-handoff', courierOrder(failing))).json,
			(await post('specialist-handoff', { ...ticket, channel: 'lipachat' })).json,
		];
		const alerts = await eventually(() =>
			sandbox.alerts.length >= 2 ? sandbox.alerts : undefined,
		).catch(() => {
			const made = [sandbox.oneMsg, sandbox.lipaChat].map((sim) =>
				sim.callbacks.map((c) => [c.url, c.status, c.error]),
			);
			throw new Error(
				`Alerts: ${JSON.stringify(sandbox.alerts)}; callbacks: ${JSON.stringify(made)}`,
			);
		});
		const statuses = (alerts as Array<{ status: Record<string, unknown> }>).map(
			(alert) => alert.status,
		);
		for (const send of sent) {
			expect(statuses).toContainEqual(
				expect.objectContaining({
					provider: send.provider,
					messageId: send.messageId,
					status: 'failed',
					recipient: '+447911123456',
					timestamp: expect.stringMatching(/Z$/),
				}),
			);
		}
		// The providers' failure details reach the alert.
		expect(statuses.map((status) => [status.provider, status.error])).toEqual(
			expect.arrayContaining([
				['oneMsg', { code: 'failed', message: 'Message undeliverable' }],
				['lipaChat', { code: '131026', message: 'Message undeliverable' }],
			]),
		);
		// Only failures start the alert: the delivered and read statuses of the earlier sends did not.
		expect(statuses.every((status) => status.status === 'failed')).toBe(true);
		expect(statuses).toHaveLength(2);
		// Every status callback the simulators made was taken by n8n, GOWA's signed ones included.
		await Promise.all([
			sandbox.oneMsg.callbacksDone(),
			sandbox.lipaChat.callbacksDone(),
			sandbox.gowa.callbacksDone(),
		]);
		for (const sim of [sandbox.oneMsg, sandbox.lipaChat, sandbox.gowa]) {
			expect(sim.callbacks.map((callback) => callback.status)).toEqual(
				sim.callbacks.map(() => 200),
			);
		}
		expect(sandbox.gowa.callbacks.length).toBeGreaterThan(0);
	});

	it("delivery receipts: GOWA's signed receipts of a sent card reach the trigger and are recorded", async () => {
		const ticket = {
			customerPhone: '+254 722 000999',
			specialist: { name: 'Jane Specialist', phone: '+254712345678' },
		};
		const sent = (await post('specialist-handoff', { ...ticket, channel: 'gowa' })).json;
		const receipts = await eventually(() => {
			const mine = (sandbox.receipts as Array<{ status: Record<string, unknown> }>)
				.map((receipt) => receipt.status)
				.filter((status) => status.messageId === sent.messageId);
			return mine.length >= 2 ? mine : undefined;
		});
		expect(receipts.map((status) => [status.provider, status.status, status.recipient])).toEqual([
			['whatsAppWeb', 'delivered', '+254722000999'],
			['whatsAppWeb', 'read', '+254722000999'],
		]);
	});

	it('Drop Duplicates in the real n8n: three different receipts and then each of them again, one at a time, start three executions', async () => {
		const url = `${base}/webhook/${demo.webhookIds.gowa}/status`;
		const receipt = (id: string) =>
			JSON.stringify({
				event: 'message.ack',
				timestamp: '2026-11-30T10:00:00Z',
				device_id: 'shop-phone',
				payload: { ids: [id], chat_id: '254722000111@s.whatsapp.net', receipt_type: 'delivered' },
			});
		const signed = (body: string) =>
			`sha256=${createHmac('sha256', demo.gowa.webhookSecret).update(body).digest('hex')}`;
		const ids = ['3EB0DUP1', '3EB0DUP2', '3EB0DUP3'];
		const recorded = () =>
			(sandbox.receipts as Array<{ status: Record<string, unknown> }>).filter((receipt) =>
				ids.includes(String(receipt.status.messageId)),
			).length;
		// One at a time: each waits until its execution has recorded (or would have).
		for (const id of [...ids, ...ids]) {
			const before = recorded();
			const body = receipt(id);
			const answer = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-hub-signature-256': signed(body) },
				body,
			});
			expect(answer.status).toBe(200);
			await eventually(() => (recorded() > before ? true : undefined), 3000).catch(() => false);
		}
		expect(
			(sandbox.receipts as Array<{ status: Record<string, unknown> }>)
				.map((receipt) => receipt.status.messageId)
				.filter((id) => ids.includes(String(id))),
		).toEqual(ids);
	});

	it(
		'Drop Duplicates under a burst: 600 GOWA receipts and 100 repeats by 30 clients start 600 executions, and static data holds all 600 keys',
		async () => {
			const ids = Array.from({ length: 600 }, (_, i) => `3EB0RBURST${String(i).padStart(3, '0')}`);
			const url = `${base}/webhook/${demo.webhookIds.gowa}/status`;
			const mine = () =>
				(sandbox.receipts as Array<{ status: Record<string, unknown> }>).filter((r) =>
					String(r.status.messageId).startsWith('3EB0RBURST'),
				);
			// 50 repeats mixed into the burst, each 3 s after its original's answer.
			const burst = await postAll(
				burstWithRepeats(ids, () => url, { repeats: 50, afterMs: 3000, repeatUrl: () => url }),
				demo.gowa.webhookSecret,
				30,
			);
			await eventually(() => (executionsById(mine()).size >= 600 ? true : undefined), 180_000);
			// 50 more once every execution has run, spread over the whole burst.
			const later = await postAll(
				ids.filter((_, i) => i % 12 === 5).map((id): Callback => ({ id, url })),
				demo.gowa.webhookSecret,
				10,
			);
			await new Promise((resolve) => setTimeout(resolve, 5000));
			const executions = executionsById(mine());
			const cookie = await n8n.signIn(base, {
				email: 'e2e@example.com',
				firstName: 'E2E',
				lastName: 'Owner',
				password: 'E2e-Passw0rd',
			});
			const storedBurst = await storedReceiptKeys(base, cookie, ':3EB0RBURST');
			process.stdout.write(
				`\nDrop Duplicates in regular mode, 600 receipts + 100 repeats, 30 clients: ${describeAnswers(burst)}; ` +
					`executions ${[...executions.values()].reduce((a, b) => a + b, 0)}, static data holds ${storedBurst.length} of 600 keys\n`,
			);
			expect([...burst.answers, ...later.answers].filter((a) => a.status !== 200)).toEqual([]);
			expect(executions.size).toBe(600);
			expect([...executions.values()].every((n) => n === 1)).toBe(true);
			expect(storedBurst).toHaveLength(600);
		},
		10 * 60_000,
	);

	it('status trigger in the real n8n: wrong secret 401, malformed JSON 422 (n8n) or 400 (trigger), over 1 MB 413, no execution', async () => {
		const url = `${base}/webhook/${demo.webhookIds.lipaChat}/status`;
		const send = async (query: string, body: string, type = 'application/json') =>
			(await fetch(`${url}${query}`, { method: 'POST', headers: { 'content-type': type }, body }))
				.status;
		const alertsBefore = sandbox.alerts.length;
		const failed = JSON.stringify({ messageId: 'forged', status: 'FAILED', to: '447911123456' });
		expect(await send('?secret=guess', failed)).toBe(401);
		// n8n parses a body declared as JSON before any node sees it, and answers 422 itself.
		expect(await send(`?secret=${demo.lipaChat.webhookSecret}`, '{"messageId": ')).toBe(422);
		// Declared as anything else, the body reaches the trigger, which answers 400.
		expect(
			await send(`?secret=${demo.lipaChat.webhookSecret}`, '{"messageId": ', 'text/plain'),
		).toBe(400);
		const big = JSON.stringify({
			messageId: 'big',
			status: 'FAILED',
			padding: 'x'.repeat(1024 * 1024),
		});
		expect(await send(`?secret=${demo.lipaChat.webhookSecret}`, big)).toBe(413);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(sandbox.alerts.length).toBe(alertsBefore);
	});

	it('credential tests in the real n8n: each passes against its simulator, and a redirecting Base URL is reported, not followed', async () => {
		const cookie = await n8n.signIn(base, {
			email: 'e2e@example.com',
			firstName: 'E2E',
			lastName: 'Owner',
			password: 'E2e-Passw0rd',
		});
		const testCredential = async (
			credential: { id: string; name: string; type: string },
			data: object,
		) => {
			const response = await fetch(`${base}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ credentials: { ...credential, data } }),
			});
			return ((await response.json()) as { data: unknown }).data;
		};
		const simulators: Record<string, { received: unknown[] }> = {
			oneMsgApi: sandbox.oneMsg,
			lipaChatApi: sandbox.lipaChat,
			whatsAppWebApi: sandbox.gowa,
		};
		const providerCredentials = demoCredentials().filter((c) => c.type in simulators);
		for (const { data, ...credential } of providerCredentials) {
			expect(await testCredential(credential, data)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			const received = simulators[credential.type].received.length;
			const moved = await startRedirector((data as { baseUrl: string }).baseUrl);
			try {
				expect(await testCredential(credential, { ...data, baseUrl: moved.url })).toEqual({
					status: 'Error',
					message:
						'Base URL redirects to another address (HTTP 301). Redirects are not followed, so the credentials never go elsewhere: set Base URL to the address the server answers at',
				});
				expect(moved.seen).toHaveLength(1);
				expect(simulators[credential.type].received).toHaveLength(received);
			} finally {
				await moved.stop();
			}
		}
	});
});

describe('AI agent with human hand-off in the real n8n 2.41.1, with the scripted model', () => {
	let table: Awaited<ReturnType<typeof enableHandoff>>;
	beforeAll(async () => {
		const cookie = await n8n.signIn(base, {
			email: 'e2e@example.com',
			firstName: 'E2E',
			lastName: 'Owner',
			password: 'E2e-Passw0rd',
		});
		table = await enableHandoff(base, cookie, sandbox, (paths) =>
			n8n.waitForWebhooks(demo.ports.n8n, paths),
		);
	}, 120_000);
	afterAll(() => sandbox.routeMessagesTo('template'));

	it.each<[ProviderName, string, string]>([
		['oneMsg', '254733100001', '254733100011'],
		['lipaChat', '254733100002', '254733100012'],
		['whatsAppWeb', '254733100003', '254733100013'],
	])(
		'%s: the agent answers; asked for a person it hands over (card and line to the customer, card and last message to the person, chat marked); quiet while a person has the chat; released by keyword or time',
		async (provider, customer, quietCustomer) => {
			expectHandedOver(
				await handoffLoop(sandbox, table, provider, customer, quietCustomer),
				provider,
				customer,
				quietCustomer,
			);
		},
		120_000,
	);

	it.each<['oneMsg' | 'lipaChat', string]>([
		['oneMsg', '254733100031'],
		['lipaChat', '254733100032'],
	])(
		'%s: the answer offers "Talk to a person"; a tap hands over at once with no model request (card and line to the customer, card and the tap to the person, chat marked); silence after',
		async (provider, customer) => {
			await buttonHandoff(sandbox, table, provider, customer);
		},
		120_000,
	);

	it("1MSG in the real n8n: Meta's message_echoes (raw hooks) mark a chat as with a person; the echo of the API's own send (self 1) does not", async () => {
		const url = sandbox.oneMsg.webhookUrls.find((u) => u.includes(demo.webhookIds.oneMsgAgent))!;
		const echo = (to: string, id: string) => ({
			entry: [
				{
					changes: [
						{
							value: {
								message_echoes: [
									{
										from: demo.lipaChat.senderNumber,
										to,
										id,
										timestamp: String(Math.floor(Date.now() / 1000)),
										type: 'text',
										text: { body: 'Juma here' },
									},
								],
							},
						},
					],
				},
			],
		});
		const posted = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(echo('254733100021', 'wamid.RAWECHO1')),
		});
		expect(posted.status).toBe(200);
		const chats = async () => (await table.rows()).map((row: { chat: string }) => row.chat);
		await eventually(async () => ((await chats()).includes('+254733100021') ? true : undefined));
		// What the API sent comes back with self 1: never the person.
		sandbox.oneMsg.customerWrites({ kind: 'echo', from: '254733100022', text: 'Our own send' });
		await sandbox.oneMsg.callbacksDone();
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(await chats()).not.toContain('+254733100022');
	});
});
