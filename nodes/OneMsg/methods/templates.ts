import { NodeOperationError, type ILoadOptionsFunctions } from 'n8n-workflow';

import { fetchOneMsgTemplates } from '../../shared/providers/oneMsgTemplates';
import type { Template } from '../../shared/template';
import { redact } from '../../shared/transport';

/** The channel's templates for the editor's pickers; a failure reads as a plain message. */
export async function loadTemplatesForEditor(context: ILoadOptionsFunctions): Promise<Template[]> {
	const credentials = await context.getCredentials('oneMsgApi');
	try {
		return await fetchOneMsgTemplates(context, credentials);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new NodeOperationError(
			context.getNode(),
			redact(message, [String(credentials.token ?? '')]),
		);
	}
}
