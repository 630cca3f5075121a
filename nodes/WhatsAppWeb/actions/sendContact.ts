import { whatsAppWeb } from '../../shared/providers/whatsAppWeb';
import { sendContactOperation } from '../../shared/send/sendContact';
import { whatsAppWebSendOptions } from './whatsAppWebOptions';

export const sendContact = sendContactOperation(whatsAppWeb, {
	recipientDescription:
		'A phone number in any common format (+62 896 8502 4051, 6289685024051), a JID such as 6289685024051@s.whatsapp.net, or a group ID ending in @g.us',
	contacts: {
		extended: false,
		hint: 'WhatsApp Web carries one name and one phone per card: each contact is sent as its own message, with one phone each',
	},
	options: whatsAppWebSendOptions,
});
