// The three providers' simulators and node runners, for tests that run one operation on every
// node: each simulator checks bodies as its provider does; `run` is the order workflow around
// the provider's node with its credential pointing at the simulator.
import { Engine } from './engine';
import { nodeRunner } from './nodeRunner';
import { LipaChatSimulator } from '../sandbox/lipaChat';
import { OneMsgSimulator } from '../sandbox/oneMsg';
import { WhatsAppWebSimulator } from '../sandbox/whatsAppWeb';

export function threeProviders() {
	let engine: Engine;
	const oneMsg = new OneMsgSimulator({ channelId: '123456', token: 'sim-1msg-token-Zk93xQ' });
	const lipaChat = new LipaChatSimulator({
		apiKey: 'lipachat-key-5Qx81',
		senderNumber: '254110090747',
	});
	const whatsAppWeb = new WhatsAppWebSimulator({
		user: 'admin',
		password: 'gowa-pass-Hn27v',
		devices: ['shop-phone'],
	});
	const providers = {
		oneMsg: {
			sim: oneMsg,
			run: nodeRunner(
				() => engine,
				{ type: 'oneMsg', credentialType: 'oneMsgApi' },
				() => ({ token: 'sim-1msg-token-Zk93xQ', channelId: '123456', baseUrl: oneMsg.url }),
			),
		},
		lipaChat: {
			sim: lipaChat,
			run: nodeRunner(
				() => engine,
				{ type: 'lipaChat', credentialType: 'lipaChatApi' },
				() => ({
					apiKey: 'lipachat-key-5Qx81',
					senderNumber: '+254 110 090747',
					baseUrl: `${lipaChat.url}/api/v1`,
				}),
			),
		},
		whatsAppWeb: {
			sim: whatsAppWeb,
			run: nodeRunner(
				() => engine,
				{ type: 'whatsAppWeb', credentialType: 'whatsAppWebApi' },
				() => ({
					baseUrl: whatsAppWeb.url,
					user: 'admin',
					password: 'gowa-pass-Hn27v',
					deviceId: 'shop-phone',
				}),
			),
		},
	};
	const sims = [oneMsg, lipaChat, whatsAppWeb];
	beforeAll(async () => {
		engine = await Engine.load();
		await Promise.all(sims.map(async (sim) => await sim.start()));
	});
	afterAll(async () => {
		await Promise.all(sims.map(async (sim) => await sim.stop()));
	});
	beforeEach(() => {
		for (const sim of sims) sim.reset();
		// The customer every test writes to has an open 24-hour session.
		oneMsg.customerWrote('254722000111');
		lipaChat.customerWrote('254722000111');
		whatsAppWeb.devices = ['shop-phone'];
	});
	return { providers, oneMsg, lipaChat, whatsAppWeb };
}

export type ProviderName = 'oneMsg' | 'lipaChat' | 'whatsAppWeb';
