import { whatsAppWeb } from '../../../../nodes/shared/providers/whatsAppWeb';
import { serviceTriggerNodeType } from '../../../../nodes/shared/trigger/triggerNode';

/** The WhatsApp Web (GOWA) Trigger: the shared trigger for WhatsApp Web (GOWA) alone. */
export class WhatsAppWebTrigger extends serviceTriggerNodeType(whatsAppWeb) {}
