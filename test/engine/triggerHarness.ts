import { randomUUID } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IWebhookData,
} from 'n8n-workflow';

import type { Engine } from './engine';
import { PACKAGE } from './workflows';

export interface WebhookAnswer {
	status: number;
	body: unknown;
}

/**
 * Plays the part of n8n's webhook server for one trigger node: activation and deactivation
 * run the node's webhookMethods in a HookContext, and every POST to the production URL runs its
 * `webhook()` in a WebhookContext with the real request and response, over real HTTP. Items a
 * request emits are kept as one started execution each. Static data lives on the workflow, as
 * n8n stores it with the workflow.
 */
export class TriggerHarness {
	readonly executions: INodeExecutionData[][] = [];
	/** Answers that were not 2xx, or that threw (which n8n would turn into a 500) */
	readonly thrown: unknown[] = [];
	private server?: http.Server;
	private workflow?: Workflow;
	private readonly node: INode;
	private baseUrl = '';

	constructor(
		private readonly engine: Engine,
		parameters: INodeParameters,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
		/** The trigger's node type: the all-in-one's by default, or a service package's */
		nodeType = `${PACKAGE}.whatsAppStatusTrigger`,
	) {
		this.node = {
			id: 'status-trigger',
			name: 'Status Trigger',
			type: nodeType,
			typeVersion: 1,
			position: [0, 0],
			// Unique per trigger, as n8n gives every trigger node its own.
			webhookId: randomUUID(),
			parameters,
			credentials: Object.fromEntries(
				Object.keys(credentials).map((name) => [name, { id: '1', name: 'test credential' }]),
			),
		};
	}

	/** The production URL n8n shows for the trigger, without any secret. */
	get webhookUrl(): string {
		return `${this.baseUrl}/${this.node.webhookId}/status`;
	}

	get staticData(): IDataObject {
		return this.workflow!.staticData;
	}

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				this.thrown.push(error);
				if (!res.headersSent) res.writeHead(500).end(String(error));
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook`;
		this.workflow = new Workflow({
			id: 'trigger-workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: this.engine.nodeTypes,
			staticData: {},
		});
		return this;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}

	private additionalData() {
		this.engine.credentials.data = this.credentials;
		return this.engine.additionalData('webhook', undefined, undefined, {
			webhookBaseUrl: this.baseUrl,
		});
	}

	private webhookData(): IWebhookData {
		const description = this.engine.nodeType(this.node.type).description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: 'status',
			webhookDescription: description,
			workflowId: this.workflow!.id,
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: this.node.webhookId,
		} as IWebhookData;
	}

	private hooks(activation: 'activate' | 'update') {
		const context = new HookContext(
			this.workflow!,
			this.node,
			this.additionalData(),
			'trigger',
			activation,
			this.webhookData(),
		);
		const methods = this.engine.nodeType(this.node.type).webhookMethods!.default!;
		return { context, methods };
	}

	/** What n8n does when the workflow is published: create the webhook unless it exists. */
	async activate(): Promise<void> {
		const { context, methods } = this.hooks('activate');
		if (!(await methods.checkExists!.call(context))) await methods.create!.call(context);
	}

	async deactivate(): Promise<void> {
		const { context, methods } = this.hooks('update');
		await methods.delete!.call(context);
	}

	/** POSTs to the trigger's production URL, as a provider would. */
	async post(
		body: unknown,
		{ query = '', headers = {} }: { query?: string; headers?: Record<string, string> } = {},
	): Promise<WebhookAnswer> {
		const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
		const response = await fetch(`${this.webhookUrl}${query}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: raw,
		});
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// plain text answer
		}
		return { status: response.status, body: parsed };
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (
			req.method !== 'POST' ||
			`${this.baseUrl}${url.pathname.replace(/^\/webhook/, '')}` !== this.webhookUrl
		) {
			res.writeHead(404).end('The requested webhook is not registered');
			return;
		}
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		let body: unknown = {};
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			// n8n hands the node the raw bytes either way; the node decides.
		}
		const request = {
			body,
			rawBody,
			headers: req.headers,
			query: Object.fromEntries(url.searchParams),
			params: {},
		};
		const additionalData = this.additionalData();
		additionalData.httpRequest = request as never;
		additionalData.httpResponse = res as never;
		const context = new WebhookContext(
			this.workflow!,
			this.node,
			additionalData,
			'webhook',
			this.webhookData(),
			[],
			null,
		);
		const result = await this.engine.nodeType(this.node.type).webhook!.call(context);
		// As n8n: workflowData starts an execution; noWebhookResponse means the node answered.
		if (result.workflowData) this.executions.push(result.workflowData[0]);
		if (result.noWebhookResponse) return;
		res
			.writeHead(200, { 'content-type': 'application/json' })
			.end(JSON.stringify({ message: 'Workflow was started' }));
	}
}
