import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { InputError } from '../../errors/inputError';
import { defaultPolicy } from '../../http/callProvider';
import type { ProviderRequest, RequestContext } from '../../http/transport';
import { readListedTemplate } from '../../template/listed';
import { languageToSend, type Template } from '../../template/model';
import { templateParams } from '../../template/params';
import type { TemplateApi, TemplateSend } from '../provider';
import { oneMsgCall, oneMsgRecipientFields, oneMsgUrl } from './api';

const namespaceKeys = ['namespace', 'message_template_namespace', 'messageTemplateNamespace'];
const pageSize = 100;
// A channel has at most a few hundred templates; this only guards against a looping API.
const maxPages = 50;

function namespaceOf(raw: IDataObject): string | undefined {
	for (const key of namespaceKeys) {
		const value = raw[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/**
 * Reads 1MSG's template list in every shape seen in the wild. All templates of one WhatsApp
 * account share a namespace, so one missing it takes a sibling's.
 */
export function parseOneMsgTemplates(rawTemplates: unknown[]): Template[] {
	const records = rawTemplates.filter((t): t is IDataObject => t !== null && typeof t === 'object');
	const shared = records.map(namespaceOf).find((ns) => ns !== undefined);
	return records.map((raw) => ({
		...readListedTemplate(raw),
		namespace: namespaceOf(raw) ?? shared,
	}));
}

/** Reads every page of `GET templates`. */
export async function fetchOneMsgTemplates(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	timeoutMs = 30_000,
): Promise<Template[]> {
	const raw: unknown[] = [];
	for (let page = 0; page < maxPages; page++) {
		const call = {
			method: 'GET' as const,
			path: 'templates',
			qs: { limit: pageSize, offset: raw.length },
		};
		const what = "1MSG could not list the channel's templates";
		const body = await oneMsgCall(context, credentials, call, what, {
			...defaultPolicy,
			timeoutMs,
		});
		if (!Array.isArray(body.templates)) break;
		raw.push(...body.templates);
		const total = Number(body.total);
		if (body.templates.length === 0 || (Number.isFinite(total) && raw.length >= total)) break;
		if (!Number.isFinite(total) && body.templates.length < pageSize) break;
	}
	return parseOneMsgTemplates(raw);
}

/** The namespace to send: typed in the node, else the one 1MSG lists for the template. */
function namespaceToSend(send: TemplateSend): string {
	const namespace = send.namespace || send.template.namespace;
	if (!namespace) {
		throw new InputError(
			'Namespace',
			`1MSG lists no namespace for template "${send.template.name}", and 1MSG needs one`,
			'Enter the namespace in "Namespace" (WhatsApp Manager → Message templates → the template\'s details).',
		);
	}
	return namespace;
}

/** `POST sendTemplate`: name, namespace, language and the values as Cloud-API components. */
function templateRequest(send: TemplateSend): ProviderRequest {
	const params = templateParams(send.variables, send.values);
	const language = languageToSend(send.template, send.language);
	return {
		method: 'POST',
		url: oneMsgUrl(send.credentials, 'sendTemplate'),
		body: {
			...oneMsgRecipientFields(send.recipient),
			template: send.template.name,
			namespace: namespaceToSend(send),
			language: { policy: 'deterministic', code: language },
			...(params.length > 0 && { params }),
		},
	};
}

export const oneMsgTemplates: TemplateApi = {
	list: fetchOneMsgTemplates,
	request: templateRequest,
};
