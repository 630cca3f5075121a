import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IRequestOptionsSimplified,
} from 'n8n-workflow';

type Authentication = Pick<IHttpRequestOptions, 'auth'> & { headers?: Record<string, string> };

/**
 * A credential's `authenticate` as a function rather than IAuthenticateGeneric: n8n evaluates
 * a generic credential's expressions for every request, in its expression sandbox, which a
 * profile of a real n8n 2.41 showed as the largest per-message cost (27 % of the CPU of a
 * send; see README, Performance). This adds the same headers or basic auth without one.
 */
export function authenticateWith(
	authentication: (credentials: ICredentialDataDecryptedObject) => Authentication,
) {
	return async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> => {
		const { headers, auth } = authentication(credentials);
		const options = requestOptions as IHttpRequestOptions;
		return {
			...options,
			...(auth && { auth }),
			headers: { ...options.headers, ...headers },
		};
	};
}
