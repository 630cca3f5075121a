// The node's cap against a provider as strict as any (a sliding window of 1 s, counted when a
// request arrives): with the cap at the provider's, no request may get a 429, even when the
// first requests arrive late, as they do from a busy machine.
import type { INodeParameters } from 'n8n-workflow';

import { Engine } from './engine/engine';
import { orderWorkflow } from './engine/workflows';
import { OneMsgSimulator } from './sandbox/oneMsg';
import { WhatsAppWebSimulator } from './sandbox/whatsAppWeb';

let engine: Engine;
beforeAll(async () => {
	engine = await Engine.load();
});

/** `count` orders, each to its own customer; `first` numbers them apart across executions. */
const orders = (count: number, first = 0) =>
	Array.from({ length: count }, (_, i) => ({
		customerPhone: `+4479111${String(first + i).padStart(5, '0')}`,
	}));
const contacts = {
	contact: [
		{
			formattedName: 'Courier',
			phones: { phone: [{ number: '+447911123456', type: 'CELL', onWhatsApp: false }] },
		},
	],
};

async function send(
	sim: OneMsgSimulator | WhatsAppWebSimulator,
	node: { type: string; credentialType: string; credentials: object },
	count: number,
	options: INodeParameters,
	first = 0,
) {
	sim.sessionOpen = () => true;
	const result = await engine.run(
		orderWorkflow(orders(count, first), {
			type: node.type,
			credentialType: node.credentialType,
			continueOnFail: true,
			parameters: {
				operation: 'sendContact',
				recipient: '={{ $json.customerPhone }}',
				contacts,
				options,
			},
		}),
		{ [node.credentialType]: { ...node.credentials, baseUrl: sim.url } },
	);
	return result.items('Send');
}

describe('Max Messages Per Second against a strict provider cap', () => {
	const oneMsg = new OneMsgSimulator({ channelId: '1', token: 'cap-token-Xk2' });
	const node = {
		type: 'oneMsg',
		credentialType: 'oneMsgApi',
		credentials: { token: 'cap-token-Xk2', channelId: '1' },
	};
	beforeAll(() => oneMsg.start());
	afterAll(() => oneMsg.stop());

	it('gets no 429 when the first requests arrive late: the next window opens from their answers', async () => {
		oneMsg.reset();
		// The first 8 reach the provider 150 ms after they left: a planned-start window would send
		// the next 8 at +1,030 ms, while the provider still counts the first 8 until +1,150 ms.
		oneMsg.limit(8, { count: 8, ms: 150 });
		const items = await send(oneMsg, node, 24, { maxPerSecond: 8 });
		expect(items.map((item) => item.json.status)).toEqual(Array(24).fill('accepted'));
		expect(oneMsg.stats.rateLimited).toBe(0);
		expect(oneMsg.accepted).toHaveLength(24);
		expect(new Set(oneMsg.accepted.map((a) => a.to)).size).toBe(24);
	});

	it("gets no 429 with the cap below the provider's (8 against 10), at full speed for the cap", async () => {
		oneMsg.reset();
		oneMsg.latencyMs = 20;
		oneMsg.limit(10);
		const started = Date.now();
		const items = await send(oneMsg, node, 24, { maxPerSecond: 8 });
		const wallMs = Date.now() - started;
		expect(items.every((item) => item.json.status === 'accepted')).toBe(true);
		expect(oneMsg.stats.rateLimited).toBe(0);
		// 24 = 3 windows of 8: two waits of one window after an answer, not more.
		expect(wallMs).toBeGreaterThanOrEqual(2 * 1000);
		expect(wallMs).toBeLessThan(2 * 1000 + 1500);
	});
});

describe('several executions sharing one provider cap', () => {
	const oneMsg = new OneMsgSimulator({ channelId: '1', token: 'cap-token-Sh4r' });
	const node = {
		type: 'oneMsg',
		credentialType: 'oneMsgApi',
		credentials: { token: 'cap-token-Sh4r', channelId: '1' },
	};
	beforeAll(() => oneMsg.start());
	afterAll(() => oneMsg.stop());

	it('four at once, each at the full cap: all accepted once, few 429s, most of the cap used', async () => {
		oneMsg.reset();
		oneMsg.latencyMs = 20;
		oneMsg.limit(40);
		const started = Date.now();
		const items = await Promise.all(
			[0, 1, 2, 3].map((n) =>
				send(oneMsg, node, 100, { maxPerSecond: 40, maxRetries: 10 }, n * 1000),
			),
		);
		const seconds = (Date.now() - started) / 1000;
		const accepted = oneMsg.accepted.length;
		expect(items.flat().every((i) => i.json.status === 'accepted')).toBe(true);
		expect(accepted).toBe(400);
		expect(new Set(oneMsg.accepted.map((a) => a.to)).size).toBe(400);
		// Each alone would send at 40/s into a provider that takes 40/s in all (without sharing,
		// about a quarter of all requests came back 429). Measured: 24-31 x 429 (6-8 %), 85-90 %
		// of the cap (lowering to 85 % of what was taken, climbing per answer: 34-35 x 429,
		// 74-81 %); the bounds leave room for a busy CI machine.
		expect(oneMsg.stats.rateLimited).toBeLessThanOrEqual(40);
		expect(accepted / seconds).toBeGreaterThanOrEqual(0.6 * 40);
	});
});

describe("GOWA's default cap against a provider's 2/s", () => {
	const gowa = new WhatsAppWebSimulator({ devices: ['shop-phone'] });
	beforeAll(() => gowa.start());
	afterAll(() => gowa.stop());

	it('sends 6 cards with no 429 (on GOWA a 429 is an anti-spam lock on the account)', async () => {
		gowa.reset();
		gowa.limit(2, { count: 2, ms: 100 });
		const items = await send(
			gowa,
			{
				type: 'whatsAppWeb',
				credentialType: 'whatsAppWebApi',
				credentials: { deviceId: 'shop-phone' },
			},
			6,
			{},
		);
		expect(items.map((item) => item.json.status)).toEqual(Array(6).fill('accepted'));
		expect(gowa.stats.rateLimited).toBe(0);
	});
});
