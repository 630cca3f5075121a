'use strict';
// 1MSG simulator: /{channelId}/{method}, Bearer token (or ?token=), sendContact checked the
// way 1MSG and the WhatsApp Cloud API behind it check it.
const { Simulator } = require('./simulator');

const phoneTypes = ['CELL', 'MAIN', 'IPHONE', 'HOME', 'WORK'];

function checkContact(contact, index) {
	const at = `contacts[${index}]`;
	const name = contact && contact.name;
	if (!name || typeof name.formatted_name !== 'string' || name.formatted_name.trim() === '') {
		return `${at}.name.formatted_name is required`;
	}
	const parts = ['first_name', 'last_name', 'middle_name', 'prefix', 'suffix'];
	if (!parts.some((part) => typeof name[part] === 'string' && name[part] !== '')) {
		return `${at}.name needs formatted_name and at least one of ${parts.join(', ')}`;
	}
	if (!Array.isArray(contact.phones) || contact.phones.length === 0) {
		return `${at}.phones must be a non-empty array`;
	}
	for (const [i, phone] of contact.phones.entries()) {
		if (typeof phone.phone !== 'string' || !/^\+[1-9]\d{6,14}$/.test(phone.phone)) {
			return `${at}.phones[${i}].phone must be E.164 with +, got ${JSON.stringify(phone.phone)}`;
		}
		if (phone.type !== undefined && !phoneTypes.includes(phone.type)) {
			return `${at}.phones[${i}].type must be one of ${phoneTypes.join(', ')}`;
		}
		if (phone.wa_id !== undefined && !/^\d{7,15}$/.test(phone.wa_id)) {
			return `${at}.phones[${i}].wa_id must be digits`;
		}
	}
	if (contact.birthday !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(contact.birthday)) {
		return `${at}.birthday must be YYYY-MM-DD`;
	}
	for (const [i, email] of (contact.emails || []).entries()) {
		if (typeof email.email !== 'string' || !email.email.includes('@')) {
			return `${at}.emails[${i}].email is not an email`;
		}
	}
	return undefined;
}

class OneMsgSimulator extends Simulator {
	constructor({ channelId = '123456', token = 'sim-1msg-token' } = {}) {
		super('1msg');
		this.channelId = channelId;
		this.token = token;
	}

	authorised(request) {
		const header = request.headers.authorization || '';
		const bearer = header.startsWith('Bearer ') ? header.slice(7) : undefined;
		return (bearer ?? request.query.token) === this.token;
	}

	route(request, res) {
		const [, channel, method] = request.path.split('/');
		if (channel !== this.channelId) {
			return { status: 404, body: { error: `Channel ${channel} not found` } };
		}
		if (!this.authorised(request)) {
			const header = request.headers.authorization || '';
			// Like many APIs, it echoes what it got; the node must keep that out of its errors.
			return { status: 401, body: { error: `Wrong token: ${header.replace('Bearer ', '')}` } };
		}
		if (request.method === 'GET' && method === 'status') {
			return { status: 200, body: { accountStatus: 'authenticated' } };
		}
		if (request.method === 'POST' && method === 'sendContact') {
			return this.sendContact(request, res);
		}
		return { status: 404, body: { error: `Unknown method ${request.method} ${method}` } };
	}

	async sendContact(request, res) {
		const body = request.body || {};
		const recipient = this.recipientOf(body);
		if (typeof recipient === 'object') return recipient;
		if (!Array.isArray(body.contacts) || body.contacts.length === 0) {
			return { status: 400, body: { message: 'contacts must be a non-empty array' } };
		}
		for (const [index, contact] of body.contacts.entries()) {
			const problem = checkContact(contact, index);
			if (problem) return { status: 400, body: { message: problem } };
		}
		const accept = () => this.accept(recipient, body);
		if (await this.applyFault(res, accept)) return undefined;
		if (!body.chatId && !this.sessionOpen(recipient)) {
			return {
				status: 400,
				body: {
					error: {
						message: '(#131047) Re-engagement message',
						code: 131047,
						error_user_title: 'Message failed to send because more than 24 hours have passed',
						error_user_msg:
							'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
					},
				},
			};
		}
		const id = accept();
		return { status: 200, body: { sent: true, message: `Sent to ${recipient}`, id, description: '' } };
	}

	recipientOf(body) {
		if (typeof body.chatId === 'string') {
			if (!/^(\d{6,15}@c\.us|[\d-]{6,40}@g\.us)$/.test(body.chatId)) {
				return { status: 400, body: { message: 'chatId is invalid' } };
			}
			return body.chatId.split('@')[0];
		}
		if (typeof body.phone !== 'string' && typeof body.phone !== 'number') {
			return { status: 400, body: { message: 'phone or chatId is required' } };
		}
		if (!/^[1-9]\d{6,14}$/.test(String(body.phone))) {
			return { status: 400, body: { message: 'phone must be international digits without +' } };
		}
		return String(body.phone);
	}

	accept(recipient, body) {
		const id = `wamid.${Buffer.from(this.newId()).toString('base64')}`;
		this.accepted.push({ id, to: recipient, body });
		return id;
	}
}

module.exports = { OneMsgSimulator };
