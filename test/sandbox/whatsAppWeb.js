'use strict';
// GOWA (go-whatsapp-web-multidevice) simulator: optional basic auth, X-Device-Id, and
// /send/contact checked against the rules of its OpenAPI spec.
const crypto = require('crypto');
const { Simulator } = require('./simulator');

const durations = [0, 86400, 604800, 7776000];
const recipientPattern = /^(\d{6,15}@s\.whatsapp\.net|[\d-]{6,40}@g\.us|\d{6,20}@lid|\d{6,15})$/;

/** What GOWA's handlers take as uploaded files (src/validations/send_validation.go). */
const mediaTypes = {
	image: ['image/jpeg', 'image/jpg', 'image/png'],
	video: ['video/mp4', 'video/x-matroska', 'video/avi', 'video/x-msvideo'],
	audio: [
		'audio/aac',
		'audio/amr',
		'audio/flac',
		'audio/m4a',
		'audio/m4r',
		'audio/mp3',
		'audio/mpeg',
		'audio/ogg',
		'audio/wma',
		'audio/x-ms-wma',
		'audio/wav',
		'audio/vnd.wav',
		'audio/vnd.wave',
		'audio/wave',
		'audio/x-pn-wav',
		'audio/x-wav',
	],
	sticker: ['image/jpeg', 'image/jpg', 'image/png', 'image/webp', 'image/gif'],
};
const mediaMaxBytes = { image: 20e6, video: 100e6, audio: 500e6, file: 50e6, sticker: 500e6 };

/** Form fields bound as Fiber binds them into GOWA's request structs: booleans and numbers typed. */
function bindForm(fields) {
	const bound = { ...fields };
	for (const key of ['is_forwarded', 'ptt', 'view_once', 'compress', 'hd']) {
		if (bound[key] === undefined) continue;
		if (bound[key] !== 'true' && bound[key] !== 'false') return `${key}: must be true or false.`;
		bound[key] = bound[key] === 'true';
	}
	if (bound.duration !== undefined) {
		if (!/^\d+$/.test(bound.duration)) return 'duration: must be a number.';
		bound.duration = Number(bound.duration);
	}
	return bound;
}

class WhatsAppWebSimulator extends Simulator {
	/**
	 * @param {{ user?: string, password?: string, devices?: string[] }} options
	 *   basic auth is on when user is set; devices are the logged-in device ids
	 */
	constructor({ user, password, devices = ['handoff-device'] } = {}) {
		super('gowa');
		this.user = user;
		this.password = password;
		this.devices = devices;
		/** recipients (digits) that are not on WhatsApp */
		this.notOnWhatsApp = new Set();
		/** @type {{urls: string[], secret: string, events: string[]} | undefined} WHATSAPP_WEBHOOK* flags */
		this.serverWebhook = undefined;
		/** @type {Map<string, {url: string, secret: string, events: string[]}>} per-device webhooks */
		this.deviceWebhooks = new Map();
		/** older servers have no PATCH /devices/{id}/webhook */
		this.deviceWebhooksSupported = true;
	}

	reset() {
		super.reset();
		this.serverWebhook = undefined;
		this.deviceWebhooks = new Map();
		/** WHATSAPP_AUTO_DOWNLOAD_MEDIA: off, a media message carries WhatsApp's encrypted link */
		this.autoDownloadMedia = true;
		/** Media messages written, by id: what GET /message/{id}/download can fetch */
		this.mediaMessages = new Map();
	}

	/**
	 * As if started with WHATSAPP_WEBHOOK (one URL or several: GOWA posts every event to each),
	 * WHATSAPP_WEBHOOK_SECRET (default "secret") and WHATSAPP_WEBHOOK_EVENTS (empty: all).
	 */
	setServerWebhook(url, secret = 'secret', events = ['message.ack']) {
		this.serverWebhook = { urls: Array.isArray(url) ? url : [url], secret, events };
	}

	/**
	 * The signed webhook requests for one event: to the device's webhook where it has one (it
	 * replaces the server's), else to every server webhook URL, if the event is wanted.
	 */
	eventCallbacks(deviceId, eventName, body) {
		const device = deviceId && this.deviceWebhooks.get(deviceId);
		const hook = device ? { urls: [device.url], ...device } : this.serverWebhook;
		// An empty event list means every event.
		const wanted = hook && (hook.events.length === 0 || hook.events.includes(eventName));
		if (!hook || !wanted) return [];
		const signature =
			'sha256=' + crypto.createHmac('sha256', hook.secret).update(body).digest('hex');
		return hook.urls
			.filter((url) => url)
			.map((url) => ({ url, body, headers: { 'x-hub-signature-256': signature } }));
	}

	/**
	 * Receipts only, signed with the secret: GOWA sends no webhook for its own sends, and no
	 * documented receipt says a message failed, so a failing recipient just never gets one.
	 */
	statusCallbacks(id, event) {
		if (event.status !== 'delivered' && event.status !== 'read') return [];
		const accepted = this.accepted.find((a) => a.id === id);
		const chat = `${event.recipient.split('@')[0]}@s.whatsapp.net`;
		const body = JSON.stringify({
			event: 'message.ack',
			timestamp: new Date(event.timestamp * 1000).toISOString(),
			device_id: accepted ? accepted.deviceId : undefined,
			payload: {
				ids: [id],
				chat_id: chat,
				from: chat,
				receipt_type: event.status,
				receipt_type_description: `The message was ${event.status}`,
			},
		});
		return this.eventCallbacks(accepted && accepted.deviceId, 'message.ack', body);
	}

	/**
	 * A `message` event ([gowa] docs/webhook-payload.md): no type field, the key present says it;
	 * media as `statics/media/<file>` (auto-download on), captions in `body`. Signed like receipts.
	 */
	messageCallbacks(message) {
		const person = `${message.from}@s.whatsapp.net`;
		// GOWA echoes nothing its API sent: what comes with is_from_me was typed on the account's
		// phone or WhatsApp Web by a person of the business, `from` the account, in the customer's chat.
		const fromMe = message.kind === 'echo' || message.kind === 'operator';
		const chatId = message.kind === 'group' ? '120363040000000001@g.us' : person;
		if (message.kind === 'image') this.mediaMessages.set(message.id, chatId);
		const kinds = {
			image: {
				image: this.autoDownloadMedia
					? `statics/media/${message.id}.jpg`
					: {
							url: `https://mmg.whatsapp.net/v/t62.7118-24/${message.id}.enc?ccb=11-4`,
							caption: message.text,
						},
			},
			location: {
				body: undefined,
				location: {
					degreesLatitude: -1.2921,
					degreesLongitude: 36.8219,
					name: 'Depot',
					address: 'Nairobi',
				},
			},
			contact: {
				body: undefined,
				contact: {
					displayName: message.name,
					vcard: `BEGIN:VCARD\nVERSION:3.0\nFN:${message.name}\nTEL;type=CELL:+${message.from}\nEND:VCARD`,
					phone_number: message.from,
				},
			},
		};
		const body = JSON.stringify({
			event: 'message',
			device_id: this.devices[0],
			payload: {
				id: message.id,
				chat_id: chatId,
				from: fromMe ? '254110090747@s.whatsapp.net' : person,
				from_name: fromMe ? 'Shop' : message.name,
				timestamp: new Date(message.at).toISOString(),
				is_from_me: fromMe,
				body: message.text,
				...kinds[message.kind],
			},
		});
		return this.eventCallbacks(this.devices[0], 'message', body);
	}

	/**
	 * GET /message/{id}/download?phone=<chat> (docs/openapi.yaml): GOWA fetches and decrypts the
	 * file into statics/media and answers where it is, `file_url` on the host it was asked at.
	 */
	downloadMedia(request) {
		const device = this.device(request);
		if (device.error) return device.error;
		const id = decodeURIComponent(request.path.split('/')[2]);
		const phone = request.query.phone;
		if (typeof phone !== 'string' || phone === '')
			return this.fault(400, 'VALIDATION_ERROR', 'phone: cannot be blank.');
		if (this.mediaMessages.get(id) !== phone) {
			return this.fault(404, 'NOT_FOUND', `message ${id} not found in chat ${phone}`);
		}
		const file = `statics/media/${id}.jpg`;
		return {
			status: 200,
			body: {
				code: 'SUCCESS',
				message: 'Media downloaded successfully',
				results: {
					message_id: id,
					status: 'Media downloaded successfully',
					media_type: 'image',
					filename: `${id}.jpg`,
					file_path: file,
					file_url: `${this.url}/${file}`,
					file_size: Simulator.mediaBytes().length,
				},
			},
		};
	}

	setDeviceWebhook(request) {
		const id = decodeURIComponent(request.path.split('/')[2]);
		if (!this.deviceWebhooksSupported) return { status: 404, body: 'Cannot PATCH ' + request.path };
		if (!this.devices.includes(id))
			return this.fault(404, 'DEVICE_NOT_FOUND', `device ${id} not found`);
		const body = request.body || {};
		// GOWA binds the body into a struct of strings (src/ui/rest/device.go): a field of another
		// type, such as webhook_events as an array, fails binding.
		const typed = (key, type) => body[key] === undefined || typeof body[key] === type;
		const bindable =
			typed('webhook_url', 'string') &&
			typed('webhook_secret', 'string') &&
			typed('webhook_events', 'string') &&
			typed('webhook_insecure_skip_verify', 'boolean');
		if (!bindable) return this.fault(400, 'BAD_REQUEST', 'Invalid request body');
		if (typeof body.webhook_url !== 'string')
			return this.fault(400, 'VALIDATION_ERROR', 'webhook_url: cannot be blank.');
		if (body.webhook_url === '') this.deviceWebhooks.delete(id);
		else {
			// The whole device config is replaced: an omitted secret or event list means the defaults.
			this.deviceWebhooks.set(id, {
				url: body.webhook_url,
				secret: body.webhook_secret || 'secret',
				events: (body.webhook_events || '')
					.split(',')
					.map((event) => event.trim().toLowerCase())
					.filter((event) => event !== ''),
			});
		}
		return { status: 200, body: { code: 'SUCCESS', message: 'Webhook updated', results: null } };
	}

	fault(status, code, message) {
		return { status, body: { code, message, results: null } };
	}

	authorised(request) {
		if (!this.user) return true;
		const expected = 'Basic ' + Buffer.from(`${this.user}:${this.password}`).toString('base64');
		return request.headers.authorization === expected;
	}

	device(request) {
		const id = request.headers['x-device-id'] || request.query.device_id;
		if (!id) {
			if (this.devices.length === 1) return { id: this.devices[0] };
			return {
				error: this.fault(
					400,
					'DEVICE_ID_REQUIRED',
					'device id is required when several devices are registered',
				),
			};
		}
		if (!this.devices.includes(id)) {
			return { error: this.fault(404, 'DEVICE_NOT_FOUND', `device ${id} not found`) };
		}
		return { id };
	}

	route(request, res) {
		if (!this.authorised(request)) return { status: 401, body: 'Unauthorized' };
		if (request.method === 'GET' && request.path === '/app/devices') {
			return {
				status: 200,
				body: {
					code: 'SUCCESS',
					message: 'Fetch device success',
					results: this.devices.map((device) => ({ name: device, device })),
				},
			};
		}
		if (request.method === 'POST' && request.path === '/send/contact') {
			return this.send(request, res, (b) => this.checkContact(b), 'Contact sent successfully');
		}
		if (request.method === 'POST' && request.path === '/send/message') {
			return this.send(request, res, (b) => this.checkText(b), 'Message sent successfully');
		}
		const media = /^\/send\/(image|video|audio|file|sticker)$/.exec(request.path);
		if (request.method === 'POST' && media) {
			if (request.files) {
				const bound = bindForm(request.body);
				if (typeof bound === 'string') return this.fault(400, 'VALIDATION_ERROR', bound);
				request.body = bound;
			}
			const kind = media[1];
			return this.send(
				request,
				res,
				(b) => this.checkMedia(kind, b, request.files || {}),
				`${kind} sent`,
			);
		}
		const read = /^\/message\/([^/]+)\/read$/.exec(request.path);
		if (request.method === 'POST' && read)
			return this.markRead(request, decodeURIComponent(read[1]));
		if (request.method === 'POST' && request.path === '/send/chat-presence') {
			return this.chatPresence(request);
		}
		if (request.method === 'GET' && /^\/message\/[^/]+\/download$/.test(request.path)) {
			return this.downloadMedia(request);
		}
		if (request.method === 'PATCH' && /^\/devices\/[^/]+\/webhook$/.test(request.path)) {
			return this.setDeviceWebhook(request);
		}
		return this.fault(404, 'NOT_FOUND', `no route ${request.method} ${request.path}`);
	}

	/** POST /message/{id}/read {phone} (docs/openapi.yaml), from a device. */
	markRead(request, messageId) {
		const device = this.device(request);
		if (device.error) return device.error;
		const body = request.body || {};
		if (Object.keys(body).some((key) => key !== 'phone'))
			return this.fault(400, 'VALIDATION_ERROR', 'only phone is taken');
		if (typeof body.phone !== 'string' || !recipientPattern.test(body.phone))
			return this.fault(400, 'VALIDATION_ERROR', 'phone: cannot be blank.');
		this.reads.push({ messageId, chat: body.phone });
		return {
			status: 200,
			body: {
				code: 'SUCCESS',
				message: 'Mark as read success',
				results: { message_id: messageId, status: 'read' },
			},
		};
	}

	/** POST /send/chat-presence {phone, action: start | stop} (docs/openapi.yaml), from a device. */
	chatPresence(request) {
		const device = this.device(request);
		if (device.error) return device.error;
		const body = request.body || {};
		if (typeof body.phone !== 'string' || !recipientPattern.test(body.phone))
			return this.fault(400, 'VALIDATION_ERROR', 'phone: cannot be blank.');
		if (!['start', 'stop'].includes(body.action))
			return this.fault(400, 'VALIDATION_ERROR', 'action: must be start or stop.');
		this.reads.push({ messageId: '', chat: body.phone, presence: body.action });
		return { status: 200, body: { code: 'SUCCESS', message: 'Chat presence sent', results: {} } };
	}

	/** What every send carries: the chat, and the options every send takes. */
	checkCommon(body) {
		if (typeof body.phone !== 'string' || body.phone === '') return 'phone: cannot be blank.';
		if (!recipientPattern.test(body.phone)) return `phone: invalid format ${body.phone}`;
		if (body.is_forwarded !== undefined && typeof body.is_forwarded !== 'boolean') {
			return 'is_forwarded: must be a boolean.';
		}
		if (body.duration !== undefined && !durations.includes(body.duration)) {
			return `duration: must be one of ${durations.join(', ')}.`;
		}
		if (body.reply_message_id !== undefined && typeof body.reply_message_id !== 'string') {
			return 'reply_message_id: must be a string.';
		}
		return undefined;
	}

	checkContact(body) {
		if (typeof body.contact_name !== 'string' || body.contact_name.trim() === '') {
			return 'contact_name: cannot be blank.';
		}
		if (typeof body.contact_phone !== 'string' || body.contact_phone === '') {
			return 'contact_phone: cannot be blank.';
		}
		if (!/^[1-9]\d{5,14}$/.test(body.contact_phone)) {
			return 'contact_phone: must be digits with country code, no + and no leading 0.';
		}
		return undefined;
	}

	/**
	 * A media send (src/validations/send_validation.go): the file in the form field named after
	 * the route, whose Content-Type GOWA checks, or a link in `<field>_url`; sizes as
	 * src/config/settings.go.
	 */
	checkMedia(kind, body, files) {
		const file = files[kind];
		const link = body[`${kind}_url`];
		if (!file && (typeof link !== 'string' || link === '')) {
			return `either ${kind} or ${kind}_url must be provided`;
		}
		if (link !== undefined && !/^https?:\/\/[^\s]+$/.test(link))
			return `${kind}_url must be a valid URL`;
		if (body.caption !== undefined && typeof body.caption !== 'string')
			return 'caption: must be a string.';
		if (body.ptt !== undefined && typeof body.ptt !== 'boolean') return 'ptt: must be a boolean.';
		if (!file) return undefined;
		const types = mediaTypes[kind];
		if (types && !types.includes(file.contentType)) {
			return `your ${kind} type is not allowed (${file.contentType})`;
		}
		if (file.data.length > mediaMaxBytes[kind])
			return `max ${kind} upload is ${mediaMaxBytes[kind]} bytes`;
		return undefined;
	}

	/**
	 * GOWA fetches an image or sticker link only when the last part of the link ends in .jpg,
	 * .jpeg, .png or .webp, and otherwise answers 500 before sending anything
	 * (src/pkg/utils/general.go DownloadImageFromURL, src/usecase/send.go).
	 */
	refusedLink(path, body) {
		const kind = /^\/send\/(image|sticker)$/.exec(path)?.[1];
		const link = kind && body[`${kind}_url`];
		if (!link) return undefined;
		const fileName = link.split('/').pop().split('?')[0];
		const extension = /\.[^.]*$/.exec(fileName)?.[0].toLowerCase() ?? '';
		if (['.jpg', '.jpeg', '.png', '.webp'].includes(extension)) return undefined;
		const step =
			kind === 'image'
				? 'failed to download image from URL '
				: 'failed to download sticker from URL: ';
		return `${step}unsupported file type: ${extension}`;
	}

	checkText(body) {
		if (typeof body.message !== 'string' || body.message.trim() === '') {
			return 'message: cannot be blank.';
		}
		return undefined;
	}

	/** A send: the device, the common fields, `problemOf` for the rest; answered as GOWA does. */
	async send(request, res, problemOf, status) {
		const device = this.device(request);
		if (device.error) return device.error;
		const body = request.body || {};
		const problem = this.checkCommon(body) || problemOf(body);
		if (problem) return this.fault(400, 'VALIDATION_ERROR', problem);
		const refusal = this.refusedLink(request.path, body);
		if (refusal) return this.fault(500, 'INTERNAL_SERVER_ERROR', refusal);
		const digits = body.phone.split('@')[0];
		if (this.notOnWhatsApp.has(digits)) {
			return this.fault(400, 'INVALID_JID', `${body.phone} is not on whatsapp`);
		}
		const accept = () => this.accept(device.id, body);
		if (await this.applyFault(res, accept)) return undefined;
		const id = accept();
		return {
			status: 200,
			body: { code: 'SUCCESS', message: 'Success', results: { message_id: id, status } },
		};
	}

	accept(deviceId, body) {
		const id = this.newId('3EB0');
		this.accepted.push({ id, to: body.phone, deviceId, body });
		this.track(id, body.phone.split('@')[0]);
		return id;
	}
}

module.exports = { WhatsAppWebSimulator };
