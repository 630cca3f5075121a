'use strict';
// Base of the provider simulators: a real HTTP server on 127.0.0.1 that records every request,
// keeps 24-hour sessions per recipient, and can be told to misbehave for the next requests.
const http = require('http');
const crypto = require('crypto');
const { parseMultipart } = require('./multipart');

const DAY_MS = 24 * 60 * 60 * 1000;

class Simulator {
	// Declared here with their types; reset() is the one place that gives them values.
	/** every request as received, with when it arrived (ms) @type {Array<{at: number, method: string, path: string, query: Record<string, string>, headers: import('http').IncomingHttpHeaders, rawBody: string, bytes: number, body: any, files?: Record<string, {fileName: string, contentType: string, data: Buffer}>}>} */
	received;
	/** messages the provider took @type {Array<{id: string, to: string, body: any, deviceId?: string}>} */
	accepted;
	/** recipient digits -> time of the customer's last message @type {Map<string, number>} */
	sessions;
	/** faults for the next matching requests, consumed in order @type {any[]} */
	faults;
	/** random faults for every send: shares of 429 / 503 / dropped connections @type {any} */
	chaosConfig;
	/** server-side cap: { perSecond, arrivals, lateFirst, seen, acceptedAt, refusedAt } @type {any} */
	cap;
	/** fixed latency of every send answer, in ms @type {number} */
	latencyMs;
	/** @type {{rateLimited: number, maxOpenConnections: number}} */
	stats;
	/** @type {number} */
	openConnections;
	/** message id -> its delivery events @type {Map<string, Array<{status: string, timestamp: number, recipient: string}>>} */
	statuses;
	/** recipients whose messages are accepted but then fail to deliver @type {Set<string>} */
	failing;
	/** status callbacks posted to webhooks @type {Array<{url: string, body: any, headers: Record<string, string>, status?: number, error?: string}>} */
	callbacks;
	/** @type {Promise<void>} */
	callbackChain;
	/** read receipts and typing indicators taken, in order @type {Array<{messageId: string, chat?: string, typing?: boolean, presence?: string}>} */
	reads;

	constructor(name) {
		this.name = name;
		/** @type {import('http').Server | undefined} */
		this.server = undefined;
		this.reset();
	}

	reset() {
		this.received = [];
		this.accepted = [];
		this.sessions = new Map();
		this.faults = [];
		this.callFaults = [];
		this.chaosConfig = undefined;
		this.cap = undefined;
		this.latencyMs = 0;
		this.stats = { rateLimited: 0, maxOpenConnections: 0 };
		this.openConnections = 0;
		this.statuses = new Map();
		this.failing = new Set();
		this.callbacks = [];
		this.callbackChain = Promise.resolve();
		this.reads = [];
	}

	/** Messages to this recipient are accepted, then reported failed. */
	failDelivery(recipient) {
		this.failing.add(String(recipient));
	}

	/**
	 * What happens to an accepted message: sent, delivered, read (a second apart), or sent then
	 * failed for a failing recipient. Returns the events; subclasses report them their own way.
	 */
	track(id, recipient) {
		const start = Math.floor(Date.now() / 1000);
		const steps = this.failing.has(String(recipient))
			? ['sent', 'failed']
			: ['sent', 'delivered', 'read'];
		const events = steps.map((status, i) => ({
			status,
			timestamp: start + i,
			recipient: String(recipient),
		}));
		this.statuses.set(id, events);
		for (const event of events) {
			for (const callback of this.statusCallbacks(id, event)) this.postCallback(callback);
		}
		return events;
	}

	/**
	 * The webhook requests this provider makes for one status event; none by default.
	 * @param {string} _id
	 * @param {{status: string, timestamp: number, recipient: string}} _event
	 * @returns {Array<{url: string, body: any, headers?: Record<string, string>}>}
	 */
	statusCallbacks(_id, _event) {
		return [];
	}

	/**
	 * A customer writes (or, with kind "echo", the API's own send is echoed; with "operator", a
	 * person of the business writes to the customer `from` in the app): the provider's incoming-
	 * message webhooks for it, posted like status callbacks. A customer's opens their 24-hour
	 * session. message: {kind: text | image | location | contact | group | echo | operator |
	 * reply, from (digits), name?, text?, id?, replyId? (reply: the tapped choice's id, text its
	 * title)}. Returns the callbacks.
	 */
	customerWrites(message) {
		const id = message.id || this.newId('MSG');
		const written = { name: 'Customer', text: 'Hello', ...message, id, at: Date.now() };
		if (written.kind !== 'echo' && written.kind !== 'operator') this.customerWrote(written.from);
		const callbacks = this.messageCallbacks(written);
		for (const callback of callbacks) this.postCallback(callback);
		return callbacks;
	}

	/**
	 * The webhook requests this provider makes for one incoming message; none by default.
	 * @param {{kind: string, from: string, name: string, text: string, id: string, at: number}} _message
	 * @returns {Array<{url: string, body: any, headers?: Record<string, string>}>}
	 */
	messageCallbacks(_message) {
		return [];
	}

	/** The tiny JPEG every simulated media message links to. */
	static mediaBytes() {
		return Buffer.from(
			'/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACv/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AfwD/2Q==',
			'base64',
		);
	}

	/**
	 * Serves a simulated media file, as a provider's file host does (no credentials), typed by
	 * its extension (a photo when it has none of these).
	 */
	serveMedia(res, path = '') {
		const bytes = Simulator.mediaBytes();
		const types = {
			mp4: 'video/mp4',
			ogg: 'audio/ogg',
			pdf: 'application/pdf',
			webp: 'image/webp',
		};
		const type = types[path.split('.').pop()] || 'image/jpeg';
		res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
		res.end(bytes);
	}

	/** Posts callbacks one after another, in order, like a provider's delivery queue. */
	postCallback({ url, body, headers = {} }) {
		const raw = typeof body === 'string' ? body : JSON.stringify(body);
		this.callbackChain = this.callbackChain.then(async () => {
			const record = { url, body, headers };
			try {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body: raw,
				});
				await response.arrayBuffer();
				this.callbacks.push({ ...record, status: response.status });
			} catch (error) {
				this.callbacks.push({ ...record, error: String(error) });
			}
		});
	}

	/** Resolves once every status callback so far has been answered. */
	async callbacksDone() {
		let chain;
		do {
			chain = this.callbackChain;
			await chain;
		} while (chain !== this.callbackChain);
	}

	/**
	 * Random faults on every send request, drawn from a seeded generator so a run repeats:
	 * { rate429, retryAfter ('0'..., or undefined for none half the time), rate503, rateDropBefore,
	 *   rateDropAfter, seed }
	 */
	chaos(config) {
		this.chaosConfig = { ...config, random: seeded(config.seed ?? 1) };
	}

	/**
	 * The provider's own rate limit, as strict as any: a send arriving when `perSecond` sends
	 * were already taken in the last 1,000 ms (a sliding window, counted on arrival) gets 429.
	 * `lateFirst` holds the first `count` sends `ms` before they count, like requests that leave
	 * late from a busy client.
	 */
	limit(perSecond, lateFirst = { count: 0, ms: 0 }) {
		this.cap = perSecond
			? { perSecond, arrivals: [], lateFirst, seen: 0, acceptedAt: [], refusedAt: [] }
			: undefined;
	}

	/** Counts one arriving send against the cap; a 429 fault when it is one too many. */
	async arriveUnderCap() {
		const cap = this.cap;
		if (!cap) return undefined;
		if (cap.seen++ < cap.lateFirst.count)
			await new Promise((resolve) => setTimeout(resolve, cap.lateFirst.ms));
		const now = Date.now();
		while (cap.arrivals.length > 0 && cap.arrivals[0] <= now - 1000) cap.arrivals.shift();
		if (cap.arrivals.length < cap.perSecond) {
			cap.arrivals.push(now);
			cap.acceptedAt.push(now);
			return undefined;
		}
		cap.refusedAt.push(now);
		const wait = String(Math.max(1, Math.ceil((cap.arrivals[0] + 1000 - now) / 1000)));
		return { status: 429, body: { error: 'Too many requests' }, headers: { 'retry-after': wait } };
	}

	drawFault() {
		const chaos = this.chaosConfig;
		if (!chaos) return undefined;
		let roll = chaos.random();
		const pick = (share) => {
			if (share && roll < share) return true;
			roll -= share || 0;
			return false;
		};
		if (pick(chaos.rate429)) {
			const headers = chaos.random() < 0.5 ? { 'retry-after': '0' } : {};
			return { status: 429, body: { error: 'Too many requests' }, headers };
		}
		if (pick(chaos.rate503)) return { status: 503, body: { error: 'Service Unavailable' } };
		if (pick(chaos.rateDropBefore)) return { drop: 'before' };
		if (pick(chaos.rateDropAfter)) return { drop: 'after' };
		return undefined;
	}

	/** The customer "writes", which opens the 24-hour window. */
	customerWrote(digits, at = Date.now()) {
		this.sessions.set(String(digits), at);
	}

	sessionOpen(digits) {
		const at = this.sessions.get(String(digits));
		return at !== undefined && Date.now() - at < DAY_MS;
	}

	/**
	 * Queue a fault for the next request to a send endpoint:
	 * { status, body, headers } answers that instead; { drop: 'before' | 'after' } closes the
	 * connection before or after the message is taken; { delayMs } answers late.
	 */
	fail(fault) {
		this.faults.push(fault);
	}

	/**
	 * Queue an answer for the next request whose path ends with `pathEnd`, whatever endpoint it
	 * is (a listing, a status read, a webhook setting): { status, body, headers }.
	 */
	failNextCall(pathEnd, answer) {
		this.callFaults.push({ pathEnd, answer });
	}

	newId(prefix = '') {
		return prefix + crypto.randomBytes(12).toString('hex').toUpperCase();
	}

	get url() {
		const { port } = this.server.address();
		return `http://127.0.0.1:${port}`;
	}

	async start(port = 0) {
		this.server = http.createServer((req, res) => {
			this.receive(req, res).catch((error) => {
				if (!res.headersSent) this.json(res, 500, { error: String(error && error.message) });
			});
		});
		this.server.keepAliveTimeout = 1000;
		this.server.on('connection', (socket) => {
			this.openConnections++;
			this.stats.maxOpenConnections = Math.max(this.stats.maxOpenConnections, this.openConnections);
			socket.on('close', () => this.openConnections--);
		});
		await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
		return this;
	}

	async stop() {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
		this.server = undefined;
	}

	async receive(req, res) {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawBuffer = Buffer.concat(chunks);
		const rawBody = rawBuffer.toString('utf8');
		const url = new URL(req.url, 'http://127.0.0.1');
		const request = {
			at: Date.now(),
			method: req.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			rawBody,
			bytes: rawBuffer.length,
			body: undefined,
		};
		const multipart = /^multipart\/form-data/i.test(req.headers['content-type'] || '');
		if (multipart) {
			const form = parseMultipart(rawBuffer, req.headers['content-type']);
			if (!form) {
				this.received.push(request);
				return this.badJson(res);
			}
			request.body = form.fields;
			request.files = form.files;
		} else if (rawBody !== '') {
			try {
				request.body = JSON.parse(rawBody);
			} catch {
				this.received.push(request);
				return this.badJson(res);
			}
		}
		if (request.path.startsWith('/__sim/')) return this.control(request, res);
		if (request.method === 'GET' && /\/(media|statics\/media)\/[\w.-]+$/.test(request.path)) {
			this.received.push(request);
			return this.serveMedia(res, request.path);
		}
		this.received.push(request);
		const queued = this.callFaults.findIndex((fault) => request.path.endsWith(fault.pathEnd));
		if (queued !== -1) {
			const [{ answer }] = this.callFaults.splice(queued, 1);
			if (answer.status === 429) this.stats.rateLimited++;
			return this.json(res, answer.status, answer.body ?? {}, answer.headers);
		}
		const answer = await this.route(request, res);
		if (answer) this.json(res, answer.status, answer.body, answer.headers);
	}

	/**
	 * Applies the next queued fault, if any. Returns true when the fault answered or dropped
	 * the request itself; `take` runs the real handler when the provider would have processed it.
	 */
	async applyFault(res, take) {
		const overCap = await this.arriveUnderCap();
		if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
		const fault = overCap ?? this.faults.shift() ?? this.drawFault();
		if (!fault) return false;
		if (fault.status === 429) this.stats.rateLimited++;
		if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
		if (fault.drop === 'before') {
			res.socket.destroy();
			return true;
		}
		if (fault.drop === 'after') {
			take();
			res.socket.destroy();
			return true;
		}
		if (fault.status) {
			this.json(res, fault.status, fault.body ?? {}, fault.headers);
			return true;
		}
		return false;
	}

	/**
	 * Lets another process (benchmark, demo) drive a simulator running as its own process:
	 * GET /__sim/stats, POST /__sim/reset, POST /__sim/config {latencyMs, limit, chaos},
	 * POST /__sim/incoming {kind, from, …} (a customer writes).
	 */
	control(request, res) {
		const action = request.path.slice('/__sim/'.length);
		if (action === 'stats') {
			return this.json(res, 200, {
				accepted: this.accepted.length,
				// The same recipient accepted more than once: a message sent twice.
				duplicates: this.accepted.length - new Set(this.accepted.map((a) => a.to)).size,
				received: this.received.length,
				...this.stats,
			});
		}
		if (action === 'reset') {
			this.reset();
			return this.json(res, 200, { ok: true });
		}
		if (action === 'incoming') {
			const callbacks = this.customerWrites(request.body || {});
			return this.json(res, 200, { callbacks: callbacks.length });
		}
		if (action === 'config') {
			const config = request.body || {};
			if (config.latencyMs !== undefined) this.latencyMs = config.latencyMs;
			if (config.limit !== undefined) this.limit(config.limit, config.lateFirst);
			if (config.chaos !== undefined) this.chaos(config.chaos);
			return this.json(res, 200, { ok: true });
		}
		return this.json(res, 404, { error: `unknown control ${action}` });
	}

	json(res, status, body, headers = {}) {
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		res.writeHead(status, {
			'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
			...headers,
		});
		res.end(text);
	}

	badJson(res) {
		this.json(res, 400, { error: 'Malformed JSON body' });
	}

	/** Sends requests to this simulator's send endpoints only. */
	sends(path) {
		return this.received.filter((r) => r.method === 'POST' && r.path.endsWith(path));
	}
}

/** mulberry32: a small seeded generator, so fault patterns repeat from run to run */
function seeded(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

module.exports = { Simulator, DAY_MS, seeded };
