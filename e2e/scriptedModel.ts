// A local OpenAI-compatible model for the AI Agent tests, never a real service: GET /v1/models
// and POST /v1/chat/completions, answering each completion with the next reply of a script
// (a call of one of the agent's tools, or a text), and keeping every request it was sent.
import * as http from 'http';
import type { AddressInfo } from 'net';

export type ScriptedReply = { tool: string; arguments: Record<string, unknown> } | { text: string };

export interface ModelRequest {
	model: string;
	messages: Array<{ role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }>;
	tools?: Array<{
		type: string;
		function: { name: string; description?: string; parameters?: unknown };
	}>;
	stream?: boolean;
}

/** The n8n credential (OpenAI, Base URL set) that points n8n's OpenAI nodes at the model. */
export const scriptedModelCredential = (port: number) => ({
	id: 'e2eScriptedModel',
	name: 'Scripted model (e2e)',
	type: 'openAiApi',
	data: { apiKey: 'scripted-model-key', url: `http://127.0.0.1:${port}/v1` },
});

export async function startScriptedModel(port = 0) {
	const script: ScriptedReply[] = [];
	const requests: ModelRequest[] = [];
	let calls = 0;
	const completion = (reply: ScriptedReply) => {
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
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const send = (status: number, body: unknown): void => {
			res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		};
		if (req.method === 'GET' && req.url?.endsWith('/models')) {
			return send(200, {
				object: 'list',
				data: [{ id: 'scripted', object: 'model', owned_by: 'e2e' }],
			});
		}
		if (req.method === 'POST' && req.url?.endsWith('/chat/completions')) {
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ModelRequest;
			requests.push(body);
			const reply = script.shift();
			if (!reply) return send(500, { error: { message: 'The script has no more replies' } });
			return send(200, completion(reply));
		}
		send(404, { error: { message: `No route ${req.method} ${req.url}` } });
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
	return {
		url,
		requests,
		/** The replies the next completions get, in order */
		plays: (...replies: ScriptedReply[]) => script.push(...replies),
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
