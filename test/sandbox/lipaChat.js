'use strict';
// LipaChat simulator: /api/v1/whatsapp/contact and /whatsapp/template with an `apiKey` header,
// the sender's templates at /template/{wabaPhone}; deduplicates on messageId the way the
// gateway promises.
const { templates, templateProblem } = require('./lipaChatTemplates');
const { Simulator } = require('./simulator');
const { buttonsProblem, listProblem, unknownField } = require('./interactive');

const stamp = () => new Date().toISOString().replace('Z', '');

class LipaChatSimulator extends Simulator {
	constructor({ apiKey = 'sim-lipachat-key', senderNumber = '254110090747' } = {}) {
		super('lipachat');
		this.apiKey = apiKey;
		this.senderNumber = senderNumber;
		this.byMessageId = new Map();
		/** the sender number's templates, as LipaChat lists them */
		this.templates = templates;
		/** @type {string | undefined} the status callback URL set in the dashboard */
		this.statusWebhook = undefined;
		/** @type {string | undefined} the inbound message URL set in the dashboard */
		this.inboundWebhook = undefined;
	}

	reset() {
		super.reset();
		this.byMessageId = new Map();
		this.statusWebhook = undefined;
		this.inboundWebhook = undefined;
	}

	error(status, message, errors = [message]) {
		return { status, body: { timestamp: stamp(), data: null, status: 'error', message, errors } };
	}

	route(request, res) {
		if (request.headers.apikey !== this.apiKey) {
			return this.error(401, `Invalid API key ${request.headers.apikey || ''}`.trim());
		}
		if (request.method === 'GET' && request.path === `/api/v1/template/${this.senderNumber}`) {
			return {
				status: 200,
				body: { timestamp: stamp(), data: { data: this.templates }, status: 'success' },
			};
		}
		if (request.method === 'GET' && request.path.startsWith('/api/v1/template/')) {
			return this.error(
				404,
				`${request.path.split('/').pop()} is not a WABA number of this account`,
			);
		}
		if (request.method === 'POST' && request.path === '/api/v1/whatsapp/template') {
			return this.sendTemplate(request, res);
		}
		if (request.method === 'POST' && request.path === '/api/v1/whatsapp/contact') {
			return this.sendContact(request, res);
		}
		if (request.method === 'POST' && request.path === '/api/v1/whatsapp/message/text') {
			return this.sendText(request, res);
		}
		if (request.method === 'POST' && request.path === '/api/v1/whatsapp/media') {
			return this.sendMedia(request, res);
		}
		if (request.method === 'POST' && request.path === '/api/v1/whatsapp/interactive/buttons') {
			return this.sendButtons(request, res);
		}
		if (request.method === 'POST' && request.path === '/api/v1/whatsapp/interactive/list') {
			return this.sendList(request, res);
		}
		return this.error(404, `No route ${request.method} ${request.path}`);
	}

	check(body) {
		const address = this.checkAddress(body);
		if (address) return address;
		if (
			!body.name ||
			typeof body.name.formattedName !== 'string' ||
			body.name.formattedName === ''
		) {
			return 'name.formattedName is required';
		}
		if (!Array.isArray(body.phones) || body.phones.length === 0) return 'phones is required';
		for (const [i, phone] of body.phones.entries()) {
			if (typeof phone.phone !== 'string' || !/^[1-9]\d{6,14}$/.test(phone.phone)) {
				return `phones[${i}].phone must be digits with country code`;
			}
			if (phone.waId !== undefined && !/^[1-9]\d{6,14}$/.test(phone.waId)) {
				return `phones[${i}].waId must be digits`;
			}
		}
		return undefined;
	}

	sendContact(request, res) {
		return this.sendInSession(request, res, (body) => this.check(body));
	}

	/** whatsapp/message/text: `message` 1-4096 characters. */
	sendText(request, res) {
		return this.sendInSession(request, res, (body) => {
			const address = this.checkAddress(body);
			if (address) return address;
			if (typeof body.message !== 'string' || body.message.length === 0) {
				return 'message is required';
			}
			if ([...body.message].length > 4096) return 'message must be at most 4096 characters';
			return undefined;
		});
	}

	/**
	 * whatsapp/interactive/buttons ([lc-docs] /api/editor-2): `{messageId, from, to, text,
	 * buttons: [{id, title}]}`. The docs' field table names the text `message`, their example
	 * `text`; this simulator takes what the example sends.
	 */
	sendButtons(request, res) {
		return this.sendInSession(request, res, (body) => {
			const extra = unknownField(body, ['messageId', 'from', 'to', 'text', 'buttons']);
			if (extra) return `unknown field ${extra}`;
			const buttons = Array.isArray(body.buttons) ? body.buttons : [];
			const shape = buttons.find((b) => unknownField(b ?? {}, ['id', 'title']));
			if (shape) return 'buttons are {id, title}';
			return this.checkAddress(body) || buttonsProblem(body.text, body.buttons);
		});
	}

	/**
	 * whatsapp/interactive/list ([lc-docs] /api/sending-interactive-lists): `{messageId, from, to,
	 * headerText?, body, buttonText, buttons: [{sectionTitle, sectionItems: [{id, title,
	 * description?}]}]}`.
	 */
	sendList(request, res) {
		return this.sendInSession(request, res, (body) => {
			const extra = unknownField(body, [
				'messageId',
				'from',
				'to',
				'headerText',
				'body',
				'buttonText',
				'buttons',
			]);
			if (extra) return `unknown field ${extra}`;
			if (
				body.headerText !== undefined &&
				(typeof body.headerText !== 'string' || [...body.headerText].length > 60)
			)
				return 'headerText must be at most 60 characters';
			const sections = Array.isArray(body.buttons) ? body.buttons : [];
			if (sections.some((s) => unknownField(s ?? {}, ['sectionTitle', 'sectionItems'])))
				return 'buttons are sections {sectionTitle, sectionItems}';
			const asMeta = sections.map((s) => ({ title: s.sectionTitle, rows: s.sectionItems }));
			return this.checkAddress(body) || listProblem(body.body, body.buttonText, asMeta);
		});
	}

	/** whatsapp/media ([lc-docs] /api/sending-media): an https link only. */
	sendMedia(request, res) {
		return this.sendInSession(request, res, (body) => {
			const address = this.checkAddress(body);
			if (address) return address;
			if (!['IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'STICKER'].includes(body.mediaType)) {
				return 'mediaType must be one of IMAGE, VIDEO, AUDIO, DOCUMENT, STICKER';
			}
			if (typeof body.mediaUrl !== 'string' || !/^https:\/\/[^\s]+$/.test(body.mediaUrl)) {
				return 'mediaUrl must be an https URL';
			}
			if (body.caption !== undefined && typeof body.caption !== 'string') {
				return 'caption must be a string';
			}
			if (body.filename !== undefined && typeof body.filename !== 'string') {
				return 'filename must be a string';
			}
			return undefined;
		});
	}

	/** A free-form send (not a template): checked by `problemOf`, then only to an open session. */
	async sendInSession(request, res, problemOf) {
		const body = request.body || {};
		const problem = problemOf(body);
		if (problem) return this.error(400, problem);
		const accept = () => this.accept(body);
		if (await this.applyFault(res, accept)) return undefined;
		if (!this.byMessageId.has(body.messageId) && !this.sessionOpen(body.to)) {
			return this.error(
				400,
				'Session expired: the customer has not messaged in the last 24 hours. Send a template message first.',
			);
		}
		const data = accept();
		return {
			status: 200,
			body: { timestamp: stamp(), data, status: 'success', message: '', errors: null },
		};
	}

	/** The sender, recipient and messageId every send carries. */
	checkAddress(body) {
		if (typeof body.messageId !== 'string' || body.messageId === '') return 'messageId is required';
		if (body.from !== this.senderNumber)
			return `from must be your WABA number ${this.senderNumber}`;
		if (typeof body.to !== 'string' || !/^[1-9]\d{6,14}$/.test(body.to)) {
			return 'to must be the receiver number with country code, digits only';
		}
		return undefined;
	}

	/** Templates open a conversation, so no 24-hour session is needed. */
	async sendTemplate(request, res) {
		const body = request.body || {};
		const problem = this.checkAddress(body) || templateProblem(body.template);
		if (problem) return this.error(400, problem);
		const accept = () => this.accept(body);
		if (await this.applyFault(res, accept)) return undefined;
		const data = accept();
		return {
			status: 200,
			body: { timestamp: stamp(), data, status: 'success', message: '', errors: null },
		};
	}

	/** The inbound message URL set in the LipaChat dashboard. */
	setInboundWebhook(url) {
		this.inboundWebhook = url;
	}

	/**
	 * An inbound message ([lc-docs] /api/webhooks): `{messageId, from, to, profileName, type,
	 * text | image: {caption, url}}`; location and contact shapes are unconfirmed, sent in the
	 * same style. The WhatsApp Business API has no groups: a "group" message is a plain one.
	 */
	messageCallbacks(message) {
		// No echo of what a person of the business writes in the app is documented: none sent.
		if (!this.inboundWebhook || message.kind === 'operator') return [];
		const kinds = {
			image: {
				type: 'IMAGE',
				image: { caption: message.text, url: `${this.url}/media/${message.id}.jpg` },
			},
			location: {
				type: 'LOCATION',
				location: { latitude: -1.2921, longitude: 36.8219, name: 'Depot', address: 'Nairobi' },
			},
			// A tapped button: LipaChat's docs list "Button response" without its JSON; sent here
			// in Meta's interactive shape, one of the variants the node reads.
			reply: {
				type: 'INTERACTIVE',
				interactive: {
					type: 'button_reply',
					button_reply: { id: message.replyId, title: message.text },
				},
			},
			contact: {
				type: 'CONTACT',
				contact: `BEGIN:VCARD\nVERSION:3.0\nFN:${message.name}\nTEL;type=CELL:+${message.from}\nEND:VCARD`,
			},
		};
		const body = {
			messageId: `wamid.${message.id}`,
			from: message.kind === 'echo' ? this.senderNumber : message.from,
			to: message.kind === 'echo' ? message.from : this.senderNumber,
			profileName: message.name,
			type: 'TEXT',
			text: message.text,
			...kinds[message.kind],
		};
		if (kinds[message.kind]) delete body.text;
		return [{ url: this.inboundWebhook, body }];
	}

	/** The status callback URL set in the LipaChat dashboard. */
	setStatusWebhook(url) {
		this.statusWebhook = url;
	}

	statusCallbacks(id, event) {
		if (!this.statusWebhook) return [];
		const data = this.byMessageId.get(id);
		const body = {
			messageId: id,
			waId: data ? data.waId : undefined,
			to: event.recipient,
			status: event.status.toUpperCase(),
			timestamp: new Date(event.timestamp * 1000).toISOString(),
			// Failure details in Meta's errors[] shape (LipaChat's exact shape is unconfirmed).
			...(event.status === 'failed' && {
				errors: [{ code: 131026, title: 'Message undeliverable' }],
			}),
		};
		return [{ url: this.statusWebhook, body }];
	}

	/** A second request with a known messageId is answered again but sends nothing. */
	accept(body) {
		const known = this.byMessageId.get(body.messageId);
		if (known) return known;
		const data = {
			messageId: body.messageId,
			waId: `wamid.${Buffer.from(this.newId()).toString('base64')}`,
			status: 'SENT',
			statusDesc: 'Message sent successfully',
		};
		this.byMessageId.set(body.messageId, data);
		this.accepted.push({ id: body.messageId, to: body.to, body });
		this.track(body.messageId, body.to);
		return data;
	}
}

module.exports = { LipaChatSimulator };
