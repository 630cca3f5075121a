import { createHmac } from 'crypto';

import { Engine } from './engine/engine';
import { nodeRunner } from './engine/nodeRunner';
import { TriggerHarness } from './engine/triggerHarness';
import { triggersStoppedAfterEach, useSimulators } from './engine/triggerLifecycle';
import { LipaChatSimulator } from './sandbox/lipaChat';
import { OneMsgSimulator } from './sandbox/oneMsg';
import { WhatsAppWebSimulator } from './sandbox/whatsAppWeb';

const TOKEN = 'sim-1msg-token-Tr1gg3r';
const API_KEY = 'sim-lipachat-key-Tr1gg3r';
const LIPACHAT_SECRET = 'lipachat-callback-secret-9f2';
const GOWA_SECRET = 'gowa-webhook-secret-k81';
const oneMsg = new OneMsgSimulator({ channelId: '123456', token: TOKEN });
const lipaChat = new LipaChatSimulator({ apiKey: API_KEY, senderNumber: '254110090747' });
const gowa = new WhatsAppWebSimulator({ devices: ['shop-phone'] });

const oneMsgApi = () => ({ token: TOKEN, channelId: '123456', baseUrl: oneMsg.url });
const lipaChatApi = () => ({
	apiKey: API_KEY,
	senderNumber: '254110090747',
	baseUrl: `${lipaChat.url}/api/v1`,
	webhookSecret: LIPACHAT_SECRET,
});
const whatsAppWebApi = () => ({
	baseUrl: gowa.url,
	deviceId: 'shop-phone',
	webhookSecret: GOWA_SECRET,
});

let engine: Engine;
const harnesses = triggersStoppedAfterEach();
async function trigger(parameters: object, credentials: object) {
	const harness = await new TriggerHarness(
		engine,
		parameters as never,
		credentials as never,
	).start();
	harnesses.push(harness);
	return harness;
}
const statusesOf = (harness: TriggerHarness) => harness.executions.flat().map((item) => item.json);

/** Send Contact of the specialist card, as in the hand-off seeds. */
const contactParameters = {
	operation: 'sendContact',
	recipient: '={{ $json.phone }}',
	contacts: {
		contact: [
			{
				formattedName: 'Jane Specialist',
				firstName: 'Jane',
				phones: { phone: [{ number: '+254712345678', type: 'CELL', onWhatsApp: true }] },
			},
		],
	},
	options: {},
};
const sendOneMsg = nodeRunner(
	() => engine,
	{ type: 'oneMsg', credentialType: 'oneMsgApi' },
	oneMsgApi,
);
const sendLipaChat = nodeRunner(
	() => engine,
	{ type: 'lipaChat', credentialType: 'lipaChatApi' },
	lipaChatApi,
);
const sendGowa = nodeRunner(
	() => engine,
	{ type: 'whatsAppWeb', credentialType: 'whatsAppWebApi' },
	whatsAppWebApi,
);

beforeAll(async () => {
	engine = await Engine.load();
});
useSimulators(oneMsg, lipaChat, gowa);
beforeEach(() => {
	for (const digits of ['12025550199', '447911123456']) {
		oneMsg.customerWrote(digits);
		lipaChat.customerWrote(digits);
	}
});

describe('WhatsApp Status Trigger with 1MSG', () => {
	const parameters = {
		provider: 'oneMsg',
		statuses: ['sent', 'delivered', 'read', 'failed'],
		options: {},
	};
	const secretUrl = (harness: TriggerHarness) =>
		new RegExp(`^${harness.webhookUrl}\\?secret=[0-9a-f]{40}$`);

	it("adds its URL next to the channel's other webhooks, turns statuses on, and removes only its own", async () => {
		const others = ['https://crm.example.com/1msg', 'https://backup.example.com/hook'];
		oneMsg.webhookUrls = [...others];
		const harness = await trigger(parameters, { oneMsgApi: oneMsgApi() });
		await harness.activate();
		expect(oneMsg.webhookUrls).toHaveLength(3);
		expect(oneMsg.webhookUrls.slice(0, 2)).toEqual(others);
		expect(oneMsg.webhookUrls[2]).toMatch(secretUrl(harness));
		expect(oneMsg.ackNotificationsOn).toBe(true);
		const [write] = oneMsg.sends('/webhook');
		expect(write.headers.authorization).toBe(`Bearer ${TOKEN}`);

		await harness.activate(); // already there: not added twice
		expect(oneMsg.webhookUrls).toHaveLength(3);
		await harness.deactivate();
		expect(oneMsg.webhookUrls).toEqual(others);
	});

	it('activates through a 429 on the webhook list and a 503 on the settings, waiting as sends do', async () => {
		const harness = await trigger(parameters, { oneMsgApi: oneMsgApi() });
		oneMsg.failNextCall('/webhook', {
			status: 429,
			body: { error: 'Too many requests' },
			headers: { 'retry-after': '0' },
		});
		oneMsg.failNextCall('/settings', { status: 503, body: { error: 'Service Unavailable' } });
		await harness.activate();
		expect(oneMsg.webhookUrls).toEqual([expect.stringContaining(harness.webhookUrl)]);
		expect(oneMsg.ackNotificationsOn).toBe(true);
		expect(oneMsg.stats.rateLimited).toBe(1);
	});

	it('keeps both URLs when two triggers activate at once (1MSG replaces the whole list on each write)', async () => {
		const [first, second] = await Promise.all([
			trigger(parameters, { oneMsgApi: oneMsgApi() }),
			trigger(parameters, { oneMsgApi: oneMsgApi() }),
		]);
		await Promise.all([first.activate(), second.activate()]);
		expect(oneMsg.webhookUrls).toHaveLength(2);
		expect(oneMsg.webhookUrls).toEqual(
			expect.arrayContaining([
				expect.stringMatching(secretUrl(first)),
				expect.stringMatching(secretUrl(second)),
			]),
		);
		await Promise.all([first.deactivate(), second.deactivate()]);
		expect(oneMsg.webhookUrls).toEqual([]);
	});

	it('refuses to activate when the channel already has five webhooks, leaving them alone', async () => {
		const five = [1, 2, 3, 4, 5].map((n) => `https://hooks.example.com/${n}`);
		oneMsg.webhookUrls = [...five];
		const harness = await trigger(parameters, { oneMsgApi: oneMsgApi() });
		await expect(harness.activate()).rejects.toThrow(
			'The 1MSG channel already has 5 webhook URLs, the most it allows, so this trigger cannot add its own',
		);
		expect(oneMsg.webhookUrls).toEqual(five);
	});

	it("turns a sent message into sent, delivered and read items with the send output's messageId (end to end)", async () => {
		const harness = await trigger(parameters, { oneMsgApi: oneMsgApi() });
		await harness.activate();
		oneMsg.failDelivery('447911123456');
		const sent = await sendOneMsg(
			[{ phone: '+1 202 555 0199' }, { phone: '+44 7911 123456' }],
			contactParameters,
		);
		const [first, second] = sent.items('Send').map((item) => item.json.messageId);
		await oneMsg.callbacksDone();

		expect(oneMsg.callbacks.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
		const statuses = statusesOf(harness);
		expect(statuses.map((s) => [s.messageId, s.status])).toEqual([
			[first, 'sent'],
			[first, 'delivered'],
			[first, 'read'],
			[second, 'sent'],
			[second, 'failed'],
		]);
		expect(statuses[1]).toEqual({
			provider: 'oneMsg',
			messageId: first,
			status: 'delivered',
			recipient: '+12025550199',
			timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
			raw: { id: first, chatId: '12025550199@c.us', status: 'delivered' },
		});
		expect(statuses[4].error).toEqual({ code: 'failed', message: 'Message undeliverable' });
		// Without details from 1MSG, a plain sentence.
		await harness.post(
			{ ack: [{ id: 'wamid.F', status: 'failed' }] },
			{ query: oneMsg.webhookUrls[0].slice(harness.webhookUrl.length) },
		);
		expect(statusesOf(harness)[5].error).toEqual({
			code: 'failed',
			message: 'The message was not delivered',
		});
	});

	it("emits one item per status of a request, in 1MSG's ack shape and Meta's raw shape, filtered by Statuses", async () => {
		const harness = await trigger(
			{ ...parameters, statuses: ['delivered', 'failed'] },
			{ oneMsgApi: oneMsgApi() },
		);
		await harness.activate();
		const query = oneMsg.webhookUrls[0].slice(harness.webhookUrl.length);
		const ack = {
			instanceId: '123456',
			messages: [],
			ack: ['sent', 'delivered', 'viewed'].map((status) => ({
				id: 'wamid.A',
				chatId: '12025550199@c.us',
				status,
			})),
		};
		expect(await harness.post(ack, { query })).toEqual({
			status: 200,
			body: { message: 'Workflow was started' },
		});

		const raw = {
			entry: [
				{
					changes: [
						{
							value: {
								statuses: [
									{
										id: 'wamid.B',
										status: 'delivered',
										timestamp: '1763800000',
										recipient_id: '447911123456',
									},
									{
										id: 'wamid.C',
										status: 'failed',
										timestamp: '1763800001',
										recipient_id: '447911123456',
										errors: [
											{
												code: 131049,
												title: 'Not delivered to maintain healthy ecosystem engagement',
											},
										],
									},
								],
							},
						},
					],
				},
			],
		};
		await harness.post(raw, { query });
		expect(harness.executions.map((items) => items.length)).toEqual([1, 2]);
		expect(statusesOf(harness).map((s) => [s.messageId, s.status, s.timestamp, s.error])).toEqual([
			['wamid.A', 'delivered', expect.any(String), undefined],
			['wamid.B', 'delivered', '2025-11-22T08:26:40.000Z', undefined],
			[
				'wamid.C',
				'failed',
				'2025-11-22T08:26:41.000Z',
				{ code: '131049', message: 'Not delivered to maintain healthy ecosystem engagement' },
			],
		]);
	});

	it('answers a missing or wrong secret with 401 and starts nothing', async () => {
		const harness = await trigger(parameters, { oneMsgApi: oneMsgApi() });
		await harness.activate();
		const ack = { ack: [{ id: 'wamid.A', status: 'delivered' }] };
		expect((await harness.post(ack)).status).toBe(401);
		expect(
			(await harness.post(ack, { query: '?secret=0123456789abcdef0123456789abcdef01234567' }))
				.status,
		).toBe(401);
		expect(harness.executions).toEqual([]);
	});

	it('drops a repeated status, remembers a bounded number in static data, and can keep repeats', async () => {
		const harness = await trigger(parameters, { oneMsgApi: oneMsgApi() });
		await harness.activate();
		const query = oneMsg.webhookUrls[0].slice(harness.webhookUrl.length);
		const ack = { ack: [{ id: 'wamid.A', status: 'delivered' }] };
		await harness.post(ack, { query });
		expect(await harness.post(ack, { query })).toEqual({
			status: 200,
			body: { received: true, statuses: 0 },
		});
		expect(harness.executions).toHaveLength(1);

		const many = {
			ack: Array.from({ length: 2300 }, (_, i) => ({ id: `wamid.M${i}`, status: 'read' })),
		};
		await harness.post(many, { query });
		expect(harness.executions[1]).toHaveLength(2300);
		expect(harness.staticData.node).toBeUndefined();
		// The newest 2,000 stay (trimmed once past 2,200), in the order they came.
		const stored = Object.values(harness.staticData)[0] as { seenEvents: object };
		const keys = Object.keys(stored.seenEvents);
		expect(keys).toHaveLength(2000);
		expect(keys[0]).toBe('oneMsg:wamid.M300:read');
		expect(keys.at(-1)).toBe('oneMsg:wamid.M2299:read');

		const keeping = await trigger(
			{ ...parameters, options: { dropDuplicates: false } },
			{ oneMsgApi: oneMsgApi() },
		);
		await keeping.activate();
		const keepQuery = oneMsg.webhookUrls
			.find((url) => url.startsWith(keeping.webhookUrl))!
			.slice(keeping.webhookUrl.length);
		await keeping.post(ack, { query: keepQuery });
		await keeping.post(ack, { query: keepQuery });
		expect(keeping.executions).toHaveLength(2);
	});

	it('answers malformed JSON with 400 and a body over 1 MB with 413, starting nothing', async () => {
		const harness = await trigger(parameters, { oneMsgApi: oneMsgApi() });
		await harness.activate();
		const query = oneMsg.webhookUrls[0].slice(harness.webhookUrl.length);
		expect(await harness.post('{"ack": [', { query })).toEqual({
			status: 400,
			body: { error: 'The body is not valid JSON' },
		});
		const big = JSON.stringify({ ack: [], padding: 'x'.repeat(1024 * 1024) });
		expect(await harness.post(big, { query })).toEqual({
			status: 413,
			body: { error: 'The body is larger than 1 MB' },
		});
		expect(await harness.post({ unrelated: true }, { query })).toEqual({
			status: 200,
			body: { received: true, statuses: 0 },
		});
		expect(harness.executions).toEqual([]);
	});
});

describe('WhatsApp Status Trigger with LipaChat', () => {
	const parameters = {
		provider: 'lipaChat',
		statuses: ['sent', 'delivered', 'read', 'failed'],
		options: {},
	};

	it('will not activate without a Webhook Secret in the credential', async () => {
		const harness = await trigger(parameters, {
			lipaChatApi: { ...lipaChatApi(), webhookSecret: '' },
		});
		await expect(harness.activate()).rejects.toThrow(
			'The LipaChat credential has no Webhook Secret, so the trigger could not tell real status callbacks from forged ones',
		);
	});

	it('reads the callbacks of a sent card by our messageId, whatever the case of the status', async () => {
		const harness = await trigger(
			{ ...parameters, statuses: ['delivered', 'failed'] },
			{ lipaChatApi: lipaChatApi() },
		);
		await harness.activate();
		lipaChat.setStatusWebhook(`${harness.webhookUrl}?secret=${LIPACHAT_SECRET}`);
		lipaChat.failDelivery('447911123456');
		const sent = await sendLipaChat(
			[{ phone: '+1 202 555 0199' }, { phone: '+44 7911 123456' }],
			contactParameters,
		);
		const ids = sent.items('Send').map((item) => item.json.messageId);
		await lipaChat.callbacksDone();
		expect(lipaChat.callbacks[1].body.status).toBe('DELIVERED');
		expect(
			statusesOf(harness).map((s) => [s.provider, s.messageId, s.status, s.recipient, s.error]),
		).toEqual([
			['lipaChat', ids[0], 'delivered', '+12025550199', undefined],
			[
				'lipaChat',
				ids[1],
				'failed',
				'+447911123456',
				{ code: '131026', message: 'Message undeliverable' },
			],
		]);
		// Both ids, so a workflow can match the send output's messageId or its response.data.waId.
		const waIds = sent
			.items('Send')
			.map((item) => (item.json.response as { data: { waId: string } }).data.waId);
		expect(statusesOf(harness).map((s) => s.waId)).toEqual(waIds);
		await harness.post(
			{ waId: waIds[0], status: 'DELIVERED', errors: null },
			{ query: `?secret=${LIPACHAT_SECRET}` },
		);
		expect(statusesOf(harness)[2]).toMatchObject({
			messageId: waIds[0],
			waId: waIds[0],
			status: 'delivered',
		});
		expect(
			(await harness.post({ messageId: ids[0], status: 'read' }, { query: '?secret=guess' }))
				.status,
		).toBe(401);
	});
});

describe('WhatsApp Status Trigger with WhatsApp Web (GOWA)', () => {
	const parameters = {
		provider: 'whatsAppWeb',
		statuses: ['sent', 'delivered', 'read', 'failed'],
		options: {},
	};
	const sign = (body: string, secret = GOWA_SECRET) =>
		`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
	const receipt = JSON.stringify({
		event: 'message.ack',
		timestamp: '2026-11-22T10:00:00Z',
		device_id: 'shop-phone',
		payload: {
			ids: ['3EB0AA', '3EB0BB'],
			chat_id: '6289685024051@s.whatsapp.net',
			receipt_type: 'read',
		},
	});

	it('turns signed receipts of a sent card into delivered and read items (GOWA reports no "sent")', async () => {
		const harness = await trigger(parameters, { whatsAppWebApi: whatsAppWebApi() });
		await harness.activate();
		gowa.setServerWebhook(harness.webhookUrl, GOWA_SECRET);
		const sent = await sendGowa([{ phone: '+1 202 555 0199' }], contactParameters);
		await gowa.callbacksDone();
		const id = sent.items('Send')[0].json.messageId;
		expect(statusesOf(harness).map((s) => [s.messageId, s.status, s.recipient])).toEqual([
			[id, 'delivered', '+12025550199'],
			[id, 'read', '+12025550199'],
		]);
	});

	it('emits one item per id of a receipt, and rejects forged or missing signatures with 401', async () => {
		const harness = await trigger(parameters, { whatsAppWebApi: whatsAppWebApi() });
		await harness.activate();
		expect(
			(await harness.post(receipt, { headers: { 'x-hub-signature-256': sign(receipt) } })).status,
		).toBe(200);
		expect(statusesOf(harness).map((s) => [s.messageId, s.status, s.timestamp])).toEqual([
			['3EB0AA', 'read', '2026-11-22T10:00:00.000Z'],
			['3EB0BB', 'read', '2026-11-22T10:00:00.000Z'],
		]);
		const forged = receipt.replace('3EB0AA', '3EB0CC');
		expect(
			(await harness.post(forged, { headers: { 'x-hub-signature-256': sign(receipt) } })).status,
		).toBe(401);
		expect(
			(await harness.post(forged, { headers: { 'x-hub-signature-256': sign(forged, 'secret') } }))
				.status,
		).toBe(401);
		expect((await harness.post(forged)).status).toBe(401);
		const message = JSON.stringify({ event: 'message', payload: { id: 'X', body: 'hello' } });
		expect(
			await harness.post(message, { headers: { 'x-hub-signature-256': sign(message) } }),
		).toEqual({
			status: 200,
			body: { received: true, statuses: 0 },
		});
		// read-self: the account read the chat on another of its devices, not the customer.
		const readSelf = JSON.stringify({
			event: 'message.ack',
			payload: {
				ids: ['3EB0CC'],
				chat_id: '6289685024051@s.whatsapp.net',
				receipt_type: 'read-self',
			},
		});
		expect(
			await harness.post(readSelf, { headers: { 'x-hub-signature-256': sign(readSelf) } }),
		).toEqual({ status: 200, body: { received: true, statuses: 0 } });
		expect(harness.executions).toHaveLength(1);
	});

	it('registers on the device when asked, clears it on deactivation, and names the server flags where it cannot', async () => {
		const harness = await trigger(
			{ ...parameters, registerOnDevice: true },
			{ whatsAppWebApi: whatsAppWebApi() },
		);
		gowa.received.length = 0;
		await harness.activate();
		expect(gowa.deviceWebhooks.get('shop-phone')).toEqual({
			url: harness.webhookUrl,
			secret: GOWA_SECRET,
			events: ['message.ack'],
		});
		await harness.deactivate();
		expect(gowa.deviceWebhooks.size).toBe(0);
		// GOWA binds every field as a string: the events go as one comma-separated string.
		expect(
			gowa.received
				.filter((request) => request.method === 'PATCH')
				.map((request) => [request.path, request.body]),
		).toEqual([
			[
				'/devices/shop-phone/webhook',
				{
					webhook_url: harness.webhookUrl,
					webhook_secret: GOWA_SECRET,
					webhook_events: 'message.ack',
				},
			],
			['/devices/shop-phone/webhook', { webhook_url: '', webhook_secret: '', webhook_events: '' }],
		]);

		// A refusal quotes GOWA's own message.
		const unknownDevice = await trigger(
			{ ...parameters, registerOnDevice: true },
			{ whatsAppWebApi: { ...whatsAppWebApi(), deviceId: 'old-phone' } },
		);
		await expect(unknownDevice.activate()).rejects.toMatchObject({
			message: 'GOWA did not set the webhook of device old-phone: device old-phone not found',
		});

		gowa.deviceWebhooksSupported = false;
		try {
			await expect(harness.activate()).rejects.toMatchObject({
				message:
					'This GOWA server cannot register webhooks per device (no PATCH /devices/{id}/webhook)',
				description: `Turn "Register On Device" off and start the server with WHATSAPP_WEBHOOK=${harness.webhookUrl} WHATSAPP_WEBHOOK_SECRET=<the credential's Webhook Secret> WHATSAPP_WEBHOOK_EVENTS=message.ack.`,
			});
		} finally {
			gowa.deviceWebhooksSupported = true;
		}
	});
});
