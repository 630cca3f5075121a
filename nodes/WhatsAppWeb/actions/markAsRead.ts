import { whatsAppWeb } from '../../shared/providers/whatsAppWeb';
import { markAsReadOperation } from '../../shared/send/markAsRead';

export const markAsRead = markAsReadOperation(
	whatsAppWeb,
	"The chat the message is in: the customer message's chatId from the WhatsApp Trigger, or a phone number",
);
