'use strict';
// 1MSG simulator: /{channelId}/{method}, Bearer token (or ?token=), sendContact checked the
// way 1MSG and the WhatsApp Cloud API behind it check it.
const { Simulator } = require('./simulator');
const { buttonsProblem, listProblem, unknownField } = require('./interactive');
const {
	templates,
	NAMESPACE,
	expectedParams,
	filledBody,
	languageOf,
} = require('./oneMsgTemplates');

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
		/** the channel's templates, in 1MSG's raw shapes */
		this.templates = templates;
		/** 1MSG pages its template list; a small page makes the node read every page */
		this.templatePageSize = 2;
		/** @type {string[]} the channel's webhook URLs (1MSG keeps up to 5) */
		this.webhookUrls = [];
		this.ackNotificationsOn = false;
		/** with raw hooks on, statuses come in Meta's own shape */
		this.rawHooks = false;
	}

	reset() {
		super.reset();
		this.webhookUrls = [];
		this.ackNotificationsOn = false;
		this.rawHooks = false;
	}

	statusCallbacks(id, event) {
		if (!this.ackNotificationsOn) return [];
		const status = event.status === 'read' ? 'viewed' : event.status;
		const body = this.rawHooks
			? {
					object: 'whatsapp_business_account',
					entry: [
						{
							id: this.channelId,
							changes: [
								{
									field: 'messages',
									value: {
										messaging_product: 'whatsapp',
										statuses: [
											{
												id,
												status: event.status,
												timestamp: String(event.timestamp),
												recipient_id: event.recipient,
												...(event.status === 'failed' && {
													errors: [{ code: 131026, title: 'Message undeliverable' }],
												}),
											},
										],
									},
								},
							],
						},
					],
				}
			: {
					instanceId: this.channelId,
					messages: [],
					// 2026 traffic: a failed ack says why in `error`, as text [ebor].
					ack: [
						{
							id,
							chatId: `${event.recipient}@c.us`,
							status,
							...(event.status === 'failed' && { error: 'Message undeliverable' }),
						},
					],
				};
		return this.webhookUrls.map((url) => ({ url, body }));
	}

	/** 1MSG's `messages[]` shape ([1sdk] Message, [ebor]) to every registered webhook URL. */
	messageCallbacks(message) {
		if (message.kind === 'reply') return this.tapCallbacks(message);
		const person = `${message.from}@c.us`;
		const group = message.kind === 'group';
		const common = {
			id: `wamid.${message.id}`,
			chatId: group ? '120363040000000001@g.us' : person,
			...(group && { author: person, chatName: 'Courier team' }),
			// echo: what the API sent (self 1); operator: typed in the app on the business's phone (self 0).
			senderName: message.kind === 'operator' ? 'Shop' : message.name,
			fromMe: message.kind === 'echo' || message.kind === 'operator',
			self: message.kind === 'echo' ? 1 : 0,
			time: Math.floor(message.at / 1000),
		};
		const kinds = {
			// 1MSG's file links are temporary S3 links, with or without a file name.
			image: {
				type: 'image',
				body: `${this.url}/media/${message.id}${message.bareLink ? '' : '.jpg'}`,
				caption: message.text,
			},
			location: { type: 'location', body: '-1.2921;36.8219' },
			contact: {
				type: 'vcard',
				body: `BEGIN:VCARD\nVERSION:3.0\nFN:${message.name}\nTEL;type=CELL:+${message.from}\nEND:VCARD`,
			},
		};
		const body = {
			instanceId: this.channelId,
			messages: [{ ...common, type: 'chat', body: message.text, ...kinds[message.kind] }],
		};
		return this.webhookUrls.map((url) => ({ url, body }));
	}

	/**
	 * A customer taps a reply button (`replyId`, `text` its title; `listRow` for a list row): the
	 * channel's raw hook in Meta's shape (`interactive.button_reply | list_reply`, `context.id`
	 * the message with the buttons), documented where the plain hook's fields are not.
	 */
	tapCallbacks(message) {
		const choice = { id: message.replyId, title: message.text };
		const interactive = message.listRow
			? { type: 'list_reply', list_reply: choice }
			: { type: 'button_reply', button_reply: choice };
		const body = {
			object: 'whatsapp_business_account',
			entry: [
				{
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								contacts: [{ wa_id: message.from, profile: { name: message.name } }],
								messages: [
									{
										from: message.from,
										id: `wamid.${message.id}`,
										timestamp: String(Math.floor(message.at / 1000)),
										type: 'interactive',
										interactive,
										...(message.context && { context: { id: message.context } }),
									},
								],
							},
						},
					],
				},
			],
		};
		return this.webhookUrls.map((url) => ({ url, body }));
	}

	webhook(request) {
		if (request.method === 'GET')
			return { status: 200, body: { webhookUrl: this.webhookUrls.join(',') } };
		const raw = (request.body || {}).webhookUrl;
		const urls = (Array.isArray(raw) ? raw : String(raw || '').split(','))
			.map((u) => String(u).trim())
			.filter(Boolean);
		if (urls.length > 5) return { status: 400, body: { message: 'No more than 5 webhook URLs' } };
		this.webhookUrls = urls;
		return { status: 200, body: { set: true, webhookUrl: urls } };
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
		if (request.method === 'POST' && method === 'sendMessage') {
			return this.sendMessage(request, res);
		}
		if (request.method === 'POST' && method === 'sendFile') {
			return this.sendFile(request, res);
		}
		if (request.method === 'POST' && method === 'sendButton') {
			return this.sendButton(request, res);
		}
		if (request.method === 'POST' && method === 'sendList') {
			return this.sendList(request, res);
		}
		if (request.method === 'POST' && method === 'readMessage') {
			return this.readMessage(request);
		}
		if (request.method === 'POST' && method === 'sendTemplate') {
			return this.sendTemplate(request, res);
		}
		if (request.method === 'GET' && method === 'templates') {
			return this.listTemplates(request);
		}
		if (request.method === 'GET' && method === 'hookInfo') {
			return this.hookInfo(request);
		}
		if (method === 'webhook' && (request.method === 'GET' || request.method === 'POST')) {
			return this.webhook(request);
		}
		if (request.method === 'POST' && method === 'settings') {
			const body = request.body || {};
			if (typeof body.ackNotificationsOn === 'boolean')
				this.ackNotificationsOn = body.ackNotificationsOn;
			return { status: 200, body: { update: true, ackNotificationsOn: this.ackNotificationsOn } };
		}
		return { status: 404, body: { error: `Unknown method ${request.method} ${method}` } };
	}

	sendContact(request, res) {
		return this.sendInSession(request, res, (body) => {
			if (!Array.isArray(body.contacts) || body.contacts.length === 0) {
				return 'contacts must be a non-empty array';
			}
			for (const [index, contact] of body.contacts.entries()) {
				const problem = checkContact(contact, index);
				if (problem) return problem;
			}
			return undefined;
		});
	}

	/** sendMessage: `body` 1-4096 characters, `quotedMsgId` a string where given. */
	sendMessage(request, res) {
		return this.sendInSession(request, res, (body) => {
			if (typeof body.body !== 'string' || body.body.length === 0) return 'body is required';
			if ([...body.body].length > 4096) return 'body must be at most 4096 characters';
			if (body.quotedMsgId !== undefined && typeof body.quotedMsgId !== 'string') {
				return 'quotedMsgId must be a string';
			}
			return undefined;
		});
	}

	/**
	 * sendButton (1msg-sdk send_button_request.py): `body`, `footer?` (≤ 60), the buttons in
	 * `sections` as `{type: "reply", reply: {id, title}}`; no header field.
	 */
	sendButton(request, res) {
		return this.sendInSession(request, res, (body) => {
			// The model has `phone` only: no chatId, no quotedMsgId.
			const extra = unknownField(body, ['phone', 'body', 'footer', 'sections']);
			if (extra) return `unknown field ${extra}`;
			if (
				body.footer !== undefined &&
				(typeof body.footer !== 'string' || [...body.footer].length > 60)
			)
				return 'footer must be at most 60 characters';
			const sections = Array.isArray(body.sections) ? body.sections : [];
			if (sections.some((s) => s?.type !== 'reply' || typeof s.reply !== 'object'))
				return 'sections must be reply buttons {type: "reply", reply: {id, title}}';
			return buttonsProblem(
				body.body,
				sections.map((s) => s.reply),
			);
		});
	}

	/** sendList (1msg-sdk send_list_request.py): `body`, `buttonText`, `sections: [{title, rows}]`. */
	sendList(request, res) {
		return this.sendInSession(request, res, (body) => {
			const extra = unknownField(body, ['phone', 'body', 'buttonText', 'action', 'sections']);
			if (extra) return `unknown field ${extra}`;
			return listProblem(body.body, body.buttonText, body.sections);
		});
	}

	/** readMessage (1msg-sdk create_read_message_request.py): `messageId`, `typingIndicator?`. */
	readMessage(request) {
		const body = request.body || {};
		const extra = unknownField(body, ['messageId', 'msgId', 'typingIndicator']);
		if (extra) return { status: 400, body: { message: `unknown field ${extra}` } };
		const id = body.messageId ?? body.msgId;
		if (typeof id !== 'string' || id === '')
			return { status: 400, body: { message: 'messageId is required' } };
		if (body.typingIndicator !== undefined && typeof body.typingIndicator !== 'boolean')
			return { status: 400, body: { message: 'typingIndicator must be a boolean' } };
		this.reads.push({ messageId: id, typing: body.typingIndicator === true });
		return { status: 200, body: { read: true } };
	}

	/**
	 * sendFile: `body` a link or a data URI, `filename` required with it, `caption` (at most
	 * 1,024 characters), `quotedMsgId`, `voice` where given ([1msg-sdk] send_file_request.py).
	 */
	sendFile(request, res) {
		return this.sendInSession(request, res, (body) => {
			if (typeof body.body !== 'string' || body.body === '') return 'body is required';
			const dataUri = /^data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/=]+)$/.exec(body.body);
			if (!dataUri && !/^https?:\/\/[^\s]+$/.test(body.body)) {
				return 'body must be a file URL or a data URI';
			}
			if (typeof body.filename !== 'string' || body.filename === '') {
				return 'filename is required';
			}
			// 1MSG sends the file as the type its name's extension says ("1.jpg or hello.xlsx").
			const extension = /\.([A-Za-z0-9]+)$/.exec(body.filename)?.[1].toLowerCase();
			if (!extension) return 'filename must have an extension, e.g. 1.jpg or hello.xlsx';
			if (body.caption !== undefined) {
				if (typeof body.caption !== 'string') return 'caption must be a string';
				if ([...body.caption].length > 1024) return 'caption must be at most 1024 characters';
			}
			if (body.quotedMsgId !== undefined && typeof body.quotedMsgId !== 'string') {
				return 'quotedMsgId must be a string';
			}
			if (body.voice !== undefined && typeof body.voice !== 'boolean') {
				return 'voice must be a boolean';
			}
			// A voice note is OGG/Opus: `voice` is taken for audio/ogg only.
			const ogg = dataUri ? dataUri[1] === 'audio/ogg' : ['ogg', 'oga', 'opus'].includes(extension);
			if (body.voice === true && !ogg) return 'voice is only for audio/ogg files';
			return undefined;
		});
	}

	/** A free-form send (not a template): checked by `problemOf`, then only to an open session. */
	async sendInSession(request, res, problemOf) {
		const body = request.body || {};
		const recipient = this.recipientOf(body);
		if (typeof recipient === 'object') return recipient;
		const problem = problemOf(body);
		if (problem) return { status: 400, body: { message: problem } };
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
		return {
			status: 200,
			body: { sent: true, message: `Sent to ${recipient}`, id, description: '' },
		};
	}

	listTemplates(request) {
		const limit = Math.min(
			Number(request.query.limit) || this.templatePageSize,
			this.templatePageSize,
		);
		const offset = Number(request.query.offset) || 0;
		return {
			status: 200,
			body: {
				count: limit,
				total: this.templates.length,
				offset,
				templates: this.templates.slice(offset, offset + limit),
			},
		};
	}

	/** Checks a template send the way 1MSG and Meta do: name, namespace, language, parameter counts. */
	checkTemplate(body) {
		if (typeof body.template !== 'string' || body.template === '') {
			return { status: 400, body: { message: 'template is not defined' } };
		}
		if (typeof body.namespace !== 'string' || body.namespace === '') {
			return { status: 422, body: { message: 'namespace is not defined' } };
		}
		const language = body.language || {};
		if (language.policy !== 'deterministic' || typeof language.code !== 'string') {
			return { status: 400, body: { message: 'language must be {policy: "deterministic", code}' } };
		}
		const template = this.templates.find(
			(t) => t.name === body.template && languageOf(t) === language.code,
		);
		const namespace =
			template &&
			(template.namespace ||
				template.message_template_namespace ||
				template.messageTemplateNamespace ||
				NAMESPACE);
		if (!template || namespace !== body.namespace) {
			return {
				status: 400,
				body: {
					error: {
						message: '(#132001) Template name does not exist in the translation',
						code: 132001,
					},
				},
			};
		}
		if (String(template.status).toUpperCase() !== 'APPROVED') {
			return {
				status: 400,
				body: {
					error: {
						message: `(#132001) Template is ${template.status}, not approved`,
						code: 132001,
					},
				},
			};
		}
		const expected = expectedParams(template);
		const given = {};
		for (const param of body.params || []) {
			const key = param.type === 'button' ? `button:${param.index}` : param.type;
			const values = Array.isArray(param.parameters) ? param.parameters : [];
			if (
				values.some((v) =>
					v.type === 'text'
						? typeof v.text !== 'string' || v.text === ''
						: !v[v.type] || !v[v.type].link,
				)
			) {
				return {
					status: 400,
					body: { error: { message: `(#131008) Empty parameter in ${key}`, code: 131008 } },
				};
			}
			if (param.type === 'button' && param.sub_type !== 'url') {
				return {
					status: 400,
					body: {
						error: { message: `(#131009) button ${param.index} is not a url button`, code: 131009 },
					},
				};
			}
			// Meta's rule for text parameters (error 132018).
			if (values.some((v) => v.type === 'text' && /[\n\t]| {5,}/.test(v.text))) {
				return {
					status: 400,
					body: {
						error: {
							message:
								'(#132018) Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
							code: 132018,
						},
					},
				};
			}
			given[key] = values.length;
		}
		const bodyParam = (body.params || []).find((param) => param.type === 'body');
		const filled = filledBody(template, bodyParam ? bodyParam.parameters : []);
		if (filled.length > 1024) {
			return {
				status: 400,
				body: {
					error: {
						message: `(#132005) Translated text too long (${filled.length} characters, at most 1024)`,
						code: 132005,
					},
				},
			};
		}
		const keys = new Set([...Object.keys(expected), ...Object.keys(given)]);
		for (const key of keys) {
			if ((expected[key] || 0) !== (given[key] || 0)) {
				return {
					status: 422,
					body: {
						error: {
							message: `(#132000) Number of parameters does not match the expected number of params (${key}: expected ${expected[key] || 0}, got ${given[key] || 0})`,
							code: 132000,
						},
					},
				};
			}
		}
		return undefined;
	}

	async sendTemplate(request, res) {
		const body = request.body || {};
		const recipient = this.recipientOf(body);
		if (typeof recipient === 'object') return recipient;
		const problem = this.checkTemplate(body);
		if (problem) return problem;
		const accept = () => this.accept(recipient, body);
		if (await this.applyFault(res, accept)) return undefined;
		// Templates are the way to open a conversation, so no 24-hour window applies.
		const id = accept();
		return {
			status: 200,
			body: { sent: true, message: `Sent to ${recipient}`, id, description: '' },
		};
	}

	hookInfo(request) {
		const id = request.query.messageId;
		const events = this.statuses.get(id) || [];
		const hooks = events.map((event) => ({
			id,
			type: 'message',
			status: event.status,
			timestamp: String(event.timestamp),
			recipient_id: event.recipient,
			...(event.status === 'failed' && {
				errors: [{ code: 131026, title: 'Message undeliverable' }],
			}),
		}));
		return { status: 200, body: { hooks } };
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
		this.track(id, recipient);
		return id;
	}
}

module.exports = { OneMsgSimulator };
