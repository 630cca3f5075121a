// Send Text on the three nodes, in n8n's engine, against simulators that check each body as the
// provider does (1MSG sendMessage, LipaChat whatsapp/message/text, GOWA send/message).
import { threeProviders, type ProviderName } from './engine/threeProviders';

const {
	providers: simulated,
	oneMsg: oneMsgSim,
	lipaChat: lipaChatSim,
	whatsAppWeb: gowaSim,
} = threeProviders();
/** Each provider with the path its Send Text goes to. */
const providers = {
	oneMsg: { ...simulated.oneMsg, path: '/sendMessage' },
	lipaChat: { ...simulated.lipaChat, path: '/whatsapp/message/text' },
	whatsAppWeb: { ...simulated.whatsAppWeb, path: '/send/message' },
};

/** Send Text with the recipient and text mapped from the item, as a workflow would. */
const textParameters = (options: object = {}) => ({
	operation: 'sendText',
	recipient: '={{ $json.customerPhone }}',
	text: '={{ $json.text }}',
	options,
});
const handover = 'Juma is your courier today, his card follows. Reply here with any question.';

describe('Send Text in the n8n engine', () => {
	it('1MSG: POST sendMessage {phone, body}, and the item out', async () => {
		const result = await providers.oneMsg.run(
			[{ customerPhone: '+254 722 000111', text: handover }],
			textParameters(),
		);
		expect(result.error).toBeUndefined();
		const [request] = oneMsgSim.sends('/sendMessage');
		expect(request.path).toBe('/123456/sendMessage');
		expect(request.body).toEqual({ phone: '254722000111', body: handover });
		expect(result.items('Send')).toEqual([
			{
				json: {
					provider: 'oneMsg',
					messageId: oneMsgSim.accepted[0].id,
					status: 'accepted',
					to: '+254722000111',
					sentAt: expect.any(String),
					response: expect.objectContaining({ sent: true, id: oneMsgSim.accepted[0].id }),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('1MSG: answers a customer message in its chat (chatId from the trigger), quoting it', async () => {
		const result = await providers.oneMsg.run(
			[{ customerPhone: '254722000111@c.us', text: 'A person will answer you here.' }],
			textParameters({ quotedMsgId: 'wamid.HBgMMjU0NzIy' }),
		);
		expect(result.error).toBeUndefined();
		expect(oneMsgSim.sends('/sendMessage')[0].body).toEqual({
			chatId: '254722000111@c.us',
			body: 'A person will answer you here.',
			quotedMsgId: 'wamid.HBgMMjU0NzIy',
		});
	});

	it('1MSG: a closed session leaves by "Window Closed" with Window Closed Output on', async () => {
		const result = await providers.oneMsg.run(
			[
				{ customerPhone: '+447911123456', text: handover },
				{ customerPhone: '+254722000111', text: handover },
			],
			textParameters({ windowClosedOutput: true }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items('Send', 0).map((item) => item.json.to)).toEqual(['+254722000111']);
		expect(result.items('Send', 1)).toEqual([
			{
				json: {
					customerPhone: '+447911123456',
					text: handover,
					windowClosed: { provider: 'oneMsg', message: expect.stringContaining('template') },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('LipaChat: POST whatsapp/message/text {messageId, from, to, message}', async () => {
		const result = await providers.lipaChat.run(
			[{ customerPhone: '+254 722 000111', text: handover }],
			textParameters(),
		);
		expect(result.error).toBeUndefined();
		const [request] = lipaChatSim.sends('/whatsapp/message/text');
		expect(request.body).toEqual({
			messageId: expect.stringMatching(
				/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
			),
			from: '254110090747',
			to: '254722000111',
			message: handover,
		});
		expect(result.items('Send')[0].json).toMatchObject({
			provider: 'lipaChat',
			messageId: request.body.messageId,
			to: '+254722000111',
		});
	});

	it('LipaChat: a dropped connection is retried with the same messageId, and the customer gets one message', async () => {
		lipaChatSim.fail({ drop: 'after' });
		const result = await providers.lipaChat.run(
			[{ customerPhone: '+254722000111', text: handover }],
			textParameters(),
		);
		expect(result.error).toBeUndefined();
		const sends = lipaChatSim.sends('/whatsapp/message/text');
		expect(sends).toHaveLength(2);
		expect(sends[1].body).toEqual(sends[0].body);
		expect(lipaChatSim.accepted).toHaveLength(1);
	});

	it('GOWA: POST send/message with the device, a reply, forwarded and disappearing options; a group answers the group', async () => {
		const result = await providers.whatsAppWeb.run(
			[
				{ customerPhone: '+62 896 8502 4051', text: handover },
				{ customerPhone: '120363040000000000@g.us', text: 'The team is on it.' },
			],
			textParameters({
				replyMessageId: '3EB0C767D26A1D8D4C2B',
				isForwarded: false,
				duration: 86400,
			}),
		);
		expect(result.error).toBeUndefined();
		const requests = gowaSim.sends('/send/message');
		expect(requests[0].headers['x-device-id']).toBe('shop-phone');
		expect(requests.map((r) => r.body)).toEqual([
			{
				phone: '6289685024051@s.whatsapp.net',
				message: handover,
				reply_message_id: '3EB0C767D26A1D8D4C2B',
				is_forwarded: false,
				duration: 86400,
			},
			{
				phone: '120363040000000000@g.us',
				message: 'The team is on it.',
				reply_message_id: '3EB0C767D26A1D8D4C2B',
				is_forwarded: false,
				duration: 86400,
			},
		]);
		expect(result.items('Send').map((item) => item.json.to)).toEqual([
			'+6289685024051',
			'120363040000000000@g.us',
		]);
	});

	it.each(Object.keys(providers) as ProviderName[])(
		'%s: a text over 4,096 characters, an empty one or an object fails only its item, naming the field, before any request',
		async (name) => {
			const { run, sim, path } = providers[name];
			const customerPhone = '+254722000111';
			const result = await run(
				[
					{ customerPhone, text: 'x'.repeat(4097) },
					{ customerPhone, text: '   ' },
					{ customerPhone, text: { answer: 'hi' } },
					// 4,096 emoji are 8,192 UTF-16 units: still within WhatsApp's 4,096 characters.
					{ customerPhone, text: '🙂'.repeat(4096) },
				],
				textParameters(),
				{ continueOnFail: 'errorOutput' },
			);
			expect(result.error).toBeUndefined();
			const errors = result.items('Send', 1).map((item) => [item.pairedItem, item.json.error]);
			expect(errors).toEqual([
				[
					{ item: 0 },
					expect.stringMatching(
						/^"Text" has 4,097 characters, more than WhatsApp's 4,096: "x{60}…" \(4,097 characters\) \(item 0\)$/,
					),
				],
				[{ item: 1 }, '"Text" is empty (item 1)'],
				[{ item: 2 }, '"Text" must be text, got an object (item 2)'],
			]);
			expect(result.items('Send', 1)[1].json.details).toMatchObject({
				field: 'Text',
				reason: 'invalidInput',
				description: expect.stringContaining('WhatsApp sends no empty message'),
			});
			expect(sim.sends(path).map((r) => [...String(r.body.body ?? r.body.message)].length)).toEqual(
				[4096],
			);
		},
	);
});
