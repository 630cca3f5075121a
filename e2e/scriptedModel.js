'use strict';
// A local OpenAI-compatible model for the AI Agent tests and the demo, never a real service:
// GET /v1/models and POST /v1/chat/completions. Each completion takes the next reply of a
// script (a call of one of the agent's tools, or a text); with the script empty it answers by
// rules, the way the hand-off template's agent is meant to act (see `byRules`). Every request
// it was sent is kept.
const http = require('http');

/** @typedef {{ tool: string, arguments: Record<string, unknown> } | { text: string }} ScriptedReply */
/**
 * @typedef {{ model: string,
 *   messages: Array<{ role: string, content?: any, tool_calls?: any, tool_call_id?: string }>,
 *   tools?: Array<{ type: string, function: { name: string, description?: string, parameters?: any } }>,
 *   stream?: boolean }} ModelRequest
 */

/** The demo's model: n8n's OpenAI credential with its Base URL on this server. */
const scriptedModelCredential = (port, id = 'e2eScriptedModel', name = 'Scripted model (e2e)') => ({
	id,
	name,
	type: 'openAiApi',
	data: { apiKey: 'scripted-model-key', url: `http://127.0.0.1:${port}/v1` },
});

/** Words that ask for a person, in the demo's languages. */
const asksForAPerson = /\b(person|human|someone|agent|operator|manager|mtu|binadamu)\b/i;

const textOf = (content) =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content.map((part) => part.text ?? '').join('')
			: '';

/**
 * The hand-off template's agent, played by rules: a customer asking for a person gets the
 * hand-over tool called with the chat the instructions name; after the tool's result, a line
 * saying who will help; anything else, the business's line from the instructions.
 * @param {ModelRequest} request
 * @returns {ScriptedReply}
 */
function byRules(request) {
	const system = textOf(request.messages.find((m) => m.role === 'system')?.content);
	const last = request.messages[request.messages.length - 1] ?? { role: 'user' };
	const person = /in one line that (.+?) will help them/.exec(system)?.[1] ?? 'A colleague';
	if (last.role === 'tool') {
		return /"messageId"/.test(textOf(last.content))
			? { text: `${person} will help you from here: their contact card is above.` }
			: { text: 'Sorry, I could not reach a colleague just now. Please try again in a minute.' };
	}
	const handOver = (request.tools ?? []).find((tool) => /^Hand_Over/i.test(tool.function.name));
	const chat = /The customer's chat: (\S+)/.exec(system)?.[1];
	if (handOver && chat && asksForAPerson.test(textOf(last.content))) {
		return { tool: handOver.function.name, arguments: { recipient: chat } };
	}
	const business = /You are the WhatsApp assistant of a business\. (.+)/.exec(system)?.[1];
	return { text: business ?? 'Thank you for your message!' };
}

async function startScriptedModel(port = 0) {
	/** @type {ScriptedReply[]} */
	const script = [];
	/** @type {ModelRequest[]} */
	const requests = [];
	let calls = 0;
	const completion = (reply) => {
		const message =
			'tool' in reply
				? {
						role: 'assistant',
						content: null,
						tool_calls: [
							{
								id: `call_${++calls}`,
								type: 'function',
								function: { name: reply.tool, arguments: JSON.stringify(reply.arguments) },
							},
						],
					}
				: { role: 'assistant', content: reply.text };
		return {
			id: `chatcmpl-${calls}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: 'scripted',
			choices: [{ index: 0, message, finish_reason: 'tool' in reply ? 'tool_calls' : 'stop' }],
			usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
		};
	};
	const server = http.createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const send = (status, body) => {
			res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		};
		if (req.method === 'GET' && req.url?.endsWith('/models')) {
			return send(200, {
				object: 'list',
				data: [{ id: 'scripted', object: 'model', owned_by: 'e2e' }],
			});
		}
		if (req.method === 'POST' && req.url?.endsWith('/chat/completions')) {
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			requests.push(body);
			return send(200, completion(script.shift() ?? byRules(body)));
		}
		send(404, { error: { message: `No route ${req.method} ${req.url}` } });
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/v1`;
	return {
		url,
		requests,
		/** @param {...ScriptedReply} replies The replies the next completions get, in order */
		plays: (...replies) => script.push(...replies),
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startScriptedModel, scriptedModelCredential };
