// Pure helpers only; everything a user touches is tested through the engine.
import type { IExecuteFunctions } from 'n8n-workflow';

import { LipaChatApi } from '../credentials/LipaChatApi.credentials';
import { OneMsgApi } from '../credentials/OneMsgApi.credentials';
import { WhatsAppWebApi } from '../credentials/WhatsAppWebApi.credentials';
import { readContactCards } from '../nodes/shared/contactCard/read';
import { InputError } from '../nodes/shared/errors/inputError';
import { redact } from '../nodes/shared/errors/redact';
import { retryAfterMs } from '../nodes/shared/http/transport';
import { holdsExpression, itemParameter } from '../nodes/shared/itemParameter';
import { compileJsonMappings, NEEDS_N8N } from '../nodes/shared/jsonMapping';
import { parsePhone } from '../nodes/shared/phone';
import { lipaChatMessageId } from '../nodes/shared/providers/lipaChat/messageId';
import { oneMsgChannelId } from '../nodes/shared/providers/oneMsg/credential';
import { parseOneMsgWebhookUrls } from '../nodes/shared/providers/oneMsg/registration';
import { isoTime } from '../nodes/shared/send/isoTime';
import { RateLimiter } from '../nodes/shared/send/rateLimiter';
import { SimulatedClock } from './simulatedClock';

describe('parsePhone', () => {
	it.each([
		['+1 (202) 555-0199', undefined, '+12025550199'],
		['12025550199', undefined, '+12025550199'],
		['00998 90 123 45 67', undefined, '+998901234567'],
		['07911 123456', 'GB', '+447911123456'],
		['0901234567', 'VN', '+84901234567'],
		['(202) 555-0199', 'US', '+12025550199'],
		[6289685024051, undefined, '+6289685024051'],
	])('reads %p (default country %p) as %p', (raw, country, e164) => {
		expect(parsePhone(raw, 'Recipient', country)).toEqual({ e164, digits: e164.slice(1) });
	});

	it.each([['12345'], ['0901234567'], ['not a phone'], [''], [null]])(
		'rejects %p naming the field',
		(raw) => {
			expect(() => parsePhone(raw, 'Recipient')).toThrow(InputError);
			try {
				parsePhone(raw, 'Recipient');
			} catch (error) {
				expect((error as InputError).field).toBe('Recipient');
				expect((error as InputError).hint).toContain('+12025550199');
			}
		},
	);

	it('rejects an unknown default country', () => {
		expect(() => parsePhone('0901234567', 'Recipient', 'XX')).toThrow(
			'"Default Country" is not a known country code: "XX"',
		);
	});
});

describe('readContactCards', () => {
	it('names the contact whose name is empty', () => {
		const contacts = {
			contact: [
				{ formattedName: 'A', phones: { phone: [{ number: '+12025550199' }] } },
				{ formattedName: '  ', phones: { phone: [] } },
			],
		};
		expect(() => readContactCards(contacts)).toThrow('Contact 2: "Full Name" is empty');
	});

	it('rejects a card without phones and a malformed birthday', () => {
		expect(() => readContactCards({ contact: [{ formattedName: 'A' }] })).toThrow(
			'Contact ("A") has no phone number',
		);
		expect(() =>
			readContactCards({
				contact: [
					{
						formattedName: 'A',
						phones: { phone: [{ number: '+12025550199' }] },
						details: { birthday: '31/05/1990' },
					},
				],
			}),
		).toThrow('"Birthday" must be a date in YYYY-MM-DD format, got "31/05/1990"');
	});
});

describe('transport helpers', () => {
	it('redacts secrets in strings and nested JSON', () => {
		expect(redact({ a: ['token abc123xyz here'], b: 'abc123xyz' }, ['abc123xyz'])).toEqual({
			a: ['token [redacted] here'],
			b: '[redacted]',
		});
	});

	it('redacts a secret in a key, a number, a text with quotes, and returns the value itself when none is there', () => {
		const secrets = ['pa"ss\\word', '98765432'];
		expect(
			redact(
				{ 'x-pa"ss\\word': 1, pin: 9876543210, note: 'it is pa"ss\\word', at: new Date(0) },
				secrets,
			),
		).toEqual({
			'x-[redacted]': 1,
			pin: '[redacted]10',
			note: 'it is [redacted]',
			at: '1970-01-01T00:00:00.000Z',
		});
		const clean = { id: 'wamid.1', nested: [{ ok: true, n: 5 }] };
		expect(redact(clean, secrets)).toBe(clean);
		// Secrets shorter than 4 characters would match ordinary text: not searched.
		expect(redact('a b c', ['b'])).toBe('a b c');
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-22T10:00:00Z');
		expect(retryAfterMs({ 'retry-after': '3' }, now)).toBe(3000);
		expect(retryAfterMs({ 'retry-after': 'Sun, 22 Nov 2026 10:00:05 GMT' }, now)).toBe(5000);
		expect(retryAfterMs({}, now)).toBeUndefined();
	});
});

describe('provider helpers', () => {
	it('derives the same LipaChat message id for the same execution and item only', () => {
		expect(lipaChatMessageId('41', 'node', 0)).toBe(lipaChatMessageId('41', 'node', 0));
		expect(lipaChatMessageId('41', 'node', 0)).not.toBe(lipaChatMessageId('41', 'node', 1));
		expect(lipaChatMessageId('41', 'node', 0)).not.toBe(lipaChatMessageId('42', 'node', 0));
	});

	it("reads 1MSG's channel id from the token's instanceId claim", () => {
		const token = `h.${Buffer.from('{"instanceId":"instance998877"}').toString('base64url')}.s`;
		expect(oneMsgChannelId({ token, channelId: '' })).toBe('998877');
		expect(oneMsgChannelId({ token, channelId: '42' })).toBe('42');
		expect(() => oneMsgChannelId({ token: 'opaque', channelId: '' })).toThrow('Channel ID');
	});
});

describe('parseOneMsgWebhookUrls', () => {
	it.each([
		[{ webhookUrl: 'https://a.example/x' }, ['https://a.example/x']],
		[
			{ webhookUrl: 'https://a.example/x, https://b.example/y' },
			['https://a.example/x', 'https://b.example/y'],
		],
		[{ webhookUrl: ['https://a.example/x', ''] }, ['https://a.example/x']],
		[{ webhookUrl: null }, []],
		[{}, []],
	])('reads %j', (body, urls) => {
		expect(parseOneMsgWebhookUrls(body as never)).toEqual(urls);
	});
});

describe('RateLimiter', () => {
	/** A clock that only moves when someone sleeps, so the test is exact and instant. */
	function fakeClock() {
		let time = 1_000_000;
		return {
			now: () => time,
			sleep: async (ms: number) => {
				time += ms;
			},
			get time() {
				return time;
			},
		};
	}

	/**
	 * Sends `count` requests at once through the limiter, each answered `latencyMs(i)` after it
	 * starts, on a simulated clock: timers fire in time order, instantly. Returns the start times.
	 */
	async function startTimes(
		perSecond: number,
		count: number,
		latencyMs: (index: number) => number,
	) {
		const clock = new SimulatedClock();
		const limiter = new RateLimiter(perSecond, 5, clock);
		const starts: number[] = [];
		for (let i = 0; i < count; i++) {
			void limiter.take().then((answered) => {
				starts[i] = clock.now();
				clock.later(latencyMs(i), answered);
			});
		}
		await clock.run();
		return starts;
	}

	it('reuses a slot one window after the answer of the request that held it, so no window holds more than perSecond arrivals', async () => {
		const starts = await startTimes(80, 400, () => 50);
		// The first 80 go out at twice the cap, in half a second; each later one waits for the
		// answer 80 places back + 1,005 ms.
		expect(starts.slice(1, 80).map((t, i) => t - starts[i])).toEqual(Array(79).fill(6.25));
		for (let i = 80; i < starts.length; i++)
			expect(starts[i] - starts[i - 80]).toBeGreaterThanOrEqual(50 + 1005);
		// 400 = 5 windows of 80: 4 cycles of answer (50 ms) + window (1,005 ms).
		expect(starts[399] - starts[79]).toBe(4 * 1055);
	});

	it('waits for a request that arrived late: its answer, not its planned start, opens the next window', async () => {
		// The first 8 leave late and are answered only 480 ms after their slot (busy CPU, slow network).
		const starts = await startTimes(8, 16, (index) => (index < 8 ? 480 : 50));
		// A planned-start window would let the 9th go at +1,030 ms, inside the provider's window
		// of a request that arrived at up to +480 ms.
		expect(starts[8] - starts[0]).toBe(480 + 1005);
	});

	it("holds the node's starts for Retry-After at its first 429 only; later the others go on at the lower rate", async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(10, 0, clock, () => 0);
		(await limiter.take())();
		expect(limiter.rateLimited(2000)).toBe(2000);
		let before = clock.time;
		(await limiter.take())();
		// The window it just met is full: nothing it sends before Retry-After ends gets in.
		expect(clock.time - before).toBe(2000 + 200);
		await clock.sleep(1000);
		expect(limiter.rateLimited(2000)).toBe(2000);
		before = clock.time;
		await limiter.take();
		// Paced at the lowered rate, not held for the whole Retry-After.
		expect(clock.time - before).toBeLessThanOrEqual(400);
	});

	it('plans again the starts already waiting when a 429 lowers the rate: no more of the old burst goes out', async () => {
		const clock = new SimulatedClock();
		const limiter = new RateLimiter(10, 0, clock, () => 0);
		const starts: number[] = [];
		for (let i = 0; i < 3; i++) {
			void limiter.take().then((answered) => {
				starts[i] = clock.now();
				answered();
				// The first answer is a 429 with Retry-After 1 s, at 0 ms.
				if (i === 0) limiter.rateLimited(1000);
			});
		}
		await clock.run();
		// Planned at 50 and 100 ms (twice the cap); planned again after Retry-After, 200 ms apart
		// (the rate halved: it took nothing in the last second).
		expect(starts).toEqual([0, 1200, 1400]);
	});

	it('after a 429 takes for its rate what the provider took from it in the last second, less a part that grows with that share', async () => {
		const rateAfterTaking = (taken: number) => {
			const limiter = new RateLimiter(80, 0, fakeClock(), () => 0);
			for (let i = 0; i < taken; i++) limiter.succeeded();
			limiter.rateLimited(0);
			return limiter.currentRate;
		};
		// A quarter of the cap gives back 12.5 %, half of it 25 %: the larger share shrinks more,
		// so executions sharing a cap drift toward equal shares.
		expect([rateAfterTaking(20), rateAfterTaking(40), rateAfterTaking(10)]).toEqual([
			17.5, 30, 9.375,
		]);
	});

	it('spreads the wait after a 429 by up to half of it, so requests refused together do not come back together', () => {
		const waits = [0, 0.5, 1].map((random) =>
			new RateLimiter(10, 0, fakeClock(), () => random).rateLimited(1000),
		);
		expect(waits).toEqual([1000, 1250, 1500]);
	});

	it('halves its rate after a 429 when it took nothing in the last second (pacing starts evenly), at most once a second', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(80, 0, clock, () => 0);
		limiter.rateLimited(0);
		limiter.rateLimited(0);
		expect(limiter.currentRate).toBe(40);
		const starts: number[] = [];
		for (let i = 0; i < 3; i++) {
			(await limiter.take())();
			starts.push(clock.time);
		}
		expect([starts[1] - starts[0], starts[2] - starts[1]]).toEqual([25, 25]);
		await clock.sleep(1000);
		limiter.rateLimited(0);
		// 40 + one second of climbing (1.6), halved.
		expect(limiter.currentRate).toBeCloseTo(20.8, 10);
	});

	it('climbs back with time: 2 % of the cap a second while 429s are recent, 8 % while under a fifth of the cap, doubling after 2 s without a 429', async () => {
		const climbFrom = async (taken: number) => {
			const clock = fakeClock();
			const limiter = new RateLimiter(80, 0, clock, () => 0);
			for (let i = 0; i < taken; i++) limiter.succeeded();
			limiter.rateLimited(0);
			const rates = [limiter.currentRate];
			for (let second = 1; second <= 4; second++) {
				await clock.sleep(1000);
				limiter.succeeded();
				rates.push(Math.round(limiter.currentRate * 10) / 10);
			}
			return rates;
		};
		// Halved to 40; +1.6 at 1 s and at 2 s; at 3 s without a 429 it doubles, up to the cap.
		expect(await climbFrom(0)).toEqual([40, 41.6, 43.2, 80, 80]);
		// Squeezed to the floor (5/s: it took 1 in its first second): +6.4 a second while under 16.
		expect(await climbFrom(1)).toEqual([5, 11.4, 17.8, 35.6, 71.2]);
	});

	it('after a 429 paces at its rate even once climbed back to the cap: no burst into a full window', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(10, 0, clock, () => 0);
		limiter.rateLimited(0);
		await clock.sleep(5000);
		limiter.succeeded();
		expect(limiter.currentRate).toBe(10);
		const starts: number[] = [];
		for (let i = 0; i < 3; i++) {
			(await limiter.take())();
			starts.push(clock.time);
		}
		// 100 ms apart (the rate), not 50 ms (twice the cap, as before any 429).
		expect([starts[1] - starts[0], starts[2] - starts[1]]).toEqual([100, 100]);
	});
});

describe('holdsExpression', () => {
	it.each([
		['={{ $json.phone }}', true],
		['+12025550199', false],
		[{ contact: [{ phones: { phone: [{ number: '={{ $json.p }}' }] } }] }, true],
		[{ contact: [{ formattedName: 'Desk', phones: { phone: [{ number: '+1' }] } }] }, false],
		[{ __rl: true, mode: 'list', value: '=welcome' }, true],
		[42, false],
		[null, false],
	])('%j → %p', (value, expected) => {
		expect(holdsExpression(value)).toBe(expected);
	});
});

describe('itemParameter, a mapped parameter', () => {
	const items = [{ phone: '+12025550199' }, { phone: 'not a number' }, { phone: 12025550100 }];
	// The parts of n8n's execute context itemParameter uses: the raw parameter, the items, and
	// n8n's own evaluation for what a plain mapping cannot read.
	const context = (raw: string, evaluated: (itemIndex: number) => unknown) =>
		({
			getNodeParameter: (_path: string, itemIndex: number, _fallback: unknown, options?: object) =>
				options ? raw : evaluated(itemIndex),
			getInputData: () => items.map((json) => ({ json })),
		}) as unknown as IExecuteFunctions;
	const parse = jest.fn((value: unknown) => {
		if (typeof value !== 'string' || !value.startsWith('+'))
			throw new Error(`bad ${String(value)}`);
		return value;
	});

	beforeEach(() => parse.mockClear());

	it("parses every item's value in one pass at the first read, each once, and keeps each error for its item", () => {
		const read = itemParameter(
			context('={{ $json.phone }}', () => 'unused'),
			'recipient',
			parse,
		);
		expect(parse).not.toHaveBeenCalled();
		expect(read(0)).toBe('+12025550199');
		expect(parse.mock.calls.map(([value]) => value)).toEqual([
			'+12025550199',
			'not a number',
			12025550100,
		]);
		expect(() => read(1)).toThrow('bad not a number');
		expect(() => read(2)).toThrow('bad 12025550100');
		expect(read(0)).toBe('+12025550199');
		expect(parse).toHaveBeenCalledTimes(3);
	});

	it('leaves to n8n, at its turn, what a plain mapping cannot read', () => {
		const evaluated = jest.fn((itemIndex: number) => `+1202555010${itemIndex}`);
		const read = itemParameter(context('={{ $json.phone.trim() }}', evaluated), 'recipient', parse);
		expect(read(2)).toBe('+12025550102');
		expect(evaluated.mock.calls).toEqual([[2]]);
	});
});

describe('compileJsonMappings', () => {
	const order = {
		customerPhone: '+12025550199',
		courier: { name: 'Ana', phone: 998901234567, tags: ['a'] },
		note: null,
		constructor: 'x',
	};

	it('reads plain {{ $json.… }} mappings from the item, keeping types as n8n does', () => {
		const read = compileJsonMappings({
			recipient: '={{ $json.customerPhone }}',
			contact: [{ name: '={{$json.courier.name}}', phone: '={{ $json.courier.phone }}' }],
			type: 'CELL',
			onWhatsApp: false,
		});
		expect(read?.(order)).toEqual({
			recipient: '+12025550199',
			contact: [{ name: 'Ana', phone: 998901234567 }],
			type: 'CELL',
			onWhatsApp: false,
		});
	});

	it('gives undefined for a missing field and null for null, like n8n', () => {
		expect(compileJsonMappings('={{ $json.courier.email }}')?.(order)).toBeUndefined();
		expect(compileJsonMappings('={{ $json.note }}')?.(order)).toBeNull();
	});

	it.each([
		['={{ $json.missing.name }}', 'a missing parent (n8n reports it)'],
		['={{ $json.courier }}', 'an object'],
		['={{ $json.courier.tags }}', 'an array'],
		['={{ $json.customerPhone.length }}', 'a property of a string'],
	])('leaves %s to n8n: %s', (expression) => {
		expect(compileJsonMappings(expression)?.(order)).toBe(NEEDS_N8N);
	});

	it.each([
		['={{ $json.customerPhone.replace("+", "") }}'],
		['=+{{ $json.customerPhone }}'],
		['={{ $json["customerPhone"] }}'],
		['={{ $json.constructor }}'],
		['={{ $("Order").item.json.customerPhone }}'],
	])('does not compile %s: n8n evaluates it', (expression) => {
		expect(compileJsonMappings({ contact: [{ phone: expression }] })).toBeUndefined();
	});
});

describe('credentials authenticate with a function', () => {
	// A generic (object) authenticate has its expressions evaluated for every request in n8n
	// 2.41: 27 % of a send's CPU (docs/ARCHITECTURE.md). Keep the function.
	it.each([new OneMsgApi(), new LipaChatApi(), new WhatsAppWebApi()])('$name', (credential) => {
		expect(typeof credential.authenticate).toBe('function');
	});
});

describe('isoTime', () => {
	it('writes a time exactly as Date#toISOString, across seconds, days and years', () => {
		const times = [
			0, 1, 9, 10, 99, 100, 999, 1000, 1001, 59_999, 60_000, 951_782_400_000, 1_733_580_000_000,
			1_733_580_000_007, 1_733_580_000_070, 1_733_580_000_700, 1_798_761_599_999, 1_798_761_600_000,
			253_402_300_799_999,
		];
		// Each time twice and out of order, so a formatted second is reused and replaced.
		for (const ms of [...times, ...times.reverse()]) {
			expect(isoTime(ms)).toBe(new Date(ms).toISOString());
		}
		for (let ms = 1_733_580_000_000; ms < 1_733_580_003_000; ms += 7) {
			expect(isoTime(ms)).toBe(new Date(ms).toISOString());
		}
	});
});
