import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { InputError, quote } from '../errors/inputError';
import { asText, itemParameter } from '../itemParameter';
import { checkMedia } from '../media/checks';
import { kindsOf, mediaKinds, takesCaption, type MediaKind } from '../media/kinds';
import {
	extensionForType,
	extensionOf,
	linkFileName,
	linkNameWithExtension,
	usualExtension,
	withExtension,
} from '../media/fileTypes';
import { readBinaryFile, readMediaUrl, type BinaryFile, type MediaFile } from '../media/source';
import type { Provider } from '../providers/provider';
import { recipientProperty } from '../recipientProperty';
import { addressOf, addressReaders, toOf, type AddressReaders } from './addressReaders';
import { showFor, type Operation } from '../operation';
import { hasWindowClosedOutput } from './windowClosedOutput';
import { sendItems, type ItemSender } from './sendItems';
import { sendOptionsProperty } from './sendOptions';

/** How one node shows Send Media: what its Recipient takes, its own options. */
export interface SendMediaSetup {
	recipientDescription: string;
	options: INodeProperties[];
}

const kindNames: Record<MediaKind, INodePropertyOptions> = {
	image: { name: 'Image', value: 'image', description: 'A photo, shown in the chat' },
	video: { name: 'Video', value: 'video' },
	audio: { name: 'Audio', value: 'audio', description: 'A sound file, or a voice note' },
	document: {
		name: 'Document',
		value: 'document',
		description: 'Any file (PDF, invoice, spreadsheet), with its name',
	},
	sticker: { name: 'Sticker', value: 'sticker' },
};

interface MediaReaders extends AddressReaders {
	context: IExecuteFunctions;
	kindOf(itemIndex: number): MediaKind;
	sourceOf(itemIndex: number): string;
	urlOf(itemIndex: number): string;
	propertyOf(itemIndex: number): string;
	captionOf(itemIndex: number): string;
	fileNameOf(itemIndex: number): string;
	voiceNoteOf(itemIndex: number): boolean;
}

const readKind = (provider: Provider) => (value: unknown) => {
	const kind = asText(value) as MediaKind;
	if (!mediaKinds.includes(kind) || !provider.media.limits[kind]) {
		throw new InputError(
			'Media Type',
			`"Media Type" must be one of ${kindsOf(provider.media.limits).join(', ')}, got ${quote(asText(value))}`,
		);
	}
	return kind;
};

/**
 * The name the file goes by: the typed File Name (documents), else the file's own, else the
 * link's, else the kind; with an extension from the name, else the file's type, else the link,
 * else the kind's usual one (a voice note's is OGG). A document whose type nothing tells keeps
 * a name without one.
 */
function mediaFileName(
	kind: MediaKind,
	typed: string,
	voiceNote: boolean,
	file?: BinaryFile,
	url?: string,
) {
	const fromLink = linkFileName(url);
	return withExtension(
		typed || file?.fileName || linkNameWithExtension(url) || kind,
		extensionOf(file?.fileName),
		extensionForType(file?.mimeType),
		file?.extension,
		extensionOf(fromLink),
		voiceNote ? 'ogg' : usualExtension[kind],
	);
}

/** One item's media, read from its parameters and binary data, and checked. */
async function readMedia(
	provider: Provider,
	readers: MediaReaders,
	itemIndex: number,
): Promise<MediaFile> {
	const kind = readers.kindOf(itemIndex);
	const source = readers.sourceOf(itemIndex);
	if (source === 'binary' && provider.media.linksOnly) {
		throw new InputError(
			'Media Source',
			`${provider.displayName} takes media only as a link, not as a file from binary data`,
			'Put the file where an https link reaches it and choose Media Source "URL".',
		);
	}
	const url = source === 'url' ? readMediaUrl(readers.urlOf(itemIndex)) : undefined;
	const file =
		source === 'url'
			? undefined
			: await readBinaryFile(readers.context, itemIndex, readers.propertyOf(itemIndex) || 'data');
	const caption = takesCaption(kind) ? readers.captionOf(itemIndex) : '';
	const typedName = kind === 'document' ? readers.fileNameOf(itemIndex) : '';
	const voiceNote =
		kind === 'audio' && provider.media.voiceNotes !== undefined && readers.voiceNoteOf(itemIndex);
	const media: MediaFile = {
		kind,
		url,
		file,
		caption: caption === '' ? undefined : caption,
		fileName: mediaFileName(kind, typedName, voiceNote, file, url),
		voiceNote,
	};
	checkMedia(media, {
		limit: provider.media.limits[kind]!,
		voiceNoteTypes: provider.media.voiceNotes?.mimeTypes,
		providerName: provider.displayName,
	});
	return media;
}

function mediaSender(provider: Provider): ItemSender<MediaReaders> {
	return {
		read: (context, credentials, options) => ({
			...addressReaders(context, credentials, options, provider),
			context,
			kindOf: itemParameter(context, 'mediaType', readKind(provider)),
			sourceOf: itemParameter(context, 'mediaSource', asText, 'url'),
			urlOf: itemParameter(context, 'mediaUrl', asText, ''),
			propertyOf: itemParameter(context, 'binaryPropertyName', asText, 'data'),
			// A caption is sent as written: its line breaks are the sender's.
			captionOf: itemParameter(context, 'caption', (value) => String(value ?? ''), ''),
			fileNameOf: itemParameter(context, 'fileName', asText, ''),
			voiceNoteOf: itemParameter(context, 'voiceNote', (value) => value === true, false),
		}),
		prepare: async (readers, itemIndex) => {
			const address = addressOf(readers, itemIndex);
			const media = await readMedia(provider, readers, itemIndex);
			const request = await provider.media.request({ ...address, media });
			return {
				to: toOf(address.recipient),
				requests: [request],
				// The name a customer sees on a document (other kinds show none).
				extra: {
					mediaType: media.kind,
					...(media.kind === 'document' && { fileName: media.fileName }),
				},
			};
		},
	};
}

function mediaProperties(provider: Provider, show: { operation: string[] }): INodeProperties[] {
	const kinds = kindsOf(provider.media.limits);
	const when = (extra: Record<string, string[]>) => ({ show: { ...show, ...extra } });
	return [
		{
			displayName: 'Media Type',
			name: 'mediaType',
			type: 'options',
			options: kinds.map((kind) => kindNames[kind]),
			default: 'image',
			displayOptions: { show },
		},
		{
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			options: [
				{
					name: 'URL',
					value: 'url',
					description: provider.media.linksOnly
						? 'An https link the provider fetches the file from'
						: 'A link the provider fetches the file from',
				},
				...(provider.media.linksOnly
					? []
					: [
							{
								name: 'Binary Data',
								value: 'binary',
								description:
									"A file in the item's binary data, e.g. from HTTP Request or a Form upload",
							},
						]),
			],
			default: 'url',
			displayOptions: { show },
		},
		{
			displayName: 'Media URL',
			name: 'mediaUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com/delivery-photo.jpg',
			description: provider.media.linksOnly
				? 'The https link of the file; the provider fetches it'
				: 'The link of the file; the provider fetches it',
			displayOptions: when({ mediaSource: ['url'] }),
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field containing the file to be sent',
			displayOptions: when({ mediaSource: ['binary'] }),
		},
		{
			displayName: 'Caption',
			name: 'caption',
			type: 'string',
			default: '',
			typeOptions: { rows: 2 },
			description: 'Text shown under the image, video or document, up to 1,024 characters',
			displayOptions: when({ mediaType: ['image', 'video', 'document'] }),
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'invoice-10482.pdf',
			description:
				"The name the customer sees. Empty: the file's own name, or the last part of the link.",
			displayOptions: when({ mediaType: ['document'] }),
		},
		...(provider.media.voiceNotes
			? [
					{
						displayName: 'Voice Note',
						name: 'voiceNote',
						type: 'boolean' as const,
						default: false,
						description: provider.media.voiceNotes.mimeTypes.length
							? `Whether the audio plays as a voice note rather than as a sound file. ${provider.displayName} takes a voice note only as OGG/Opus (.ogg).`
							: `Whether the audio plays as a voice note rather than as a sound file. ${provider.displayName} turns other audio into OGG/Opus for it.`,
						displayOptions: when({ mediaType: ['audio'] }),
					},
				]
			: []),
	];
}

const option = {
	name: 'Send Media',
	value: 'sendMedia',
	description: 'Send an image, video, audio, document or sticker, from a link or a file',
	action: 'Send a media message',
};

/** The one Send Media operation, given a provider: its parameters and what it runs. */
export function sendMediaOperation(provider: Provider, setup: SendMediaSetup): Operation {
	const { show } = showFor(option);
	const description: INodeProperties[] = [
		recipientProperty(setup.recipientDescription, { show }),
		...mediaProperties(provider, show),
		sendOptionsProperty(provider.defaultMaxPerSecond, { show }, setup.options),
	];
	async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await sendItems(this, provider, mediaSender(provider));
	}
	return { option, description, execute, windowClosedOutput: hasWindowClosedOutput(setup.options) };
}
