import { oneMsg } from '../../../../nodes/shared/providers/oneMsg';
import { serviceTriggerNodeType } from '../../../../nodes/shared/trigger/triggerNode';

/** The 1MSG Trigger: the shared trigger for 1MSG alone. */
export class OneMsgTrigger extends serviceTriggerNodeType(oneMsg) {}
