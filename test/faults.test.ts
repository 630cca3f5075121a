// 1,000 items through each node while the provider answers 20 % 429, 10 % 503 and drops 5 % of
// connections: every item must end as exactly one output item, and no message may be accepted
// twice. Only LipaChat, which deduplicates on messageId, may retry the unknown outcomes.
import { Engine } from './engine/engine';
import { orderWorkflow } from './engine/workflows';
import { LipaChatSimulator } from './sandbox/lipaChat';
import { OneMsgSimulator } from './sandbox/oneMsg';
import type { Simulator } from './sandbox/simulator';
import { WhatsAppWebSimulator } from './sandbox/whatsAppWeb';

const ITEMS = 1000;
const chaos = { rate429: 0.2, rate503: 0.1, rateDropBefore: 0.025, rateDropAfter: 0.025, seed: 7 };
const options = { concurrency: 32, maxPerSecond: 0, maxRetries: 10, timeout: 10 };
const orders = Array.from({ length: ITEMS }, (_, i) => ({
	customerPhone: `+4479111${String(i).padStart(5, '0')}`,
	agent: { name: `Agent ${i}`, phone: '+447911123456' },
}));
const contacts = {
	contact: [
		{
			formattedName: '={{ $json.agent.name }}',
			phones: { phone: [{ number: '={{ $json.agent.phone }}', type: 'CELL', onWhatsApp: true }] },
		},
	],
};

let engine: Engine;
beforeAll(async () => {
	engine = await Engine.load();
});

async function runWithChaos(
	sim: Simulator,
	type: string,
	credentialType: string,
	credentials: object,
) {
	sim.sessionOpen = () => true;
	sim.chaos(chaos);
	await sim.start();
	try {
		const result = await engine.run(
			orderWorkflow(orders, {
				type,
				credentialType,
				continueOnFail: true,
				parameters: {
					operation: 'sendContact',
					recipient: '={{ $json.customerPhone }}',
					contacts,
					options,
				},
			}),
			{
				[credentialType]: {
					...credentials,
					baseUrl: credentialType === 'lipaChatApi' ? `${sim.url}/api/v1` : sim.url,
				},
			},
		);
		expect(result.error).toBeUndefined();
		return result.items('Send');
	} finally {
		await sim.stop();
	}
}

/** One output per input, in order, each either accepted with an id or an error saying why. */
function expectOneOutcomePerItem(items: Awaited<ReturnType<typeof runWithChaos>>, sim: Simulator) {
	expect(items).toHaveLength(ITEMS);
	items.forEach((item, index) => {
		expect(item.pairedItem).toEqual({ item: index });
		if (item.json.error === undefined) {
			expect(item.json.status).toBe('accepted');
			expect(item.json.to).toBe(orders[index].customerPhone);
		} else {
			if (
				!/^(outcomeUnknown|rateLimited|serverError)$/.test(
					String((item.json.details as { reason?: string } | undefined)?.reason),
				)
			)
				throw new Error(JSON.stringify(item.json));
		}
	});
	const recipients = sim.accepted.map((a) => String(a.to).split('@')[0]);
	expect(new Set(recipients).size).toBe(recipients.length);
	const acceptedIds = new Set(sim.accepted.map((a) => a.id));
	const reported = items.filter((i) => i.json.error === undefined);
	for (const item of reported) expect(acceptedIds.has(item.json.messageId as string)).toBe(true);
	return reported.length;
}

describe('1,000 items under 429s, 503s and dropped connections', () => {
	it('1MSG: at most one message per item; unknown outcomes fail instead of being re-sent', async () => {
		const sim = new OneMsgSimulator({ channelId: '1', token: 't0ken-1msg' });
		const items = await runWithChaos(sim, 'oneMsg', 'oneMsgApi', {
			token: 't0ken-1msg',
			channelId: '1',
		});
		const ok = expectOneOutcomePerItem(items, sim);
		const unknown = items.filter(
			(i) => (i.json.details as { reason?: string } | undefined)?.reason === 'outcomeUnknown',
		);
		expect(unknown.length).toBeGreaterThan(0);
		expect(unknown[0].json.error).toContain('outcome unknown, not re-sent');
		expect(ok + unknown.length).toBe(ITEMS);
		// Every message the provider took was either reported or is among the unknown outcomes.
		expect(sim.accepted.length).toBeGreaterThanOrEqual(ok);
		expect(sim.accepted.length).toBeLessThanOrEqual(ok + unknown.length);
	});

	it('GOWA: at most one message per item; unknown outcomes fail instead of being re-sent', async () => {
		const sim = new WhatsAppWebSimulator({ devices: ['d1'] });
		const items = await runWithChaos(sim, 'whatsAppWeb', 'whatsAppWebApi', { deviceId: 'd1' });
		const ok = expectOneOutcomePerItem(items, sim);
		expect(
			ok +
				items.filter(
					(i) => (i.json.details as { reason?: string } | undefined)?.reason === 'outcomeUnknown',
				).length,
		).toBe(ITEMS);
	});

	it('LipaChat: retries with the same messageId until all 1,000 are accepted exactly once', async () => {
		const sim = new LipaChatSimulator({ apiKey: 'k3y-lipa', senderNumber: '254110090747' });
		const items = await runWithChaos(sim, 'lipaChat', 'lipaChatApi', {
			apiKey: 'k3y-lipa',
			senderNumber: '254110090747',
		});
		expect(expectOneOutcomePerItem(items, sim)).toBe(ITEMS);
		expect(sim.accepted).toHaveLength(ITEMS);
		expect(sim.stats.rateLimited).toBeGreaterThan(100);
	});
});
