import { Engine } from './engine/engine';
import { orderWorkflow } from './engine/workflows';
import { OneMsgSimulator } from './sandbox/oneMsg';

const sim = new OneMsgSimulator({ channelId: '123456', token: 'sim-1msg-token-Zk93' });
let engine: Engine;
const credentials = () => ({
	oneMsgApi: { token: sim.token, channelId: '123456', baseUrl: sim.url },
});

/** Send Contact with the courier card mapped from the order, as in the courier seed. */
const courierParameters = {
	operation: 'sendContact',
	recipient: '={{ $json.customerPhone }}',
	contacts: {
		contact: [
			{
				formattedName: '={{ $json.courier.name }}',
				firstName: '={{ $json.courier.name }}',
				phones: { phone: [{ number: '={{ $json.courier.phone }}', type: 'CELL', onWhatsApp: false }] },
			},
		],
	},
	options: {},
};

beforeAll(async () => {
	engine = await Engine.load();
	await sim.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

describe('1MSG Send Contact in the n8n engine', () => {
	it('sends the courier card of the seed, exactly as 1MSG expects it', async () => {
		sim.customerWrote('12025550199');
		const result = await engine.run(
			orderWorkflow(
				[{ customerPhone: '+1 (202) 555-0199', courier: { name: 'Иван Курьер', phone: '+998901234567' } }],
				{ type: 'oneMsg', parameters: courierParameters, credentialType: 'oneMsgApi' },
			),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		const [request] = sim.sends('/sendContact');
		expect(request.path).toBe('/123456/sendContact');
		expect(request.headers.authorization).toBe(`Bearer ${sim.token}`);
		expect(request.body).toEqual({
			phone: '12025550199',
			contacts: [
				{
					name: { formatted_name: 'Иван Курьер', first_name: 'Иван Курьер' },
					phones: [{ phone: '+998901234567', type: 'CELL' }],
				},
			],
		});
		const items = result.items('Send');
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toEqual({
			provider: 'oneMsg',
			messageId: sim.accepted[0].id,
			status: 'accepted',
			to: '+12025550199',
			sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			response: { sent: true, id: sim.accepted[0].id, message: 'Sent to 12025550199', description: '' },
		});
	});
});
