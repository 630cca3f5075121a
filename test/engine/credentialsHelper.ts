import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

/**
 * What n8n's CLI does with credentials, for tests: hands the decrypted data to nodes and applies
 * a credential type's generic `authenticate` by resolving its expressions with `$credentials`
 * in n8n's own expression engine, as packages/cli/src/credentials-helper.ts does.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Map<string, ICredentialType>,
		public data: Record<string, ICredentialDataDecryptedObject> = {},
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types.get(typeName);
		const options = requestOptions as IHttpRequestOptions;
		if (!type?.authenticate) return options;
		if (typeof type.authenticate === 'function')
			return await type.authenticate(credentials, options);
		options.headers ??= {};
		for (const [outerKey, outerValue] of Object.entries(type.authenticate.properties)) {
			const target = options as unknown as Record<string, Record<string, unknown>>;
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
				target[outerKey] ??= {};
				target[outerKey][this.resolve(key, credentials, workflow, node) as string] = this.resolve(
					value,
					credentials,
					workflow,
					node,
				);
			}
		}
		return options;
	}

	resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow?: Workflow,
		node?: INode,
	): unknown {
		if (typeof value !== 'string' || !value.startsWith('=') || !workflow || !node) return value;
		return workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials } as never,
			undefined,
			'',
		);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	/** How often credentials were loaded; in n8n each load is a database read and a decryption. */
	loads = 0;

	async getDecrypted(
		_additionalData: unknown,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.loads++;
		const found = this.data[type];
		if (!found) throw new Error(`No test credentials for ${type}`);
		// n8n fills in the defaults of fields the user left untouched.
		const defaults = Object.fromEntries(
			(this.types.get(type)?.properties ?? []).map((p) => [p.name, p.default]),
		);
		return { ...defaults, ...found } as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}
}
