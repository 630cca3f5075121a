import { createHmac } from 'crypto';

import { Engine } from './engine/engine';
import { TriggerHarness } from './engine/triggerHarness';
import { triggersStoppedAfterEach, useSimulators } from './engine/triggerLifecycle';
import { LipaChatSimulator } from './sandbox/lipaChat';
import { OneMsgSimulator } from './sandbox/oneMsg';
import type { Simulator } from './sandbox/simulator';
import { WhatsAppWebSimulator } from './sandbox/whatsAppWeb';

const TOKEN = 'sim-1msg-token-M3ssage';
const API_KEY = 'sim-lipachat-key-M3ssage';
const LIPACHAT_SECRET = 'lipachat-inbound-secret-4x1';
const GOWA_SECRET = 'gowa-webhook-secret-m55';
const oneMsg = new OneMsgSimulator({ channelId: '123456', token: TOKEN });
const lipaChat = new LipaChatSimulator({ apiKey: API_KEY, senderNumber: '254110090747' });
const gowa = new WhatsAppWebSimulator({ devices: ['shop-phone'] });
const CUSTOMER = '254722000111';

const credentialsOf = {
	oneMsg: () => ({ oneMsgApi: { token: TOKEN, channelId: '123456', baseUrl: oneMsg.url } }),
	lipaChat: () => ({
		lipaChatApi: {
			apiKey: API_KEY,
			senderNumber: '254110090747',
			baseUrl: `${lipaChat.url}/api/v1`,
			webhookSecret: LIPACHAT_SECRET,
		},
	}),
	whatsAppWeb: () => ({
		whatsAppWebApi: { baseUrl: gowa.url, deviceId: 'shop-phone', webhookSecret: GOWA_SECRET },
	}),
};
type ProviderName = keyof typeof credentialsOf;

let engine: Engine;
const harnesses = triggersStoppedAfterEach();

/** A trigger for messages of `provider`, wired the way its setup notice says. */
async function messageTrigger(provider: ProviderName, parameters: object = {}) {
	const harness = await new TriggerHarness(
		engine,
		{ provider, events: ['message'], statuses: [], options: {}, ...parameters } as never,
		credentialsOf[provider]() as never,
	).start();
	harnesses.push(harness);
	await harness.activate();
	if (provider === 'lipaChat')
		lipaChat.setInboundWebhook(`${harness.webhookUrl}?secret=${LIPACHAT_SECRET}`);
	if (provider === 'whatsAppWeb')
		gowa.setServerWebhook(harness.webhookUrl, GOWA_SECRET, ['message']);
	return harness;
}
const simOf: Record<ProviderName, Simulator> = { oneMsg, lipaChat, whatsAppWeb: gowa };

/** The customer writes; the items of the executions it started. */
async function writes(provider: ProviderName, harness: TriggerHarness, message: object) {
	const before = harness.executions.length;
	simOf[provider].customerWrites({ from: CUSTOMER, name: 'Amina', ...message });
	await simOf[provider].callbacksDone();
	expect(simOf[provider].callbacks.every((c) => c.status === 200)).toBe(true);
	return harness.executions.slice(before).map((items) => items.map((item) => item.json));
}

beforeAll(async () => {
	engine = await Engine.load();
});
useSimulators(oneMsg, lipaChat, gowa);

const location = { latitude: -1.2921, longitude: 36.8219 };
const vcard = `BEGIN:VCARD\nVERSION:3.0\nFN:Amina\nTEL;type=CELL:+${CUSTOMER}\nEND:VCARD`;

describe('customer messages from 1MSG', () => {
	it('turns text, image, location and contact into one normalised item each; a reply goes to from or chatId', async () => {
		const harness = await messageTrigger('oneMsg');
		const text = await writes('oneMsg', harness, {
			kind: 'text',
			text: 'I want to talk to a person',
			id: 'T1',
		});
		expect(text).toEqual([
			[
				{
					provider: 'oneMsg',
					messageId: 'wamid.T1',
					direction: 'incoming',
					from: `+${CUSTOMER}`,
					name: 'Amina',
					chatId: `${CUSTOMER}@c.us`,
					isGroup: false,
					type: 'text',
					text: 'I want to talk to a person',
					timestamp: expect.stringMatching(/Z$/),
					raw: expect.objectContaining({ id: 'wamid.T1', type: 'chat' }),
				},
			],
		]);
		const [[image]] = await writes('oneMsg', harness, {
			kind: 'image',
			text: 'Damaged box',
			id: 'I1',
		});
		expect(image).toMatchObject({
			type: 'image',
			text: 'Damaged box',
			media: { url: `${oneMsg.url}/media/I1.jpg` },
		});
		const [[place]] = await writes('oneMsg', harness, { kind: 'location', id: 'L1' });
		expect(place).toMatchObject({ type: 'location', location });
		const [[card]] = await writes('oneMsg', harness, { kind: 'contact', id: 'C1' });
		expect(card).toMatchObject({
			type: 'contact',
			contacts: [{ name: 'Amina', phones: [`+${CUSTOMER}`], vcard }],
		});
	});

	it('gives a group message the group as chatId and the writer as from; our own echo starts nothing', async () => {
		const harness = await messageTrigger('oneMsg');
		const [[group]] = await writes('oneMsg', harness, { kind: 'group', id: 'G1' });
		expect(group).toMatchObject({
			from: `+${CUSTOMER}`,
			chatId: '120363040000000001@g.us',
			isGroup: true,
		});
		expect(await writes('oneMsg', harness, { kind: 'echo', id: 'E1' })).toEqual([]);
		expect(oneMsg.callbacks.at(-1)?.status).toBe(200);
	});

	it("reads Meta's raw hooks: messages with the sender's profile name, never message_echoes", async () => {
		const harness = await messageTrigger('oneMsg');
		const query = oneMsg.webhookUrls[0].slice(harness.webhookUrl.length);
		const value = {
			contacts: [{ profile: { name: 'Amina' }, wa_id: CUSTOMER }],
			messages: [
				{
					from: CUSTOMER,
					id: 'wamid.R1',
					timestamp: '1764500000',
					type: 'text',
					text: { body: 'Hi' },
				},
				{
					from: CUSTOMER,
					id: 'wamid.R2',
					timestamp: '1764500001',
					type: 'image',
					image: { id: 'media-1', mime_type: 'image/jpeg', caption: 'Box' },
					context: { id: 'wamid.OURS' },
				},
			],
			message_echoes: [
				{ from: '254110090747', id: 'wamid.ECHO', type: 'text', text: { body: 'us' } },
			],
		};
		await harness.post({ entry: [{ changes: [{ value }] }] }, { query });
		expect(harness.executions.flat().map((item) => item.json)).toEqual([
			expect.objectContaining({
				messageId: 'wamid.R1',
				from: `+${CUSTOMER}`,
				name: 'Amina',
				chatId: `+${CUSTOMER}`,
				type: 'text',
				text: 'Hi',
				timestamp: '2025-11-30T10:53:20.000Z',
			}),
			expect.objectContaining({
				messageId: 'wamid.R2',
				type: 'image',
				text: 'Box',
				media: { mimeType: 'image/jpeg' },
				replyTo: 'wamid.OURS',
			}),
		]);
	});

	it('serves messages and statuses through the one registered URL, each when asked for', async () => {
		const statusOnly = await new TriggerHarness(
			engine,
			{
				provider: 'oneMsg',
				statuses: ['sent', 'delivered', 'read', 'failed'],
				options: {},
			} as never,
			credentialsOf.oneMsg() as never,
		).start();
		harnesses.push(statusOnly);
		await statusOnly.activate();
		// A saved trigger without Events: statuses only, as before.
		expect(await writes('oneMsg', statusOnly, { kind: 'text', id: 'S1' })).toEqual([]);

		const both = await messageTrigger('oneMsg', { events: ['message', 'status'] });
		const query = oneMsg.webhookUrls
			.find((url) => url.startsWith(both.webhookUrl))!
			.slice(both.webhookUrl.length);
		await both.post(
			{
				messages: [
					{
						id: 'wamid.B1',
						chatId: `${CUSTOMER}@c.us`,
						type: 'chat',
						body: 'Hi',
						time: 1764500000,
					},
				],
				ack: [{ id: 'wamid.OUT', chatId: `${CUSTOMER}@c.us`, status: 'delivered' }],
			},
			{ query },
		);
		expect(
			both.executions
				.flat()
				.map((item) => [item.json.messageId, item.json.status ?? item.json.type]),
		).toEqual([
			['wamid.OUT', 'delivered'],
			['wamid.B1', 'text'],
		]);
	});
});

describe('customer messages from LipaChat', () => {
	it('turns text, image, location and contact into one normalised item each', async () => {
		const harness = await messageTrigger('lipaChat');
		const [[text]] = await writes('lipaChat', harness, {
			kind: 'text',
			text: 'agent please',
			id: 'T1',
		});
		expect(text).toEqual({
			provider: 'lipaChat',
			messageId: 'wamid.T1',
			direction: 'incoming',
			from: `+${CUSTOMER}`,
			name: 'Amina',
			chatId: `+${CUSTOMER}`,
			isGroup: false,
			type: 'text',
			text: 'agent please',
			timestamp: expect.stringMatching(/Z$/),
			raw: expect.objectContaining({ messageId: 'wamid.T1', type: 'TEXT' }),
		});
		const [[image]] = await writes('lipaChat', harness, { kind: 'image', text: 'Box', id: 'I1' });
		expect(image).toMatchObject({
			type: 'image',
			text: 'Box',
			media: { url: `${lipaChat.url}/media/I1.jpg` },
		});
		const [[place]] = await writes('lipaChat', harness, { kind: 'location', id: 'L1' });
		expect(place).toMatchObject({
			type: 'location',
			location: { ...location, name: 'Depot', address: 'Nairobi' },
		});
		const [[card]] = await writes('lipaChat', harness, { kind: 'contact', id: 'C1' });
		expect(card).toMatchObject({
			type: 'contact',
			contacts: [{ name: 'Amina', phones: [`+${CUSTOMER}`] }],
		});
	});

	it('ignores a message from our own number and answers a wrong secret with 401, starting nothing', async () => {
		const harness = await messageTrigger('lipaChat');
		expect(await writes('lipaChat', harness, { kind: 'echo', id: 'E1' })).toEqual([]);
		const forged = { messageId: 'wamid.F1', from: CUSTOMER, type: 'TEXT', text: 'hi' };
		expect((await harness.post(forged, { query: '?secret=guess' })).status).toBe(401);
		expect((await harness.post(forged)).status).toBe(401);
		expect(harness.executions).toEqual([]);
	});
});

describe('customer messages from GOWA', () => {
	it('turns signed text, image, location, contact and group messages into normalised items', async () => {
		const harness = await messageTrigger('whatsAppWeb');
		const [[text]] = await writes('whatsAppWeb', harness, {
			kind: 'text',
			text: 'person please',
			id: 'T1',
		});
		expect(text).toEqual({
			provider: 'whatsAppWeb',
			messageId: 'T1',
			direction: 'incoming',
			from: `+${CUSTOMER}`,
			name: 'Amina',
			chatId: `${CUSTOMER}@s.whatsapp.net`,
			isGroup: false,
			type: 'text',
			text: 'person please',
			timestamp: expect.stringMatching(/Z$/),
			raw: expect.objectContaining({ event: 'message' }),
		});
		const [[image]] = await writes('whatsAppWeb', harness, {
			kind: 'image',
			text: 'Box',
			id: 'I1',
		});
		expect(image).toMatchObject({
			type: 'image',
			text: 'Box',
			media: { url: `${gowa.url}/statics/media/I1.jpg`, fileName: 'I1.jpg' },
		});
		const [[place]] = await writes('whatsAppWeb', harness, { kind: 'location', id: 'L1' });
		expect(place).toMatchObject({
			type: 'location',
			location: { ...location, name: 'Depot', address: 'Nairobi' },
		});
		const [[card]] = await writes('whatsAppWeb', harness, { kind: 'contact', id: 'C1' });
		expect(card).toMatchObject({
			type: 'contact',
			contacts: [{ name: 'Amina', phones: [`+${CUSTOMER}`], vcard }],
		});
		const [[group]] = await writes('whatsAppWeb', harness, { kind: 'group', id: 'G1' });
		expect(group).toMatchObject({
			chatId: '120363040000000001@g.us',
			isGroup: true,
			from: `+${CUSTOMER}`,
		});
	});

	it('reads a reaction, ignores our own messages and rejects a forged signature with 401', async () => {
		const harness = await messageTrigger('whatsAppWeb');
		expect(await writes('whatsAppWeb', harness, { kind: 'echo', id: 'E1' })).toEqual([]);
		const reaction = JSON.stringify({
			event: 'message.reaction',
			payload: {
				id: 'R1',
				chat_id: `${CUSTOMER}@s.whatsapp.net`,
				from: `${CUSTOMER}@s.whatsapp.net`,
				reaction: '👍',
				reacted_message_id: '3EB0OURS',
			},
		});
		const sign = (body: string, secret = GOWA_SECRET) =>
			`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
		await harness.post(reaction, { headers: { 'x-hub-signature-256': sign(reaction) } });
		expect(harness.executions.flat()[0].json).toMatchObject({
			type: 'reaction',
			text: '👍',
			replyTo: '3EB0OURS',
		});
		expect(
			(
				await harness.post(reaction, {
					headers: { 'x-hub-signature-256': sign(reaction, 'secret') },
				})
			).status,
		).toBe(401);
		expect(harness.executions).toHaveLength(1);
	});

	it('registers on the device for messages and statuses when the trigger listens to both', async () => {
		const harness = await messageTrigger('whatsAppWeb', {
			events: ['message', 'status'],
			registerOnDevice: true,
		});
		expect(gowa.deviceWebhooks.get('shop-phone')).toEqual({
			url: harness.webhookUrl,
			secret: GOWA_SECRET,
			events: ['message', 'message.reaction', 'message.ack'],
		});
	});
});

describe('operator messages: a person of the business writes in a customer chat', () => {
	const operatorItem = (provider: ProviderName, extra: object) => ({
		provider,
		direction: 'operator',
		from: `+${CUSTOMER}`,
		isGroup: false,
		type: 'text',
		text: 'Juma here, I will take it from now',
		timestamp: expect.stringMatching(/Z$/),
		raw: expect.any(Object),
		...extra,
	});
	const operatorWrites = (provider: ProviderName, harness: TriggerHarness, id: string) =>
		writes(provider, harness, {
			kind: 'operator',
			id,
			text: 'Juma here, I will take it from now',
		});

	it("1MSG: fromMe with self 0 is the operator, in the customer's chat; self 1 (the API's own send) starts nothing", async () => {
		const harness = await messageTrigger('oneMsg', { events: ['operatorMessage'] });
		expect(await operatorWrites('oneMsg', harness, 'O1')).toEqual([
			[operatorItem('oneMsg', { messageId: 'wamid.O1', chatId: `${CUSTOMER}@c.us` })],
		]);
		// The echo of what the API sent, and a customer's message, are not the operator's.
		expect(await writes('oneMsg', harness, { kind: 'echo', id: 'E2' })).toEqual([]);
		expect(await writes('oneMsg', harness, { kind: 'text', id: 'T2' })).toEqual([]);
		// fromMe without self cannot be told from the API's own send: never the operator.
		const query = oneMsg.webhookUrls[0].slice(harness.webhookUrl.length);
		const own = {
			id: 'wamid.U1',
			chatId: `${CUSTOMER}@c.us`,
			type: 'chat',
			body: 'x',
			fromMe: true,
		};
		await harness.post({ messages: [own] }, { query });
		expect(harness.executions).toHaveLength(1);
	});

	it('1MSG: Message and Operator Message together give each its direction; Message alone keeps ignoring the operator', async () => {
		const both = await messageTrigger('oneMsg', { events: ['message', 'operatorMessage'] });
		const [[customer]] = await writes('oneMsg', both, { kind: 'text', id: 'T3', text: 'Hi' });
		const [[operator]] = await operatorWrites('oneMsg', both, 'O3');
		expect([customer.direction, customer.from, operator.direction, operator.from]).toEqual([
			'incoming',
			`+${CUSTOMER}`,
			'operator',
			`+${CUSTOMER}`,
		]);
		expect(operator).not.toHaveProperty('name');
		const messagesOnly = await messageTrigger('oneMsg');
		expect(await operatorWrites('oneMsg', messagesOnly, 'O4')).toEqual([]);
	});

	it("1MSG raw hooks: Meta's message_echoes (typed in the Business app) are the operator's, addressed by `to`", async () => {
		const harness = await messageTrigger('oneMsg', { events: ['operatorMessage'] });
		const query = oneMsg.webhookUrls[0].slice(harness.webhookUrl.length);
		const value = {
			messages: [
				{
					from: CUSTOMER,
					id: 'wamid.R9',
					timestamp: '1764500000',
					type: 'text',
					text: { body: 'Hi' },
				},
			],
			message_echoes: [
				{
					from: '254110090747',
					to: CUSTOMER,
					id: 'wamid.ECHO2',
					timestamp: '1764500060',
					type: 'text',
					text: { body: 'Juma here, I will take it from now' },
				},
			],
		};
		await harness.post({ entry: [{ changes: [{ value }] }] }, { query });
		expect(harness.executions.flat().map((item) => item.json)).toEqual([
			operatorItem('oneMsg', {
				messageId: 'wamid.ECHO2',
				chatId: `+${CUSTOMER}`,
				timestamp: '2025-11-30T10:54:20.000Z',
			}),
		]);
	});

	it("GOWA: is_from_me is the operator (the account's phone or WhatsApp Web), given the customer's chat, never the account", async () => {
		const harness = await messageTrigger('whatsAppWeb', { events: ['operatorMessage'] });
		expect(await operatorWrites('whatsAppWeb', harness, 'O5')).toEqual([
			[operatorItem('whatsAppWeb', { messageId: 'O5', chatId: `${CUSTOMER}@s.whatsapp.net` })],
		]);
		expect(await writes('whatsAppWeb', harness, { kind: 'text', id: 'T5' })).toEqual([]);
		// Without the chat there is no customer to mark: nothing starts.
		const body = JSON.stringify({
			event: 'message',
			payload: { id: 'O6', from: '254110090747@s.whatsapp.net', is_from_me: true, body: 'x' },
		});
		const signature = `sha256=${createHmac('sha256', GOWA_SECRET).update(body).digest('hex')}`;
		expect(
			(await harness.post(body, { headers: { 'x-hub-signature-256': signature } })).status,
		).toBe(200);
		expect(harness.executions).toHaveLength(1);
	});

	it('GOWA registers the message events on the device for Operator Message alone', async () => {
		const harness = await messageTrigger('whatsAppWeb', {
			events: ['operatorMessage'],
			registerOnDevice: true,
		});
		expect(gowa.deviceWebhooks.get('shop-phone')).toEqual({
			url: harness.webhookUrl,
			secret: GOWA_SECRET,
			events: ['message', 'message.reaction'],
		});
	});

	it('LipaChat reports no operator messages: nothing is posted, nothing starts', async () => {
		const harness = await messageTrigger('lipaChat', { events: ['message', 'operatorMessage'] });
		expect(lipaChat.customerWrites({ kind: 'operator', from: CUSTOMER, id: 'O7' })).toEqual([]);
		expect(await writes('lipaChat', harness, { kind: 'text', id: 'T7' })).toEqual([
			[expect.objectContaining({ direction: 'incoming', from: `+${CUSTOMER}` })],
		]);
	});
});

describe('what starts the workflow', () => {
	it('keeps only the chosen message types, can ignore groups, and drops a repeated message', async () => {
		const harness = await messageTrigger('oneMsg', {
			options: { messageTypes: ['text', 'location'], ignoreGroups: true },
		});
		expect(await writes('oneMsg', harness, { kind: 'image', id: 'I1' })).toEqual([]);
		expect(await writes('oneMsg', harness, { kind: 'group', id: 'G1' })).toEqual([]);
		expect(await writes('oneMsg', harness, { kind: 'text', id: 'T1' })).toHaveLength(1);
		// The provider retries the same message: it starts nothing the second time.
		expect(await writes('oneMsg', harness, { kind: 'text', id: 'T1' })).toEqual([]);
	});

	it('names a downloaded file that came without a name by its type and message, with the extension', async () => {
		const harness = await messageTrigger('oneMsg', { options: { downloadMedia: true } });
		await writes('oneMsg', harness, { kind: 'image', id: 'I7' });
		await writes('oneMsg', harness, { kind: 'image', id: 'I8', bareLink: true });
		const [named, bare] = harness.executions.flat().map((item) => item.binary?.data);
		expect(named).toMatchObject({
			fileName: 'I7.jpg',
			mimeType: 'image/jpeg',
			fileExtension: 'jpg',
		});
		expect(bare).toMatchObject({
			fileName: 'image-wamid-I8.jpg',
			mimeType: 'image/jpeg',
			fileExtension: 'jpg',
		});
	});

	it('downloads media into binary data, and keeps a message whose file cannot be fetched', async () => {
		const harness = await messageTrigger('whatsAppWeb', { options: { downloadMedia: true } });
		gowa.customerWrites({ kind: 'image', from: CUSTOMER, id: 'I1', text: 'Box' });
		await gowa.callbacksDone();
		const [item] = harness.executions.flat();
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'I1.jpg' });
		expect(Buffer.from(item.binary!.data.data, 'base64')).toEqual(
			(gowa.constructor as unknown as { mediaBytes(): Buffer }).mediaBytes(),
		);

		const broken = JSON.stringify({
			event: 'message',
			payload: {
				id: 'I2',
				chat_id: `${CUSTOMER}@s.whatsapp.net`,
				from: `${CUSTOMER}@s.whatsapp.net`,
				image: 'statics/../missing.jpg',
			},
		});
		const signature = `sha256=${createHmac('sha256', GOWA_SECRET).update(broken).digest('hex')}`;
		expect(
			(await harness.post(broken, { headers: { 'x-hub-signature-256': signature } })).status,
		).toBe(200);
		const [, failed] = harness.executions.flat();
		expect(failed.binary).toBeUndefined();
		expect(failed.json.media).toMatchObject({
			url: `${gowa.url}/statics/../missing.jpg`,
			error: expect.stringMatching(/^Could not download the media: /),
		});
	});
});

describe('GOWA with WHATSAPP_AUTO_DOWNLOAD_MEDIA=false', () => {
	it('asks GOWA to download the file (never the encrypted link) and keeps a message it cannot give, with media.error', async () => {
		const harness = await messageTrigger('whatsAppWeb', { options: { downloadMedia: true } });
		gowa.autoDownloadMedia = false;
		gowa.customerWrites({ kind: 'image', from: CUSTOMER, id: 'I3', text: 'The damaged box' });
		await gowa.callbacksDone();
		const [item] = harness.executions.flat();
		expect(item.json).toMatchObject({ type: 'image', text: 'The damaged box' });
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/jpeg', fileName: 'I3.jpg' });
		expect(Buffer.from(item.binary!.data.data, 'base64')).toEqual(
			(gowa.constructor as unknown as { mediaBytes(): Buffer }).mediaBytes(),
		);
		const [asked] = gowa.received.filter((r) => r.path === '/message/I3/download');
		expect(asked.query).toEqual({ phone: `${CUSTOMER}@s.whatsapp.net` });
		expect(asked.headers['x-device-id']).toBe('shop-phone');
		expect(gowa.received.map((r) => r.path)).toContain('/statics/media/I3.jpg');

		// A message GOWA no longer has: the item still starts, with the reason.
		const lost = JSON.stringify({
			event: 'message',
			device_id: 'shop-phone',
			payload: {
				id: 'I4',
				chat_id: `${CUSTOMER}@s.whatsapp.net`,
				from: `${CUSTOMER}@s.whatsapp.net`,
				image: { url: 'https://mmg.whatsapp.net/v/t62.7118-24/I4.enc?ccb=11-4', caption: 'x' },
			},
		});
		const signature = `sha256=${createHmac('sha256', GOWA_SECRET).update(lost).digest('hex')}`;
		expect(
			(await harness.post(lost, { headers: { 'x-hub-signature-256': signature } })).status,
		).toBe(200);
		const [, failed] = harness.executions.flat();
		expect(failed.binary).toBeUndefined();
		expect(failed.json).toMatchObject({ messageId: 'I4', type: 'image' });
		expect((failed.json.media as { error: string }).error).toMatch(
			/^Could not download the media: GOWA did not download the file of message I4: message I4 not found/,
		);
		expect(JSON.stringify(failed.json)).not.toContain(GOWA_SECRET);
	});
});

describe('a tapped button or list row arrives as a reply: type "reply", reply {id, title, description?}, text the title', () => {
	const tap = { id: 'handoff', title: 'Talk to a person' };
	const reply = (extra: object = {}) => ({
		type: 'reply',
		text: 'Talk to a person',
		reply: { ...tap, ...extra },
	});

	it("1MSG raw hooks (Meta's shape): interactive.button_reply and list_reply, and a template's quick reply (button {payload, text}), each answering the message it came from", async () => {
		const harness = await messageTrigger('oneMsg');
		const query = oneMsg.webhookUrls[0].slice(harness.webhookUrl.length);
		const message = (id: string, part: object) => ({
			from: CUSTOMER,
			id,
			timestamp: '1764500000',
			context: { id: 'wamid.BUTTONS' },
			...part,
		});
		await harness.post(
			{
				entry: [
					{
						changes: [
							{
								value: {
									contacts: [{ wa_id: CUSTOMER, profile: { name: 'Amina' } }],
									messages: [
										message('wamid.R1', {
											type: 'interactive',
											interactive: { type: 'button_reply', button_reply: tap },
										}),
										message('wamid.R2', {
											type: 'interactive',
											interactive: {
												type: 'list_reply',
												list_reply: { ...tap, description: 'Someone answers here' },
											},
										}),
										message('wamid.R3', {
											type: 'button',
											button: { payload: 'handoff', text: 'Talk to a person' },
										}),
									],
								},
							},
						],
					},
				],
			},
			{ query },
		);
		const items = harness.executions.flat().map((item) => item.json);
		expect(items).toEqual([
			expect.objectContaining({
				messageId: 'wamid.R1',
				from: `+${CUSTOMER}`,
				replyTo: 'wamid.BUTTONS',
				...reply(),
			}),
			expect.objectContaining({
				messageId: 'wamid.R2',
				...reply({ description: 'Someone answers here' }),
			}),
			expect.objectContaining({ messageId: 'wamid.R3', ...reply() }),
		]);
	});

	it.each([
		[
			'interactive with a JSON body',
			{ type: 'interactive', body: JSON.stringify({ type: 'button_reply', button_reply: tap }) },
			reply(),
		],
		[
			'button with its part',
			{ type: 'button', button: { payload: 'handoff', text: 'Talk to a person' } },
			reply(),
		],
		[
			'interactive with the title only (the id unconfirmed: the title stands for it)',
			{ type: 'interactive', body: 'Talk to a person' },
			{
				type: 'reply',
				text: 'Talk to a person',
				reply: { id: 'Talk to a person', title: 'Talk to a person' },
			},
		],
	])("1MSG's plain hook: %s", async (_case, fields, expected) => {
		const harness = await messageTrigger('oneMsg');
		const query = oneMsg.webhookUrls[0].slice(harness.webhookUrl.length);
		await harness.post(
			{
				instanceId: '123456',
				messages: [{ id: 'wamid.P1', chatId: `${CUSTOMER}@c.us`, time: 1764500000, ...fields }],
			},
			{ query },
		);
		expect(harness.executions.flat()[0].json).toMatchObject(expected);
	});

	it.each([
		[
			'INTERACTIVE button_reply',
			{ type: 'INTERACTIVE', interactive: { type: 'button_reply', button_reply: tap } },
			reply(),
		],
		[
			'INTERACTIVE list_reply',
			{
				type: 'INTERACTIVE',
				interactive: { type: 'list_reply', list_reply: { ...tap, description: 'd' } },
			},
			reply({ description: 'd' }),
		],
		[
			'BUTTON {payload, text}',
			{ type: 'BUTTON', button: { payload: 'handoff', text: 'Talk to a person' } },
			reply(),
		],
		['BUTTON_REPLY buttonReply', { type: 'BUTTON_REPLY', buttonReply: tap }, reply()],
		[
			'LIST_RESPONSE listResponse',
			{ type: 'LIST_RESPONSE', listResponse: { ...tap, description: 'd' } },
			reply({ description: 'd' }),
		],
		[
			'BUTTON_RESPONSE with the title as text',
			{ type: 'BUTTON_RESPONSE', text: 'Talk to a person' },
			{ type: 'reply', reply: { id: 'Talk to a person', title: 'Talk to a person' } },
		],
	])(
		"LipaChat's button and list responses (shape unconfirmed, every variant read): %s",
		async (_case, fields, expected) => {
			const harness = await messageTrigger('lipaChat');
			await harness.post(
				{ messageId: 'L-R1', from: CUSTOMER, to: '254110090747', profileName: 'Amina', ...fields },
				{ query: `?secret=${LIPACHAT_SECRET}` },
			);
			expect(harness.executions.flat()[0].json).toMatchObject({
				from: `+${CUSTOMER}`,
				...expected,
			});
		},
	);

	it('a tap through each simulator reaches the trigger as a reply, and Message Types "Reply" keeps taps only', async () => {
		for (const provider of ['oneMsg', 'lipaChat'] as const) {
			const harness = await messageTrigger(provider, { options: { messageTypes: ['reply'] } });
			const written = await writes(provider, harness, {
				kind: 'reply',
				replyId: 'handoff',
				text: 'Talk to a person',
			});
			const typed = await writes(provider, harness, { kind: 'text', text: 'Talk to a person' });
			expect(written).toEqual([[expect.objectContaining({ provider, ...reply() })]]);
			expect(typed).toEqual([]);
			await harness.stop();
		}
	});
});

describe('every message type, as each provider sends it', () => {
	const sign = (body: string) =>
		`sha256=${createHmac('sha256', GOWA_SECRET).update(body).digest('hex')}`;
	const oneMsgCases: Array<[string, object, object]> = [
		['text', { type: 'chat', body: 'hi' }, { text: 'hi' }],
		[
			'image',
			{ type: 'image', body: 'https://s3.example/i.jpg', caption: 'c' },
			{ text: 'c', media: { url: 'https://s3.example/i.jpg' } },
		],
		[
			'video',
			{ type: 'video', body: 'https://s3.example/v.mp4' },
			{ media: { url: 'https://s3.example/v.mp4' } },
		],
		[
			'audio',
			{ type: 'ptt', body: 'https://s3.example/a.ogg' },
			{ media: { url: 'https://s3.example/a.ogg' } },
		],
		[
			'document',
			{ type: 'document', body: 'https://s3.example/d.pdf', caption: 'invoice' },
			{ text: 'invoice' },
		],
		['sticker', { type: 'sticker', body: 'https://s3.example/s.webp' }, {}],
		['location', { type: 'location', body: '-1.2921,36.8219' }, { location }],
		[
			'contact',
			{ type: 'vcard', body: vcard },
			{ contacts: [{ name: 'Amina', phones: [`+${CUSTOMER}`], vcard }] },
		],
		['reaction', { type: 'reaction', body: '👍' }, {}],
		[
			'reply',
			{ type: 'interactive', body: 'Yes' },
			{ text: 'Yes', reply: { id: 'Yes', title: 'Yes' } },
		],
		['interactive', { type: 'interactive' }, {}],
		['other', { type: 'e2e_notification' }, {}],
	];
	it.each(oneMsgCases)('1MSG %s', async (type, fields, expected) => {
		const harness = await messageTrigger('oneMsg');
		const query = oneMsg.webhookUrls[0].slice(harness.webhookUrl.length);
		const message = {
			id: `wamid.${type}`,
			chatId: `${CUSTOMER}@c.us`,
			time: 1764500000,
			...fields,
		};
		await harness.post({ instanceId: '123456', messages: [message] }, { query });
		expect(harness.executions.flat()[0].json).toMatchObject({ type, ...expected });
	});

	const gowaCases: Array<[string, object, object]> = [
		['text', { body: 'hi' }, { text: 'hi' }],
		[
			'image',
			{ image: { path: 'statics/media/i.jpg', caption: 'c' }, body: 'c' },
			{ text: 'c', media: { fileName: 'i.jpg' } },
		],
		[
			'video',
			{ video_note: 'statics/media/v.mp4' },
			{ media: { url: `${'GOWA'}/statics/media/v.mp4` } },
		],
		['audio', { audio: 'statics/media/a.ogg' }, { media: { fileName: 'a.ogg' } }],
		[
			'document',
			{ document: { path: 'statics/media/d.pdf', filename: 'invoice.pdf' } },
			{ media: { fileName: 'invoice.pdf' } },
		],
		['sticker', { sticker: 'statics/media/s.webp' }, {}],
		[
			'location',
			{ live_location: { degreesLatitude: -1.2921, degreesLongitude: 36.8219 } },
			{ location },
		],
		[
			'contact',
			{ contacts_array: [{ displayName: 'Amina', vcard }] },
			{ contacts: [{ name: 'Amina', phones: [`+${CUSTOMER}`], vcard }] },
		],
		['interactive', { interactive: { type: 'button_reply' }, body: 'Yes' }, { text: 'Yes' }],
		['other', {}, {}],
	];
	it.each(gowaCases)('GOWA %s', async (type, fields, expected) => {
		const harness = await messageTrigger('whatsAppWeb');
		const body = JSON.stringify({
			event: 'message',
			payload: {
				id: `G-${type}`,
				chat_id: `${CUSTOMER}@s.whatsapp.net`,
				from: `${CUSTOMER}@s.whatsapp.net`,
				...fields,
			},
		});
		await harness.post(body, { headers: { 'x-hub-signature-256': sign(body) } });
		const want = JSON.parse(JSON.stringify(expected).replace('GOWA', gowa.url));
		expect(harness.executions.flat()[0].json).toMatchObject({ type, ...want });
	});

	const lipaChatCases: Array<[string, object, object]> = [
		['text', { type: 'TEXT', text: 'hi' }, { text: 'hi' }],
		[
			'image',
			{ type: 'IMAGE', image: { caption: 'c', url: 'https://cdn.example/i.jpg' } },
			{ text: 'c', media: { url: 'https://cdn.example/i.jpg' } },
		],
		[
			'video',
			{ type: 'VIDEO', video: { url: 'https://cdn.example/v.mp4' } },
			{ media: { url: 'https://cdn.example/v.mp4' } },
		],
		['audio', { type: 'AUDIO', audio: { url: 'https://cdn.example/a.ogg' } }, {}],
		[
			'document',
			{ type: 'DOCUMENT', document: { url: 'https://cdn.example/d.pdf', filename: 'd.pdf' } },
			{ media: { fileName: 'd.pdf' } },
		],
		['sticker', { type: 'STICKER', sticker: { url: 'https://cdn.example/s.webp' } }, {}],
		[
			'location',
			{ type: 'LOCATION', location: { latitude: -1.2921, longitude: 36.8219 } },
			{ location },
		],
		[
			'contact',
			{ type: 'CONTACT', contact: vcard },
			{ contacts: [{ name: 'Amina', phones: [`+${CUSTOMER}`], vcard }] },
		],
		['reaction', { type: 'REACTION' }, {}],
		['interactive', { type: 'INTERACTIVE' }, {}],
		['other', { type: 'ORDER' }, {}],
	];
	it.each(lipaChatCases)('LipaChat %s', async (type, fields, expected) => {
		const harness = await messageTrigger('lipaChat');
		await harness.post(
			{
				messageId: `L-${type}`,
				from: CUSTOMER,
				to: '254110090747',
				profileName: 'Amina',
				...fields,
			},
			{ query: `?secret=${LIPACHAT_SECRET}` },
		);
		expect(harness.executions.flat()[0].json).toMatchObject({ type, ...expected });
	});
});
