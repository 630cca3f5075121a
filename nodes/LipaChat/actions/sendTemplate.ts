import { lipaChat } from '../../shared/providers/lipaChat';
import { sendTemplateOperation } from '../../shared/send/sendTemplate';
import { messageIdOption } from './messageIdOption';

export const sendTemplate = sendTemplateOperation(lipaChat, {
	recipientDescription:
		"The customer's phone number in any common format (+254 712 345678, 254712345678). Templates also reach people who have not written in the last 24 hours.",
	templateDescription:
		"An approved template of the credential's Sender Number. Its language is filled in when the node runs.",
	properties: [],
	options: [messageIdOption],
});
