import { providerList } from '../shared/providers';
import { triggerNodeType } from '../shared/trigger/triggerNode';

/**
 * The all-in-one trigger: one webhook, a choice of the three providers. The type name stays
 * `whatsAppStatusTrigger` (saved workflows name it); the display name is its own, not n8n's
 * "WhatsApp Trigger".
 */
export class WhatsAppStatusTrigger extends triggerNodeType(providerList, {
	displayName: 'WhatsApp Handoff Trigger',
	name: 'whatsAppStatusTrigger',
	icon: { light: 'file:whatsAppStatusTrigger.svg', dark: 'file:whatsAppStatusTrigger.dark.svg' },
	description:
		'Starts the workflow when a customer writes on 1MSG, LipaChat or WhatsApp Web (GOWA), when a person of the business writes to a customer from the app, or when a message is sent, delivered, read or failed',
}) {}
