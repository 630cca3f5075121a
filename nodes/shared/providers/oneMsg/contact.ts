import type { IDataObject } from 'n8n-workflow';

import type { ContactCard } from '../../contactCard/card';
import type { ProviderRequest } from '../../http/transport';
import { oncePerObject } from '../../oncePerObject';
import type { ContactSend } from '../provider';
import { oneMsgRecipientFields, oneMsgReplyField, oneMsgUrl } from './api';

function compact<T extends IDataObject>(object: T): T {
	return Object.fromEntries(
		Object.entries(object).filter(([, value]) => value !== undefined && value !== ''),
	) as T;
}

/** The neutral card as a WhatsApp (Cloud API) contact object, which 1MSG passes through. */
function contactObject(card: ContactCard): IDataObject {
	return compact({
		name: compact({
			formatted_name: card.name.formatted,
			first_name: card.name.first,
			last_name: card.name.last,
			middle_name: card.name.middle,
			prefix: card.name.prefix,
			suffix: card.name.suffix,
		}),
		phones: card.phones.map((phone) =>
			compact({
				phone: phone.e164,
				type: phone.type,
				wa_id: phone.onWhatsApp ? phone.digits : undefined,
			}),
		),
		emails: card.emails.length ? card.emails : undefined,
		org: card.org ? compact({ ...card.org }) : undefined,
		urls: card.urls.length ? card.urls : undefined,
		addresses: card.addresses.length
			? card.addresses.map(({ countryCode, ...rest }) =>
					compact({ ...rest, country_code: countryCode }),
				)
			: undefined,
		birthday: card.birthday,
	});
}

/** The same cards (unmapped Contacts) make the same objects: built once per execution. */
const contactObjects = oncePerObject((cards: ContactCard[]) => cards.map(contactObject));

/** 1MSG carries every card in one message; the option Quoted Message ID makes it a reply. */
export function oneMsgContactRequests({
	credentials,
	recipient,
	cards,
	options,
}: ContactSend): ProviderRequest[] {
	return [
		{
			method: 'POST',
			url: oneMsgUrl(credentials, 'sendContact'),
			body: {
				...oneMsgRecipientFields(recipient),
				...oneMsgReplyField(options),
				contacts: contactObjects(cards),
			},
		},
	];
}
