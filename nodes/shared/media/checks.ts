import { InputError, quote } from '../errors/inputError';
import { checkLength } from '../messageText';
import { maxCaptionCharacters, megabytes, type MediaLimit } from './kinds';
import type { MediaFile } from './source';

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/**
 * Checks one item's media against what its provider takes for its kind (the kind itself was
 * checked when it was read), before any request: the file's type and size (a link's file is the
 * provider's to check), the caption's length.
 */
export function checkMedia(media: MediaFile, limit: MediaLimit, providerName: string): void {
	const file = media.file;
	if (file) {
		const name = quote(file.fileName ?? file.property);
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
				`${name} is ${megabytes(file.bytes)}, more than the ${megabytes(limit.maxBytes)} ${providerName} takes for ${article(media.kind)}`,
				'Send a smaller file, or put it online and send the link in a text.',
			);
		}
	}
	checkLength(
		media.caption ?? '',
		'Caption',
		maxCaptionCharacters,
		'Shorten it, or send the rest as a text.',
	);
}
