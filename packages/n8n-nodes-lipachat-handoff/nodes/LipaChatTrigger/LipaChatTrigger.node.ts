import { lipaChat } from '../../../../nodes/shared/providers/lipaChat';
import { serviceTriggerNodeType } from '../../../../nodes/shared/trigger/triggerNode';

/** The LipaChat Trigger: the shared trigger for LipaChat alone. */
export class LipaChatTrigger extends serviceTriggerNodeType(lipaChat) {}
