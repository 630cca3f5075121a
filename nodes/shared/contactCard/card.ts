import type { Phone } from '../phone';

/** A contact card as our nodes understand it, before any provider's wire format. */
export interface ContactCard {
	name: {
		formatted: string;
		first?: string;
		last?: string;
		middle?: string;
		prefix?: string;
		suffix?: string;
	};
	phones: Array<Phone & { type: string; onWhatsApp: boolean }>;
	emails: Array<{ email: string; type: string }>;
	org?: { company?: string; department?: string; title?: string };
	urls: Array<{ url: string; type: string }>;
	addresses: Array<{
		street?: string;
		city?: string;
		state?: string;
		zip?: string;
		country?: string;
		countryCode?: string;
		type: string;
	}>;
	birthday?: string;
}
