import { whatsAppWeb } from '../../shared/providers/whatsAppWeb';
import { sendMediaOperation } from '../../shared/send/sendMedia';
import { replyMessageIdOption, whatsAppWebSendOptions } from './whatsAppWebOptions';

export const sendMedia = sendMediaOperation(whatsAppWeb, {
	recipientDescription:
		"A phone number in any common format (+62 896 8502 4051, 6289685024051), a JID such as 6289685024051@s.whatsapp.net, or a group ID ending in @g.us. A customer message's chatId from the WhatsApp Trigger answers that chat.",
	options: [...whatsAppWebSendOptions, replyMessageIdOption],
});
