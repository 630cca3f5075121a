import * as path from 'path';
import * as os from 'os';
import * as fs from 'fs';

// n8n-core writes its instance settings under N8N_USER_FOLDER on first import.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-handoff-test-'));

import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PackageDirectoryLoader,
	WorkflowExecute,
} from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunExecutionData,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
	type ResourceMapperFields,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';

const root = path.resolve(__dirname, '../..');
const nodesBase = path.dirname(require.resolve('n8n-nodes-base/package.json'));

/** The n8n-nodes-base nodes the test workflows use around ours. */
const baseNodes = [
	'ManualTrigger/ManualTrigger',
	'Set/Set',
	'Transform/SplitOut/SplitOut',
	'HttpRequest/HttpRequest',
	'Files/ConvertToFile/ConvertToFile',
];

export interface WorkflowJson {
	nodes: INode[];
	connections: IConnections;
}

export interface RunResult {
	run: IRun;
	/** Items of the first output (or `output`) of a node's first run */
	items(nodeName: string, output?: number): INodeExecutionData[];
	/** The error that stopped the workflow, if any */
	error?: { message: string; description?: string | null; node?: string };
}

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Map<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string) {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}

/** Loads our built package and a few n8n-nodes-base nodes, and runs workflow JSON in n8n-core. */
export class Engine {
	readonly credentials: TestCredentialsHelper;

	private constructor(
		readonly nodeTypes: NodeTypes,
		readonly credentialTypes: Map<string, ICredentialType>,
	) {
		this.credentials = new TestCredentialsHelper(credentialTypes);
	}

	/**
	 * n8n's engine with the all-in-one package and n8n's base nodes; `servicePackages` adds
	 * single-service packages from packages/ (built), as n8n loads each installed package: node
	 * types by package, credential types by bare name, the last loaded owning it.
	 */
	static async load(servicePackages: string[] = []): Promise<Engine> {
		const ours = new PackageDirectoryLoader(root);
		await ours.loadAll();
		const services = servicePackages.map(
			(name) => new PackageDirectoryLoader(path.join(root, 'packages', name)),
		);
		for (const loader of services) await loader.loadAll();
		const base = new PackageDirectoryLoader(nodesBase);
		for (const file of baseNodes) base.loadNodeFromFile(`dist/nodes/${file}.node.js`);

		const nodes = new Map<string, INodeType | IVersionedNodeType>();
		for (const loader of [ours, ...services, base]) {
			for (const [name, data] of Object.entries(loader.nodeTypes)) {
				nodes.set(`${loader.packageName}.${name}`, data.type);
			}
		}
		const credentialTypes = new Map<string, ICredentialType>();
		for (const loader of [ours, ...services])
			for (const [name, data] of Object.entries(loader.credentialTypes))
				credentialTypes.set(name, data.type);
		return new Engine(new NodeTypes(nodes), credentialTypes);
	}

	/**
	 * Runs a credential type's `test` request the way n8n's credential tester does: resolve its
	 * expressions with `$credentials`, apply `authenticate`, send it; 2xx means the test passes.
	 */
	async testCredential(
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<{ ok: boolean; statusCode: number; url: string; message?: string }> {
		const credentialType = this.credentialTypes.get(type);
		const request = credentialType?.test?.request;
		const rules = credentialType?.test?.rules ?? [];
		if (!request) throw new Error(`${type} has no test request`);
		const node: INode = {
			id: 'credential-test',
			name: 'Credential Test',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const workflow = new Workflow({
			nodes: [],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
		});
		this.credentials.data = { [type]: data };
		const full = await this.credentials.getDecrypted(undefined, { id: '1', name: 'test' }, type);
		const resolve = (value: unknown) =>
			String(this.credentials.resolve(String(value ?? ''), full, workflow, node));
		const url = resolve(request.baseURL) + resolve(request.url);
		const options = await this.credentials.authenticate(
			full,
			type,
			{ url, method: request.method ?? 'GET', headers: {} },
			workflow,
			node,
		);
		const headers = { ...(options.headers as Record<string, string>) };
		if (options.auth) {
			headers.authorization =
				'Basic ' +
				Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64');
		}
		const response = await fetch(url, {
			method: options.method,
			headers,
			redirect: request.disableFollowRedirect ? 'manual' : 'follow',
		});
		// As n8n's credentials tester: a failed status matching a responseCode rule shows its message.
		const rule = response.ok
			? undefined
			: rules.find((r) => r.type === 'responseCode' && r.properties.value === response.status);
		return { ok: response.ok, statusCode: response.status, url, message: rule?.properties.message };
	}

	/** What n8n hands a node besides its parameters: URLs, the credentials helper, hooks. */
	additionalData(
		executionId: string,
		hooks?: ExecutionLifecycleHooks,
		currentNodeParameters?: INodeParameters,
		overrides: Partial<IWorkflowExecuteAdditionalData> = {},
	): IWorkflowExecuteAdditionalData {
		return {
			...overrides,
			hooks,
			currentNodeParameters,
			credentialsHelper: this.credentials,
			executionId,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formBaseUrl: '',
			formWaitingBaseUrl: '',
			formTestBaseUrl: '',
			webhookBaseUrl: overrides.webhookBaseUrl ?? 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: '',
			webhookTestBaseUrl: '',
			mcpBaseUrl: '',
			mcpTestBaseUrl: '',
			variables: {},
			userId: 'test-user',
			encryptedRunnerIdentity: undefined,
			executeWorkflow: async () => {
				throw new Error('not used by these tests');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('not used by these tests');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/**
	 * Runs one of a node's editor methods the way n8n's REST API does when a user opens a
	 * picker: a LoadOptionsContext over a one-node workflow holding the current parameters.
	 */
	private loadOptionsContext(
		type: string,
		parameters: INodeParameters,
		credentials: Record<string, ICredentialDataDecryptedObject>,
		path: string,
	) {
		this.credentials.data = credentials;
		const node: INode = {
			id: 'editor-node',
			name: 'Editor Node',
			type: `n8n-nodes-whatsapp-handoff.${type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: Object.fromEntries(
				Object.keys(credentials).map((name) => [name, { id: '1', name: 'test credential' }]),
			),
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
		});
		const data = this.additionalData('editor', undefined, parameters);
		return {
			context: new LoadOptionsContext(workflow, node, data, path),
			nodeType: this.nodeType(node.type),
		};
	}

	/** A resource locator's "From list": the node's listSearch method with the user's filter. */
	async listSearch(
		type: string,
		method: string,
		parameters: INodeParameters,
		credentials: Record<string, ICredentialDataDecryptedObject>,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const { context, nodeType } = this.loadOptionsContext(type, parameters, credentials, method);
		const search = nodeType.methods?.listSearch?.[method];
		if (!search) throw new Error(`${type} has no listSearch method ${method}`);
		return await search.call(context, filter);
	}

	/** The fields a resource mapper shows, from the node's resourceMapping method. */
	async resourceMapperFields(
		type: string,
		method: string,
		parameters: INodeParameters,
		credentials: Record<string, ICredentialDataDecryptedObject>,
	): Promise<ResourceMapperFields> {
		const { context, nodeType } = this.loadOptionsContext(type, parameters, credentials, method);
		const mapping = nodeType.methods?.resourceMapping?.[method];
		if (!mapping) throw new Error(`${type} has no resourceMapping method ${method}`);
		return await mapping.call(context);
	}

	nodeType(name: string): INodeType {
		return this.nodeTypes.getByNameAndVersion(name);
	}

	async run(
		workflowJson: WorkflowJson,
		credentials: Record<string, ICredentialDataDecryptedObject>,
	): Promise<RunResult> {
		this.credentials.data = credentials;
		const workflow = new Workflow({
			id: 'test-workflow',
			name: 'test',
			nodes: workflowJson.nodes,
			connections: workflowJson.connections,
			nodeTypes: this.nodeTypes,
			active: false,
			settings: { executionOrder: 'v1' },
		});
		const executionId = String(Math.floor(Math.random() * 1e9));
		const hooks = new ExecutionLifecycleHooks('manual', executionId, {
			id: 'test-workflow',
			name: 'test',
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: workflowJson.nodes,
			connections: workflowJson.connections,
		} as never);
		const additionalData = this.additionalData(executionId, hooks);

		const start = workflow.getStartNode();
		if (!start) throw new Error('The workflow has no start node');
		const runExecutionData: IRunExecutionData = {
			version: 1,
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				metadata: {},
				nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
				waitingExecution: {},
				waitingExecutionSource: {},
			},
		} as unknown as IRunExecutionData; // n8n brands this type; its createRunExecutionData factory broke URL resolution here
		const run = await new WorkflowExecute(
			additionalData,
			'manual',
			runExecutionData,
		).processRunExecutionData(workflow);
		const error = run.data.resultData.error;
		return {
			run,
			items: (nodeName, output = 0) => {
				const task = run.data.resultData.runData[nodeName]?.[0];
				if (!task)
					throw new Error(`Node "${nodeName}" did not run${error ? `: ${error.message}` : ''}`);
				return task.data?.main[output] ?? [];
			},
			error: error && {
				message: error.message,
				description: (error as { description?: string | null }).description,
				node: (error as { node?: INode }).node?.name,
			},
		};
	}
}
