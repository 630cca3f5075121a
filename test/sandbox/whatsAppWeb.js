'use strict';
// GOWA (go-whatsapp-web-multidevice) simulator: optional basic auth, X-Device-Id, and
// /send/contact checked against the rules of its OpenAPI spec.
const { Simulator } = require('./simulator');

const durations = [0, 86400, 604800, 7776000];
const recipientPattern = /^(\d{6,15}@s\.whatsapp\.net|[\d-]{6,40}@g\.us|\d{6,20}@lid|\d{6,15})$/;

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
			return { error: this.fault(400, 'DEVICE_ID_REQUIRED', 'device id is required when several devices are registered') };
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
			return this.sendContact(request, res);
		}
		return this.fault(404, 'NOT_FOUND', `no route ${request.method} ${request.path}`);
	}

	check(body) {
		if (typeof body.phone !== 'string' || body.phone === '') return 'phone: cannot be blank.';
		if (!recipientPattern.test(body.phone)) return `phone: invalid format ${body.phone}`;
		if (typeof body.contact_name !== 'string' || body.contact_name.trim() === '') {
			return 'contact_name: cannot be blank.';
		}
		if (typeof body.contact_phone !== 'string' || body.contact_phone === '') {
			return 'contact_phone: cannot be blank.';
		}
		if (!/^[1-9]\d{5,14}$/.test(body.contact_phone)) {
			return 'contact_phone: must be digits with country code, no + and no leading 0.';
		}
		if (body.is_forwarded !== undefined && typeof body.is_forwarded !== 'boolean') {
			return 'is_forwarded: must be a boolean.';
		}
		if (body.duration !== undefined && !durations.includes(body.duration)) {
			return `duration: must be one of ${durations.join(', ')}.`;
		}
		return undefined;
	}

	async sendContact(request, res) {
		const device = this.device(request);
		if (device.error) return device.error;
		const body = request.body || {};
		const problem = this.check(body);
		if (problem) return this.fault(400, 'VALIDATION_ERROR', problem);
		const digits = body.phone.split('@')[0];
		if (this.notOnWhatsApp.has(digits)) {
			return this.fault(400, 'INVALID_JID', `${body.phone} is not on whatsapp`);
		}
		const accept = () => this.accept(device.id, body);
		if (await this.applyFault(res, accept)) return undefined;
		const id = accept();
		return {
			status: 200,
			body: { code: 'SUCCESS', message: 'Success', results: { message_id: id, status: 'Contact sent successfully' } },
		};
	}

	accept(deviceId, body) {
		const id = this.newId('3EB0');
		this.accepted.push({ id, to: body.phone, deviceId, body });
		return id;
	}
}

module.exports = { WhatsAppWebSimulator };
