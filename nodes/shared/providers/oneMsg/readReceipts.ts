import type { ReadReceiptApi } from '../provider';
import { oneMsgUrl } from './api';

/**
 * `POST readMessage {messageId, typingIndicator?}` (1msg-sdk `create_read_message_request.py`):
 * one call marks the message read and, with `typingIndicator`, shows "typing…" until the answer
 * or 25 seconds (Meta's typing indicators).
 */
export const oneMsgReadReceipts: ReadReceiptApi = {
	needsChat: false,
	requests: ({ credentials, messageId, typing }) => [
		{
			method: 'POST',
			url: oneMsgUrl(credentials, 'readMessage'),
			body: { messageId, ...(typing && { typingIndicator: true }) },
		},
	],
};
