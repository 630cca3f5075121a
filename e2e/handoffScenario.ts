// The AI agent hand-off template's whole loop in a real n8n, against the simulators and the
// scripted model (answering by its rules): shared by the regular and the queue-mode suites.
import { eventually } from './helpers';
import { ensureHandoffTable } from './handoffTable';
import { rest } from './n8n';
import { demo, type startSandbox } from './sandbox';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Sim = Sandbox['oneMsg'];
type Sent = { path: string; at: number; body: Record<string, unknown> };
type Table = Awaited<ReturnType<typeof ensureHandoffTable>>;
export type ProviderName = 'oneMsg' | 'lipaChat' | 'whatsAppWeb';

const workflowId = 'HandoffAiAgent01';
/** The template's Settings: the person who takes over, the business's line. */
export const handoffSettings = {
	personName: 'Juma Mwangi',
	personDigits: '254712345678',
	about: 'Duka Deliveries delivers parcels in Nairobi, Monday to Saturday, 8:00 to 18:00.',
};

/**
 * Each provider's text, card and reply-button endpoints (GOWA has none: WhatsApp Web cannot send
 * buttons), and who a request is addressed to.
 */
const wire: Record<
	ProviderName,
	{ text: string; card: string; buttons?: string; to: (s: Sent) => unknown }
> = {
	oneMsg: {
		text: '/sendMessage',
		card: '/sendContact',
		buttons: '/sendButton',
		to: (s) => s.body.chatId ?? s.body.phone,
	},
	lipaChat: {
		text: '/whatsapp/message/text',
		card: '/whatsapp/contact',
		buttons: '/whatsapp/interactive/buttons',
		to: (s) => s.body.to,
	},
	whatsAppWeb: { text: '/send/message', card: '/send/contact', to: (s) => s.body.phone },
};
/** Where an answer of the agent goes: with the "Talk to a person" button where the provider has buttons. */
export const answerPath = (provider: ProviderName) => wire[provider].buttons ?? wire[provider].text;
/** The recipient each provider's request names for a number. */
const addressed: Record<ProviderName, (digits: string) => string> = {
	oneMsg: (d) => d,
	lipaChat: (d) => d,
	whatsAppWeb: (d) => `${d}@s.whatsapp.net`,
};

/**
 * Publishes the hand-off template in place of "Customer asks for a person" (both answer the same
 * messages), creates its table and sends GOWA's and LipaChat's messages to its triggers.
 * `waitForWebhooks` waits where they are served (the webhook process in queue mode).
 */
export async function enableHandoff(
	base: string,
	cookie: string,
	sandbox: Sandbox,
	waitForWebhooks: (paths: string[]) => Promise<void>,
	providers: ProviderName[] = ['oneMsg', 'lipaChat', 'whatsAppWeb'],
) {
	const table = await ensureHandoffTable(base, cookie);
	await rest(base, cookie, 'POST', '/workflows/HandoffAskPerson/deactivate', {});
	const { versionId } = await rest(base, cookie, 'GET', `/workflows/${workflowId}`);
	await rest(base, cookie, 'POST', `/workflows/${workflowId}/activate`, { versionId });
	sandbox.routeMessagesTo('agent');
	const ids = demo.webhookIds;
	const agentIds = {
		oneMsg: ids.oneMsgAgent,
		lipaChat: ids.lipaChatAgent,
		whatsAppWeb: ids.gowaAgent,
	};
	if (providers.includes('oneMsg')) {
		await eventually(
			() =>
				sandbox.oneMsg.webhookUrls.some((u) => u.includes(ids.oneMsgAgent)) ? true : undefined,
			60_000,
		);
	}
	await waitForWebhooks(providers.map((provider) => `${agentIds[provider]}/status`));
	return table;
}

/** The simulator of `provider`. */
const simOf = (sandbox: Sandbox, provider: ProviderName) =>
	({ oneMsg: sandbox.oneMsg, lipaChat: sandbox.lipaChat, whatsAppWeb: sandbox.gowa })[
		provider
	] as Sim;

/** The hand-off table's row of a chat, by the customer's digits. */
const rowOf = async (table: Table, digits: string) =>
	(await table.rows()).find((row: { chat: string }) => row.chat === `+${digits}`);

/** Every text and card the provider sent to `digits`, oldest first. */
function sentTo(sim: Sim, provider: ProviderName, digits: string) {
	const { text, card, buttons, to } = wire[provider];
	const paths = [text, card, ...(buttons ? [buttons] : [])];
	return paths
		.flatMap((path) => sim.sends(path) as Sent[])
		.filter((sent) => String(to(sent)).replace(/@c\.us$/, '') === addressed[provider](digits))
		.sort((a, b) => a.at - b.at);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One provider's loop: a question answered; a request for a person handed over (the customer
 * gets the person's card and a line, the person the customer's card and last message, the chat
 * is marked); silence while the chat is with a person; then released — by the keyword from the
 * business phone (1MSG, GOWA) or, for LipaChat, which reports no operator messages, by time —
 * and answered again. On 1MSG and GOWA a chat an operator writes in is marked too.
 */
export async function handoffLoop(
	sandbox: Sandbox,
	table: Table,
	provider: ProviderName,
	customer: string,
	quietCustomer: string,
) {
	const sim = simOf(sandbox, provider);
	const { personDigits, about } = handoffSettings;
	const writes = async (from: string, text: string, kind = 'text', id?: string) => {
		sim.customerWrites({ kind, from, name: 'Amina', text, id });
		await sim.callbacksDone();
	};
	const toCustomer = () => sentTo(sim, provider, customer);

	// 1. A question: marked read, typing shown (1MSG, GOWA), then the agent's answer goes back
	// through the same provider, with the "Talk to a person" button where it has buttons.
	const questionId = `Q${customer}`;
	const receivedBefore = sim.received.length;
	await writes(customer, 'When do you deliver?', 'text', questionId);
	const [answer] = await eventually(() => (toCustomer().length >= 1 ? toCustomer() : undefined));
	expect(answer.path.endsWith(answerPath(provider))).toBe(true);
	expect(JSON.stringify(answer.body)).toContain(about);
	const readFirst = (sim.received as Sent[])
		.slice(receivedBefore)
		.filter((r) => /\/(readMessage|read|chat-presence)$/.test(r.path))
		.map((r) => ({ path: r.path, body: r.body, beforeAnswer: r.at <= answer.at }));

	// 2. A person, please: the tool sends the person's card, then the agent's line; the person is
	// told on their own WhatsApp; the chat is marked.
	const toPersonBefore = sentTo(sim, provider, personDigits).length;
	await writes(customer, 'Can I talk to a person, please?');
	const handedOver = await eventually(
		() => (toCustomer().length >= 3 ? toCustomer().slice(1) : undefined),
		30_000,
	).catch((error) => {
		const seen = (sim.received as Sent[]).slice(-4).map((r) => [r.path, r.body]);
		const asked = sandbox.model.requests.slice(-2).map((r) => r.messages.slice(-2));
		throw new Error(`${error}: ${JSON.stringify({ seen, asked }, null, 1)}`);
	});
	// What the model was offered and shown: the hand-over tool, and the chat's earlier question
	// (Simple Memory, keyed by the chat).
	const handOverCall = sandbox.model.requests.at(-1)!;
	const offered = handOverCall.tools?.find((tool) => /^Hand_Over/.test(tool.function.name));
	const remembered = handOverCall.messages.some((m) => m.content === 'When do you deliver?');
	const toPerson = await eventually(() => {
		const sent = sentTo(sim, provider, personDigits).slice(toPersonBefore);
		return sent.length >= 2 ? sent : undefined;
	});
	const row = await eventually(() => rowOf(table, customer), 20_000);
	// 3. While the chat is with a person the bot says nothing, and the model is not asked.
	const modelCalls = sandbox.model.requests.length;
	await writes(customer, 'Hello? Are you there?');
	await sleep(4000);
	const quiet = { sent: toCustomer().length, modelCalls: sandbox.model.requests.length };

	// 4. Released, then answered again.
	if (provider === 'lipaChat') {
		await table.update(`+${customer}`, {
			since: new Date(Date.now() - 13 * 3600_000).toISOString(),
		});
	} else {
		await writes(customer, '#bot', 'operator');
		await eventually(async () => ((await rowOf(table, customer)) ? undefined : true), 20_000);
	}
	await writes(customer, 'Thanks, and when do you deliver on Saturday?');
	const answeredAgain = await eventually(() =>
		toCustomer().length >= 4 ? toCustomer() : undefined,
	);
	const rowAfterRelease = await rowOf(table, customer);

	// 5. An operator writes first in another chat: marked, and the bot stays quiet there.
	let operatorRow: unknown;
	let quietAfterOperator: Sent[] = [];
	if (provider !== 'lipaChat') {
		await writes(quietCustomer, 'Juma here, I have your parcel', 'operator');
		operatorRow = await eventually(() => rowOf(table, quietCustomer), 20_000);
		await writes(quietCustomer, 'Great, thanks!');
		await sleep(4000);
		quietAfterOperator = sentTo(sim, provider, quietCustomer);
	}
	return {
		questionId,
		readFirst,
		offered: offered?.function,
		remembered,
		handedOver,
		toPerson,
		row,
		quiet: { ...quiet, modelCallsBefore: modelCalls },
		answeredAgain: answeredAgain[3],
		rowAfterRelease,
		operatorRow,
		quietAfterOperator,
	};
}

/** The template's button: its id, and its words from Settings. */
const personButton = { id: 'handoff', title: 'Talk to a person' };

/** What each provider receives for a card and a text, addressed to a customer's chat or a number. */
const lipaChatFrom = { messageId: expect.any(String), from: demo.lipaChat.senderNumber };
const handoffWire: Record<
	ProviderName,
	{
		customer: (digits: string) => object;
		person: (digits: string) => object;
		card: (to: object, name: string, digits: string) => object;
		text: (to: object, message: string) => object;
		/** The answer with the "Talk to a person" button, where the provider has buttons */
		answer: (digits: string, message: string) => object;
	}
> = {
	oneMsg: {
		customer: (digits) => ({ chatId: `${digits}@c.us` }),
		person: (digits) => ({ phone: digits }),
		card: (to, name, digits) => ({
			...to,
			contacts: [
				{
					name: { formatted_name: name, first_name: name },
					phones: [{ phone: `+${digits}`, type: 'CELL', wa_id: digits }],
				},
			],
		}),
		text: (to, message) => ({ ...to, body: message }),
		// sendButton addresses the person by phone (its model has no chatId).
		answer: (digits, message) => ({
			phone: digits,
			body: message,
			sections: [{ type: 'reply', reply: personButton }],
		}),
	},
	lipaChat: {
		customer: (digits) => ({ ...lipaChatFrom, to: digits }),
		person: (digits) => ({ ...lipaChatFrom, to: digits }),
		card: (to, name, digits) => ({
			...to,
			name: { formattedName: name },
			phones: [{ phone: digits, type: 'CELL', waId: digits }],
		}),
		text: (to, message) => ({ ...to, message }),
		answer: (digits, message) => ({
			...lipaChatFrom,
			to: digits,
			text: message,
			buttons: [personButton],
		}),
	},
	whatsAppWeb: {
		customer: (digits) => ({ phone: `${digits}@s.whatsapp.net` }),
		person: (digits) => ({ phone: `${digits}@s.whatsapp.net` }),
		card: (to, name, digits) => ({ ...to, contact_name: name, contact_phone: digits }),
		text: (to, message) => ({ ...to, message }),
		answer: (digits, message) => ({ phone: `${digits}@s.whatsapp.net`, message }),
	},
};

/** What the hand-off loop of `provider` must show: every request's exact body, the table, the quiet. */
export function expectHandedOver(
	loop: Awaited<ReturnType<typeof handoffLoop>>,
	provider: ProviderName,
	customer: string,
	quietCustomer: string,
	/** Whether the model is shown the chat's earlier messages: not in queue mode with Simple Memory, which each worker keeps for itself */
	{ remembers = true }: { remembers?: boolean } = {},
) {
	const { personName, personDigits, about } = handoffSettings;
	const wire = handoffWire[provider];
	// Send Contact as the agent's tool, with $fromAI filling the recipient.
	expect(loop.offered).toMatchObject({
		name: expect.stringMatching(/^Hand_Over_to_a_Person_/),
		description: expect.stringMatching(/^Hands the customer over to a person/),
		parameters: { properties: { recipient: { type: 'string' } }, required: ['recipient'] },
	});
	if (remembers) expect(loop.remembered).toBe(true);
	// The customer: the person's card from the tool, then the agent's line.
	expect(loop.handedOver.map((sent) => sent.body)).toEqual([
		wire.card(wire.customer(customer), personName, personDigits),
		wire.text(
			wire.customer(customer),
			`${personName} will help you from here: their contact card is above.`,
		),
	]);
	// The person: the customer's card, then their last message.
	expect(loop.toPerson.map((sent) => sent.body)).toEqual([
		wire.card(wire.person(personDigits), 'Amina', customer),
		wire.text(
			wire.person(personDigits),
			'Amina asked for a person. Their last message: "Can I talk to a person, please?". Answer them in their chat; write #bot there to give the chat back to the bot.',
		),
	]);
	// Marked read and typing shown before the answer, where the provider has read receipts.
	const reads: Record<ProviderName, object[]> = {
		oneMsg: [
			{
				path: `/${demo.oneMsg.channelId}/readMessage`,
				body: { messageId: `wamid.${loop.questionId}`, typingIndicator: true },
				beforeAnswer: true,
			},
		],
		lipaChat: [],
		whatsAppWeb: [
			{
				path: `/message/${loop.questionId}/read`,
				body: { phone: `${customer}@s.whatsapp.net` },
				beforeAnswer: true,
			},
			{
				path: '/send/chat-presence',
				body: { phone: `${customer}@s.whatsapp.net`, action: 'start' },
				beforeAnswer: true,
			},
		],
	};
	expect(loop.readFirst).toEqual(reads[provider]);
	expect(loop.answeredAgain.body).toEqual(wire.answer(customer, about));
	expect(loop.row).toMatchObject({ chat: `+${customer}`, provider, person: personName });
	expect(loop.quiet.sent).toBe(3);
	expect(loop.quiet.modelCalls).toBe(loop.quiet.modelCallsBefore);
	expect(loop.rowAfterRelease).toBeUndefined();
	if (provider !== 'lipaChat') {
		expect(loop.operatorRow).toMatchObject({
			chat: `+${quietCustomer}`,
			provider,
			person: 'someone on the business phone',
		});
		expect(loop.quietAfterOperator).toEqual([]);
	}
}

/**
 * A tap on "Talk to a person" (1MSG, LipaChat): a question answered with the button, then the
 * tap hands over at once without asking the model — the person's card and a line to the
 * customer, the customer's card and the tap to the person, the chat's row — and the bot stays
 * quiet after.
 */
export async function buttonHandoff(
	sandbox: Sandbox,
	table: Table,
	provider: 'oneMsg' | 'lipaChat',
	customer: string,
) {
	const sim = simOf(sandbox, provider);
	const { personName, personDigits, about } = handoffSettings;
	const wire = handoffWire[provider];
	const writes = async (message: object) => {
		sim.customerWrites({ from: customer, name: 'Amina', ...message });
		await sim.callbacksDone();
	};
	const toCustomer = () => sentTo(sim, provider, customer);
	await writes({ kind: 'text', text: 'Where is my parcel?' });
	const [answer] = await eventually(() => (toCustomer().length >= 1 ? toCustomer() : undefined));
	expect(answer.body).toEqual(wire.answer(customer, about));

	const modelCalls = sandbox.model.requests.length;
	const toPersonBefore = sentTo(sim, provider, personDigits).length;
	await writes({ kind: 'reply', replyId: personButton.id, text: personButton.title });
	const handedOver = await eventually(
		() => (toCustomer().length >= 3 ? toCustomer().slice(1) : undefined),
		30_000,
	);
	// The simulated tap comes by 1MSG's raw hook, which names the customer by number, not chat.
	const tapper = provider === 'oneMsg' ? wire.person(customer) : wire.customer(customer);
	expect(handedOver.map((sent) => sent.body)).toEqual([
		wire.card(tapper, personName, personDigits),
		wire.text(tapper, `${personName} will help you from here: their contact card is above.`),
	]);
	const toPerson = await eventually(() => {
		const sent = sentTo(sim, provider, personDigits).slice(toPersonBefore);
		return sent.length >= 2 ? sent : undefined;
	});
	expect(toPerson.map((sent) => sent.body)).toEqual([
		wire.card(wire.person(personDigits), 'Amina', customer),
		wire.text(
			wire.person(personDigits),
			'Amina asked for a person. Their last message: "Talk to a person". Answer them in their chat; write #bot there to give the chat back to the bot.',
		),
	]);
	const row = await eventually(() => rowOf(table, customer), 20_000);
	expect(row).toMatchObject({ chat: `+${customer}`, provider, person: personName });
	// Silence after: the chat is with a person.
	await writes({ kind: 'text', text: 'Hello?' });
	await sleep(4000);
	expect(toCustomer()).toHaveLength(3);
	// The model was asked for none of it.
	expect(sandbox.model.requests.length).toBe(modelCalls);
}
