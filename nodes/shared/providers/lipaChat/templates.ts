import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { callForBody, defaultPolicy } from '../../http/callProvider';
import type { ProviderRequest, RequestContext } from '../../http/transport';
import { readListedTemplate } from '../../template/listed';
import { languageToSend, templateVariables, type Template } from '../../template/model';
import type { TemplateApi, TemplateSend } from '../provider';
import { credentialType, lipaChatSender, lipaChatUrl } from './api';
import { messageIdFor } from './messageId';

/**
 * LipaChat's templates. Listing: `GET template/{wabaPhone}` → `{data: {data: [...]}}` in Meta's
 * shape. Sending: `POST whatsapp/template` with `template: {name, languageCode, components:
 * {header?: {type, mediaUrl}, body: {placeholders}}}`, built from the best evidence there is
 * (a third-party integration and the start of LipaChat's own example: docs/nodes.md, "LipaChat Send
 * Template"). How a text header's or a button's variable is sent is not documented, so such
 * templates are refused before any request instead of guessed at.
 */

async function listLipaChatTemplates(
	context: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	timeoutMs = 30_000,
): Promise<Template[]> {
	const request: ProviderRequest = {
		method: 'GET',
		url: lipaChatUrl(credentials, `template/${lipaChatSender(credentials)}`),
	};
	const what = "LipaChat could not list the sender number's templates";
	const body = await callForBody(context, { credentialType }, credentials, request, what, {
		...defaultPolicy,
		timeoutMs,
	});
	const list = (body.data as IDataObject | undefined)?.data;
	return (Array.isArray(list) ? list : [])
		.filter((raw): raw is IDataObject => raw !== null && typeof raw === 'object')
		.map(readListedTemplate);
}

function unsupported(template: Template): string | undefined {
	const variable = templateVariables(template).find(
		(v) => v.component === 'button' || (v.component === 'header' && !v.media),
	);
	if (!variable) return undefined;
	return `Template "${template.name}" (${template.language}) has the variable "${variable.label}", and LipaChat documents no way to fill a ${variable.component === 'button' ? 'button' : 'text header'} variable`;
}

function templateRequest(send: TemplateSend): ProviderRequest {
	const language = languageToSend(send.template, send.language);
	const header = send.variables.find((v) => v.media);
	const placeholders = send.variables
		.filter((v) => v.component === 'body')
		.map((v) => send.values[v.id]);
	return {
		method: 'POST',
		url: lipaChatUrl(send.credentials, 'whatsapp/template'),
		body: {
			// The same id on a retry: LipaChat drops the repeat, so nothing is sent twice.
			messageId: messageIdFor(send.options, send.stableId),
			from: lipaChatSender(send.credentials),
			to: send.recipient.digits,
			template: {
				name: send.template.name,
				languageCode: language,
				components: {
					...(header && {
						header: { type: header.media!.toUpperCase(), mediaUrl: send.values[header.id] },
					}),
					body: { placeholders },
				},
			},
		},
	};
}

export const lipaChatTemplates: TemplateApi = {
	list: listLipaChatTemplates,
	request: templateRequest,
	unsupported,
};
