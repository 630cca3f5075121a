import { InputError, quote } from '../errors/inputError';
import { checkLength } from '../messageText';
import { plainType, typeForName, linkFileName } from './fileTypes';
import { maxCaptionCharacters, sizeOver, statedLimit, type MediaLimit } from './kinds';
import type { MediaFile } from './source';

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** What one provider takes, as Send Media checks it. */
export interface MediaRules {
	limit: MediaLimit;
	/** The types a voice note may be (empty: any); none where the provider has no voice notes */
	voiceNoteTypes?: string[];
	providerName: string;
}

/**
 * Checks one item's media against what its provider takes for its kind (the kind itself was
 * checked when it was read), before any request: the file's type and size (a link's file is the
 * provider's to check, but a voice note's type shows in its link), the caption's length.
 */
export function checkMedia(media: MediaFile, rules: MediaRules): void {
	const { limit, providerName } = rules;
	const file = media.file;
	const name = quote(file ? (file.fileName ?? file.property) : (media.url ?? ''));
	if (file) {
		if (limit.mimeTypes.length > 0 && !limit.mimeTypes.includes(file.mimeType)) {
			throw new InputError(
				'Input Binary Field',
				`${name} is ${file.mimeType || 'of no known type'}, but ${providerName} sends ${article(media.kind)} only as ${limit.mimeTypes.join(', ')}`,
				media.kind === 'document'
					? undefined
					: `Convert the file, or send it with Media Type "document".`,
			);
		}
		if (file.bytes > limit.maxBytes) {
			throw new InputError(
				'Input Binary Field',
				`${name} is ${sizeOver(file.bytes, limit.maxBytes)}, more than the ${statedLimit(limit.maxBytes)} ${providerName} takes for ${article(media.kind)}`,
				'Send a smaller file, or put it online and send the link in a text.',
			);
		}
	}
	const voiceTypes = rules.voiceNoteTypes ?? [];
	const type = file ? plainType(file.mimeType) : typeForName(linkFileName(media.url));
	if (media.voiceNote && voiceTypes.length > 0 && type && !voiceTypes.includes(type)) {
		throw new InputError(
			'Voice Note',
			`${name} is ${type}, but ${providerName} sends a voice note only as ${voiceTypes.join(', ')} (OGG/Opus)`,
			'Turn Voice Note off to send it as a sound file, or convert it to OGG/Opus first.',
		);
	}
	checkLength(
		media.caption ?? '',
		'Caption',
		maxCaptionCharacters,
		'Shorten it, or send the rest as a text.',
	);
}
