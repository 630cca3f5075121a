import { oneMsg } from '../../shared/providers/oneMsg';
import { sendTemplateOperation } from '../../shared/send/sendTemplate';

export const sendTemplate = sendTemplateOperation(oneMsg, {
	recipientDescription:
		'Who gets the template: a phone number in any common format (+1 202 555 0199, 12025550199), or a chat ID such as 12025550199@c.us. Templates also reach people who have not written in the last 24 hours.',
	templateDescription:
		'An approved template of the channel. Its namespace and language are filled in when the node runs.',
	options: [],
	properties: [
		{
			displayName: 'Namespace',
			name: 'namespace',
			type: 'string',
			default: '',
			placeholder: 'From the template',
			hint: "Leave empty to use the namespace 1MSG lists for the channel's templates",
			description: 'The WhatsApp template namespace (a UUID-like string)',
		},
	],
});
