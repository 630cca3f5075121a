import type { InteractiveApi } from '../provider';
import { lipaChatSender, lipaChatUrl } from './api';
import { messageIdFor } from './messageId';

/**
 * The field of a button message's text. LipaChat's docs (docs.lipachat.com/api/editor-2) name it
 * `message` in the field table and `text` in the example request: unconfirmed, built to the
 * example (what a request that worked looked like), and kept here alone.
 */
const buttonsTextField = 'text';

/**
 * LipaChat's interactive messages (docs.lipachat.com/api/editor-2 and
 * /api/sending-interactive-lists): neither has a footer, a list takes a header text. The message
 * id is the option Message ID, else derived from the item, so a retry cannot send twice.
 */
export const lipaChatInteractive: InteractiveApi = {
	buttons: {
		header: false,
		footer: false,
		/** `POST whatsapp/interactive/buttons {messageId, from, to, text, buttons: [{id, title}]}` */
		request: ({ credentials, recipient, message, options, stableId }) => ({
			method: 'POST',
			url: lipaChatUrl(credentials, 'whatsapp/interactive/buttons'),
			body: {
				messageId: messageIdFor(options, stableId),
				from: lipaChatSender(credentials),
				to: recipient.digits,
				[buttonsTextField]: message.body,
				buttons: message.buttons.map(({ id, title }) => ({ id, title })),
			},
		}),
	},
	list: {
		header: true,
		footer: false,
		/**
		 * `POST whatsapp/interactive/list {messageId, from, to, headerText?, body, buttonText,
		 * buttons: [{sectionTitle, sectionItems: [{id, title, description?}]}]}`
		 */
		request: ({ credentials, recipient, message, options, stableId }) => ({
			method: 'POST',
			url: lipaChatUrl(credentials, 'whatsapp/interactive/list'),
			body: {
				messageId: messageIdFor(options, stableId),
				from: lipaChatSender(credentials),
				to: recipient.digits,
				...(message.header && { headerText: message.header }),
				body: message.body,
				buttonText: message.buttonText,
				buttons: message.sections.map((section) => ({
					sectionTitle: section.title,
					sectionItems: section.rows,
				})),
			},
		}),
	},
};
