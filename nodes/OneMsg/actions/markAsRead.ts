import { oneMsg } from '../../shared/providers/oneMsg';
import { markAsReadOperation } from '../../shared/send/markAsRead';

export const markAsRead = markAsReadOperation(oneMsg);
