// Send Buttons, Send List and Mark As Read in n8n's engine, against simulators that check each
// body as the provider does (1MSG sendButton, sendList, readMessage; LipaChat
// whatsapp/interactive/buttons and /list; GOWA message/{id}/read and send/chat-presence), and
// with Meta's limits for interactive messages, which 1MSG and LipaChat pass on.
import { threeProviders } from './engine/threeProviders';

const { providers, oneMsg, lipaChat, whatsAppWeb } = threeProviders();
const customerPhone = '+254 722 000111';
const question = 'Your parcel is on its way. Anything else?';

const buttonsParameters = (buttons: object, options: object = {}) => ({
	operation: 'sendButtons',
	recipient: '={{ $json.customerPhone }}',
	text: '={{ $json.text }}',
	buttonsInput: 'fields',
	buttons: { choice: buttons },
	options,
});
const jsonButtons = (options: object = {}) => ({
	operation: 'sendButtons',
	recipient: '={{ $json.customerPhone }}',
	text: '={{ $json.text }}',
	buttonsInput: 'json',
	buttonsJson: '={{ $json.buttons }}',
	options,
});
const listParameters = (rows: object, options: object = {}) => ({
	operation: 'sendList',
	recipient: '={{ $json.customerPhone }}',
	text: 'Which one?',
	buttonText: 'Choose',
	rowsInput: 'fields',
	rows: { choice: rows },
	options,
});
const talkToAPerson = { id: 'handoff', title: 'Talk to a person' };

describe('Send Buttons', () => {
	it('1MSG: POST sendButton {phone, body, footer, sections: [{type: "reply", reply}]}, the id the title where left empty', async () => {
		const result = await providers.oneMsg.run(
			[{ customerPhone, text: question }],
			buttonsParameters([talkToAPerson, { title: 'All good' }], { footer: 'Duka Deliveries' }),
		);
		expect(result.error).toBeUndefined();
		const [request] = oneMsg.sends('/sendButton');
		expect(request.path).toBe('/123456/sendButton');
		expect(request.body).toEqual({
			phone: '254722000111',
			body: question,
			footer: 'Duka Deliveries',
			sections: [
				{ type: 'reply', reply: { id: 'handoff', title: 'Talk to a person' } },
				{ type: 'reply', reply: { id: 'All good', title: 'All good' } },
			],
		});
		expect(result.items('Send')[0].json).toMatchObject({
			provider: 'oneMsg',
			messageId: oneMsg.accepted[0].id,
			status: 'accepted',
			to: '+254722000111',
		});
	});

	it('LipaChat: POST whatsapp/interactive/buttons {messageId, from, to, text, buttons}, the buttons from JSON (as an AI agent fills them)', async () => {
		const result = await providers.lipaChat.run(
			[
				{
					customerPhone,
					text: question,
					buttons: JSON.stringify([talkToAPerson, 'Track my order']),
				},
			],
			jsonButtons(),
		);
		expect(result.error).toBeUndefined();
		const [request] = lipaChat.sends('/api/v1/whatsapp/interactive/buttons');
		expect(request.body).toEqual({
			messageId: expect.any(String),
			from: '254110090747',
			to: '254722000111',
			text: question,
			buttons: [
				{ id: 'handoff', title: 'Talk to a person' },
				{ id: 'Track my order', title: 'Track my order' },
			],
		});
		expect(result.items('Send')[0].json).toMatchObject({
			provider: 'lipaChat',
			status: 'accepted',
		});
	});

	it.each(['oneMsg', 'lipaChat'] as const)(
		'%s: bad buttons fail only their item, naming the field and the limit, before any request',
		async (name) => {
			const { run, sim } = providers[name];
			const items = [
				{ customerPhone, text: question, buttons: '[]' },
				{ customerPhone, text: question, buttons: JSON.stringify(['a', 'b', 'c', 'd']) },
				{ customerPhone, text: question, buttons: JSON.stringify(['Talk to a real person now']) },
				{
					customerPhone,
					text: question,
					buttons: JSON.stringify([
						{ id: 'x', title: 'A' },
						{ id: 'x', title: 'B' },
					]),
				},
				{ customerPhone, text: question, buttons: 'not json' },
				{ customerPhone, text: 'x'.repeat(1025), buttons: JSON.stringify(['Yes']) },
				{ customerPhone, text: question, buttons: JSON.stringify([talkToAPerson]) },
			];
			const result = await run(items, jsonButtons(), { continueOnFail: 'errorOutput' });
			expect(result.error).toBeUndefined();
			const errors = result.items('Send', 1).map((item) => [item.pairedItem, item.json.error]);
			expect(errors).toEqual([
				[{ item: 0 }, '0 buttons given; WhatsApp takes 1 to 3 (item 0)'],
				[{ item: 1 }, '4 buttons given; WhatsApp takes 1 to 3 (item 1)'],
				[
					{ item: 2 },
					`"Buttons" has 25 characters, more than WhatsApp's 20: "Talk to a real person now" (item 2)`,
				],
				[{ item: 3 }, 'Two choices have the ID "x" (item 3)'],
				[{ item: 4 }, '"Buttons (JSON)" must be an array, and is not valid JSON (item 4)'],
				[
					{ item: 5 },
					expect.stringMatching(/^"Text" has 1,025 characters, more than WhatsApp's 1,024/),
				],
			]);
			expect(result.items('Send', 1)[2].json.details).toMatchObject({
				field: 'Buttons',
				reason: 'invalidInput',
				description: "Shorten Button 1's title to at most 20 characters (WhatsApp's limit).",
			});
			// Only the good item reached the provider.
			expect(sim.received.filter((r) => r.method === 'POST')).toHaveLength(1);
			expect(result.items('Send')).toHaveLength(1);
		},
	);

	it("1MSG: a customer's chat id goes as their phone (sendButton has no chatId); a group is refused before any request", async () => {
		const result = await providers.oneMsg.run(
			[
				{ customerPhone: '254722000111@c.us', text: question },
				{ customerPhone: '120363040000000000@g.us', text: question },
			],
			buttonsParameters([talkToAPerson]),
			{ continueOnFail: 'errorOutput' },
		);
		expect(oneMsg.sends('/sendButton').map((r) => r.body.phone)).toEqual(['254722000111']);
		expect(result.items('Send', 1)[0].json.error).toBe(
			'Buttons and lists go to one person\'s chat, not to a group: "120363040000000000@g.us" (item 1)',
		);
	});

	it('1MSG: a closed 24-hour window leaves by Window Closed, like every send', async () => {
		const result = await providers.oneMsg.run(
			[{ customerPhone: '+1 202 555 0123', text: question }],
			buttonsParameters([talkToAPerson], { windowClosedOutput: true }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items('Send')).toEqual([]);
		expect(result.items('Send', 1)[0].json).toMatchObject({
			customerPhone: '+1 202 555 0123',
			windowClosed: expect.objectContaining({ provider: 'oneMsg' }),
		});
	});
});

describe('Send List', () => {
	const rows = [
		{
			title: 'Talk to a person',
			id: 'handoff',
			description: 'Someone answers here',
			section: 'Help',
		},
		{ title: 'Track my order', id: 'track', section: 'Orders' },
		{ title: 'Change address', id: 'address', section: 'Orders' },
	];

	it('1MSG: POST sendList {phone, body, buttonText, sections: [{title, rows}]}, rows grouped by their section', async () => {
		const result = await providers.oneMsg.run([{ customerPhone }], listParameters(rows));
		expect(result.error).toBeUndefined();
		expect(oneMsg.sends('/sendList')[0].body).toEqual({
			phone: '254722000111',
			body: 'Which one?',
			buttonText: 'Choose',
			sections: [
				{
					title: 'Help',
					rows: [{ id: 'handoff', title: 'Talk to a person', description: 'Someone answers here' }],
				},
				{
					title: 'Orders',
					rows: [
						{ id: 'track', title: 'Track my order' },
						{ id: 'address', title: 'Change address' },
					],
				},
			],
		});
	});

	it('LipaChat: POST whatsapp/interactive/list {…, headerText, body, buttonText, buttons: [{sectionTitle, sectionItems}]}; one section without a title is named after the button', async () => {
		const result = await providers.lipaChat.run(
			[{ customerPhone }],
			listParameters(
				[
					{ title: 'Talk to a person', id: 'handoff' },
					{ title: 'Track my order', id: 'track' },
				],
				{ headerText: 'Duka Deliveries' },
			),
		);
		expect(result.error).toBeUndefined();
		expect(lipaChat.sends('/api/v1/whatsapp/interactive/list')[0].body).toEqual({
			messageId: expect.any(String),
			from: '254110090747',
			to: '254722000111',
			headerText: 'Duka Deliveries',
			body: 'Which one?',
			buttonText: 'Choose',
			buttons: [
				{
					sectionTitle: 'Choose',
					sectionItems: [
						{ id: 'handoff', title: 'Talk to a person' },
						{ id: 'track', title: 'Track my order' },
					],
				},
			],
		});
	});

	it.each(['oneMsg', 'lipaChat'] as const)(
		'%s: eleven rows, a long description or a long button fail before any request',
		async (name) => {
			const { run, sim } = providers[name];
			const eleven = Array.from({ length: 11 }, (_, i) => ({ title: `Row ${i + 1}`, id: `r${i}` }));
			const tooLong = [{ title: 'Talk to a person', description: 'd'.repeat(73) }];
			const results = [
				await run([{ customerPhone }], listParameters(eleven), { continueOnFail: 'errorOutput' }),
				await run([{ customerPhone }], listParameters(tooLong), { continueOnFail: 'errorOutput' }),
				await run(
					[{ customerPhone }],
					{ ...listParameters([talkToAPerson]), buttonText: 'Choose one of these options' },
					{ continueOnFail: 'errorOutput' },
				),
			];
			expect(results.map((r) => r.items('Send', 1)[0].json.error)).toEqual([
				'11 rows given; WhatsApp takes 1 to 10 (item 0)',
				expect.stringMatching(/^"Rows" has 73 characters, more than WhatsApp's 72/),
				expect.stringMatching(/^"List Button" has 27 characters, more than WhatsApp's 20/),
			]);
			expect(sim.received.filter((r) => r.method === 'POST')).toHaveLength(0);
		},
	);
});

describe('Mark As Read', () => {
	it('1MSG: POST readMessage {messageId, typingIndicator: true}: read, and typing until the answer', async () => {
		const result = await providers.oneMsg.run([{ id: 'wamid.HBgMMjU0NzIy' }], {
			operation: 'markAsRead',
			messageId: '={{ $json.id }}',
			typing: true,
		});
		expect(result.error).toBeUndefined();
		expect(oneMsg.sends('/readMessage').map((r) => r.body)).toEqual([
			{ messageId: 'wamid.HBgMMjU0NzIy', typingIndicator: true },
		]);
		expect(result.items('Send')[0].json).toEqual({
			provider: 'oneMsg',
			messageId: 'wamid.HBgMMjU0NzIy',
			read: true,
			typing: true,
		});
	});

	it("GOWA: POST message/{id}/read {phone}, then send/chat-presence {phone, action: start}, from the credential's device", async () => {
		const result = await providers.whatsAppWeb.run(
			[{ id: '3EB0C767D26A1D8D4C2B', chatId: '254722000111@s.whatsapp.net' }],
			{ operation: 'markAsRead', messageId: '={{ $json.id }}', recipient: '={{ $json.chatId }}' },
		);
		expect(result.error).toBeUndefined();
		const posted = whatsAppWeb.received.filter((r) => r.method === 'POST');
		expect(posted.map((r) => [r.path, r.headers['x-device-id'], r.body])).toEqual([
			[
				'/message/3EB0C767D26A1D8D4C2B/read',
				'shop-phone',
				{ phone: '254722000111@s.whatsapp.net' },
			],
			[
				'/send/chat-presence',
				'shop-phone',
				{ phone: '254722000111@s.whatsapp.net', action: 'start' },
			],
		]);
		expect(whatsAppWeb.reads).toHaveLength(2);
	});

	it('an empty Message ID fails its item before any request; a refused read goes to the error output and the next item is read', async () => {
		oneMsg.failNextCall('/readMessage', { status: 400, body: { message: 'Message not found' } });
		const result = await providers.oneMsg.run(
			[{ id: '' }, { id: 'wamid.A' }, { id: 'wamid.B' }],
			{ operation: 'markAsRead', messageId: '={{ $json.id }}', typing: false },
			{ continueOnFail: 'errorOutput' },
		);
		expect(result.error).toBeUndefined();
		expect(result.items('Send', 1).map((i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 0 }, '"Message ID" is empty (item 0)'],
			[{ item: 1 }, expect.stringContaining('Message not found')],
		]);
		expect(result.items('Send').map((i) => i.json.messageId)).toEqual(['wamid.B']);
		// The refused one was asked once (a refusal is not retried), the next one once.
		expect(
			oneMsg.received.filter((r) => r.path.endsWith('/readMessage')).map((r) => r.body),
		).toEqual([{ messageId: 'wamid.A' }, { messageId: 'wamid.B' }]);
	});
});

describe('which node offers what', () => {
	it('GOWA offers no buttons or lists (WhatsApp Web cannot send them); LipaChat no Mark As Read (LipaChat documents none)', async () => {
		const { Engine } = await import('./engine/engine');
		const engine = await Engine.load();
		const operationsOf = (type: string) =>
			(
				engine.nodeTypes
					.getByNameAndVersion(`n8n-nodes-whatsapp-handoff.${type}`, 1)
					.description.properties.find((p) => p.name === 'operation')!.options as Array<{
					value: string;
				}>
			).map((o) => o.value);
		expect(operationsOf('whatsAppWeb')).toEqual([
			'sendContact',
			'sendText',
			'sendMedia',
			'markAsRead',
		]);
		expect(operationsOf('lipaChat')).toEqual([
			'sendContact',
			'sendText',
			'sendMedia',
			'sendButtons',
			'sendList',
			'sendTemplate',
		]);
		expect(operationsOf('oneMsg')).toEqual([
			'sendContact',
			'sendText',
			'sendMedia',
			'sendButtons',
			'sendList',
			'sendTemplate',
			'markAsRead',
			'hookInfo',
		]);
	});
});
