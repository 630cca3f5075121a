'use strict';
// The demo's providers: the three simulators on fixed ports, set up the way the workflow
// templates expect (open sessions except one number, one number whose messages fail, status
// webhooks pointing at the templates' triggers), plus an alert sink for "Notify Team".
const http = require('http');
const { OneMsgSimulator } = require('../test/sandbox/oneMsg');
const { LipaChatSimulator } = require('../test/sandbox/lipaChat');
const { WhatsAppWebSimulator } = require('../test/sandbox/whatsAppWeb');
const demo = require('./demo.json');
const { scriptedModelCredential, startScriptedModel } = require('./scriptedModel');

/**
 * Stands in for Slack, a ticketing webhook or a CRM: keeps what it is sent, by path
 * (`/alerts`, `/receipts`); GET on a path lists it.
 */
function recordingSink() {
	/** @type {Record<string, unknown[]>} */
	const posted = { '/alerts': [], '/receipts': [], '/messages': [] };
	const server = http.createServer(async (req, res) => {
		const list = posted[req.url] ?? (posted[req.url] = []);
		if (req.method === 'GET') {
			return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
		}
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const text = Buffer.concat(chunks).toString('utf8');
		try {
			list.push(JSON.parse(text));
		} catch {
			list.push(text);
		}
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
	});
	return {
		posted,
		start: (port) => new Promise((resolve) => server.listen(port, '127.0.0.1', resolve)),
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(resolve);
			}),
	};
}

async function startSandbox({ n8nUrl = demo.n8nUrl, messagesTo = 'template' } = {}) {
	const { oneMsg: o, lipaChat: l, gowa: g, ports } = demo;
	const oneMsg = new OneMsgSimulator({ channelId: o.channelId, token: o.token });
	const lipaChat = new LipaChatSimulator({ apiKey: l.apiKey, senderNumber: l.senderNumber });
	const gowa = new WhatsAppWebSimulator({
		user: g.user,
		password: g.password,
		devices: [g.deviceId],
	});
	const sink = recordingSink();
	for (const sim of [oneMsg, lipaChat, gowa]) {
		// Every customer has written in the last 24 hours, except the demo's closed-window number.
		sim.sessionOpen = (digits) => String(digits) !== demo.closedWindowNumber;
		sim.failDelivery(demo.failingNumber);
	}
	lipaChat.setStatusWebhook(
		`${n8nUrl}/webhook/${demo.webhookIds.lipaChat}/status?secret=${l.webhookSecret}`,
	);
	/**
	 * Where GOWA and LipaChat post customers' messages: the triggers of "Customer asks for a
	 * person" (`'template'`) or of the AI agent hand-off (`'agent'`). GOWA posts every event to
	 * each WHATSAPP_WEBHOOK URL (the receipts workflow's too); LipaChat has one inbound URL.
	 */
	const routeMessagesTo = (workflow) => {
		const [gowaId, lipaId] =
			workflow === 'agent'
				? [demo.webhookIds.gowaAgent, demo.webhookIds.lipaChatAgent]
				: [demo.webhookIds.gowaMessages, demo.webhookIds.lipaChatMessages];
		gowa.setServerWebhook(
			[`${n8nUrl}/webhook/${demo.webhookIds.gowa}/status`, `${n8nUrl}/webhook/${gowaId}/status`],
			g.webhookSecret,
			['message.ack', 'message', 'message.reaction'],
		);
		lipaChat.setInboundWebhook(`${n8nUrl}/webhook/${lipaId}/status?secret=${l.webhookSecret}`);
	};
	routeMessagesTo(messagesTo);
	await oneMsg.start(ports.oneMsg);
	await lipaChat.start(ports.lipaChat);
	await gowa.start(ports.gowa);
	await sink.start(ports.alerts);
	// The hand-off template's model: answers by rules unless a test plays a script.
	const model = await startScriptedModel(ports.model);
	return {
		oneMsg,
		lipaChat,
		gowa,
		model,
		routeMessagesTo,
		alerts: sink.posted['/alerts'],
		receipts: sink.posted['/receipts'],
		/** Everything the sink was sent, by path */
		posted: sink.posted,
		async stop() {
			await Promise.all([oneMsg.stop(), lipaChat.stop(), gowa.stop(), sink.stop(), model.stop()]);
		},
	};
}

/** The credentials the templates use, pointing at the simulators (n8n import:credentials format). */
function demoCredentials() {
	const { oneMsg: o, lipaChat: l, gowa: g, ports, credentialIds } = demo;
	const local = (port) => `http://127.0.0.1:${port}`;
	return [
		{
			id: credentialIds.oneMsg,
			name: '1MSG (simulator)',
			type: 'oneMsgApi',
			data: { token: o.token, channelId: o.channelId, baseUrl: local(ports.oneMsg) },
		},
		{
			id: credentialIds.lipaChat,
			name: 'LipaChat (simulator)',
			type: 'lipaChatApi',
			data: {
				apiKey: l.apiKey,
				senderNumber: l.senderNumber,
				webhookSecret: l.webhookSecret,
				baseUrl: `${local(ports.lipaChat)}/api/v1`,
			},
		},
		{
			id: credentialIds.gowa,
			name: 'WhatsApp Web GOWA (simulator)',
			type: 'whatsAppWebApi',
			data: {
				baseUrl: local(ports.gowa),
				user: g.user,
				password: g.password,
				deviceId: g.deviceId,
				webhookSecret: g.webhookSecret,
			},
		},
		// The hand-off template's OpenAI credential: the scripted model, never a real service.
		scriptedModelCredential(
			ports.model,
			credentialIds.model,
			'OpenAI (scripted model in the demo)',
		),
	];
}

module.exports = { startSandbox, demoCredentials, demo };
