import type { InteractiveApi } from '../provider';
import { oneMsgPhoneField, oneMsgUrl } from './api';

/**
 * 1MSG's reply buttons and lists, as its SDK models them (1msg-sdk
 * `python/one_msg_sdk/models/send_button_request.py`, `send_list_request.py`): the buttons go in
 * a field named `sections`, a button message takes a footer but no header, a list neither; both
 * address a person by `phone` only (no chatId, no quotedMsgId in either model).
 */
export const oneMsgInteractive: InteractiveApi = {
	buttons: {
		header: false,
		footer: true,
		/** `POST sendButton {phone, body, footer?, sections: [{type: "reply", reply: {id, title}}]}` */
		request: ({ credentials, recipient, message }) => ({
			method: 'POST',
			url: oneMsgUrl(credentials, 'sendButton'),
			body: {
				...oneMsgPhoneField(recipient),
				body: message.body,
				...(message.footer && { footer: message.footer }),
				sections: message.buttons.map(({ id, title }) => ({ type: 'reply', reply: { id, title } })),
			},
		}),
	},
	list: {
		header: false,
		footer: false,
		/** `POST sendList {phone, body, buttonText, sections: [{title, rows: [{id, title, description?}]}]}` */
		request: ({ credentials, recipient, message }) => ({
			method: 'POST',
			url: oneMsgUrl(credentials, 'sendList'),
			body: {
				...oneMsgPhoneField(recipient),
				body: message.body,
				buttonText: message.buttonText,
				sections: message.sections,
			},
		}),
	},
};
