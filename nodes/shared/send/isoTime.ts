let formattedSecond = -1;
let secondPrefix = '';

/**
 * `new Date(ms).toISOString()`, formatting the date only once a second: V8 formats a date in
 * C++ on every call, the largest cost of a send's output item inside n8n (docs/performance.md);
 * the milliseconds are appended here. Same text for every time from 1970 to 9999.
 */
export function isoTime(ms: number = Date.now()): string {
	const second = Math.floor(ms / 1000);
	if (second !== formattedSecond) {
		// "2026-12-07T13:45:12." — everything before the milliseconds
		secondPrefix = new Date(second * 1000).toISOString().slice(0, 20);
		formattedSecond = second;
	}
	const millis = ms - second * 1000;
	return `${secondPrefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
