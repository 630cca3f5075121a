import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeProperties,
} from 'n8n-workflow';

import type { ContactCard } from '../contactCard/card';
import type { NormalisedStatus } from '../deliveryStatus';
import type { ProviderRequest, ProviderResponse, RequestContext } from '../http/transport';
import type { IncomingMessage } from '../incomingMessage';
import type { ButtonsMessage, ListMessage } from '../interactive/choices';
import type { Frame } from '../interactive/read';
import type { MediaLimits } from '../media/kinds';
import type { MediaFile } from '../media/source';
import type { Recipient } from '../recipient';
import type { Template, TemplateVariable } from '../template/model';
import type { TriggerSettings } from '../trigger/settings';

export type ProviderId = 'oneMsg' | 'lipaChat' | 'whatsAppWeb';

/** Why a provider did not do what was asked; decides the error text and whether to retry. */
export type FailureReason =
	| 'windowClosed'
	| 'rateLimited'
	| 'serverError'
	| 'auth'
	| 'rejected'
	| 'unreachable'
	| 'outcomeUnknown';

export interface Failure {
	reason: FailureReason;
	message: string;
	httpCode?: number;
	/** The provider's own error code, e.g. GOWA `INVALID_JID` or Meta `131047` */
	code?: string;
	retryAfterMs?: number;
	/** The fix, where it differs from the reason's usual one */
	hint?: string;
}

/** A provider's answer read: what was asked for, or why not. */
export type Answer<T> = { ok: true; value: T } | ({ ok: false } & Failure);

export type SendAnswer = Answer<{ messageId: string }>;

export const windowClosedMessage =
	'The customer has not written in the last 24 hours, so WhatsApp closed the session: send an approved template first';

/** What a Send Contact needs to build one item's requests. */
export interface ContactSend {
	credentials: ICredentialDataDecryptedObject;
	recipient: Recipient;
	cards: ContactCard[];
	/** The node's Options for this item (provider-specific ones included) */
	options: IDataObject;
	/** The same for every run of this execution's item: a retry can carry it (LipaChat) */
	stableId: string;
}

/** What a Send Text needs to build one item's request. */
export interface TextSend {
	credentials: ICredentialDataDecryptedObject;
	recipient: Recipient;
	/** Checked: not empty, within WhatsApp's limit */
	text: string;
	/** The node's Options for this item (provider-specific ones included) */
	options: IDataObject;
	/** The same for every run of this execution's item: a retry can carry it (LipaChat) */
	stableId: string;
}

/** What a Send Media needs to build one item's request. */
export interface MediaSend {
	credentials: ICredentialDataDecryptedObject;
	recipient: Recipient;
	/** Checked against the provider's `media.limits` */
	media: MediaFile;
	/** The node's Options for this item (provider-specific ones included) */
	options: IDataObject;
	/** The same for every run of this execution's item: a retry can carry it (LipaChat) */
	stableId: string;
}

/** A provider's media messages: what it takes, and the request for one. */
export interface MediaApi {
	/** The kinds it sends, each with its file types and size */
	limits: MediaLimits;
	/** Takes a link only, never a file (LipaChat: https links) */
	linksOnly?: boolean;
	/** Audio as a voice note, where the provider has them: the types it takes as one (none: any) */
	voiceNotes?: { mimeTypes: string[] };
	/** The request; throws InputError where the provider cannot send what was asked */
	request(send: MediaSend): Promise<ProviderRequest>;
}

/** What a Send Buttons or Send List needs to build one item's request. */
export interface InteractiveSend<Message> {
	credentials: ICredentialDataDecryptedObject;
	recipient: Recipient;
	/** Checked against WhatsApp's limits; a header or footer only where the provider takes it */
	message: Message;
	/** The node's Options for this item (provider-specific ones included) */
	options: IDataObject;
	/** The same for every run of this execution's item: a retry can carry it (LipaChat) */
	stableId: string;
}

/**
 * A provider's interactive messages: reply buttons and lists, each with the header and footer it
 * takes. A provider without them (WhatsApp Web cannot send them) has no `interactive`, and its
 * node offers neither operation.
 */
export interface InteractiveApi {
	buttons: Frame & { request(send: InteractiveSend<ButtonsMessage>): ProviderRequest };
	list: Frame & { request(send: InteractiveSend<ListMessage>): ProviderRequest };
}

/** What a Mark As Read needs: the customer's message, its chat where the provider asks for it. */
export interface ReadSend {
	credentials: ICredentialDataDecryptedObject;
	messageId: string;
	/** The chat the message is in (GOWA needs it; 1MSG does not) */
	recipient?: Recipient;
	/** Show "typing…" in the chat until the answer (or 25 s on the official API) */
	typing: boolean;
}

/** A provider's read receipts and typing indicator. */
export interface ReadReceiptApi {
	/** Whether the request names the chat besides the message */
	needsChat: boolean;
	/** The requests, in order: the read receipt, then the typing indicator where it is a call of its own */
	requests(send: ReadSend): ProviderRequest[];
}

/** What a Send Template needs beside the chosen template. */
export interface TemplateSend {
	credentials: ICredentialDataDecryptedObject;
	recipient: Recipient;
	template: Template;
	variables: TemplateVariable[];
	/** The checked values, by variable id */
	values: Record<string, string>;
	/** Typed overrides: language code, namespace (1MSG) */
	language: string;
	namespace: string;
	/** The node's Options for this item (provider-specific ones included) */
	options: IDataObject;
	/** The same for every run of this execution's item: a retry can carry it (LipaChat) */
	stableId: string;
}

/** A request to the provider that arrived at the trigger's webhook. */
export interface IncomingRequest {
	rawBody: Buffer;
	headers: Record<string, unknown>;
	query: IDataObject;
}

/** Where a message's file can be fetched, and its name where the message did not say. */
export interface MediaLink {
	url: string;
	fileName?: string;
}

/** The trigger's hooks at activation and deactivation, with what they need. */
export interface Registration {
	context: IHookFunctions;
	credentials: ICredentialDataDecryptedObject;
	/** n8n's URL of the trigger's webhook */
	webhookUrl: string;
	/** The trigger's parameters, read once by the trigger (a provider reads none itself) */
	settings: TriggerSettings;
}

/** How a provider reaches the WhatsApp Trigger: delivery statuses and customer messages. */
export interface TriggerWebhook {
	/** Shown in the trigger: how to point the provider at it */
	setupNotice: string;
	/** Trigger parameters only this provider has (shown only for it) */
	properties?: INodeProperties[];
	/** Whether a request comes from the provider (a secret in the URL, or a signature) */
	authentic(
		request: IncomingRequest,
		credentials: ICredentialDataDecryptedObject,
		webhookUrl: string,
	): boolean;
	statuses(body: unknown, receivedAt: Date): NormalisedStatus[];
	/**
	 * The messages a request carries: customers' (`direction: "incoming"`) and, where the
	 * provider reports them, what a person of the business wrote from the WhatsApp app
	 * (`"operator"`). What the API sent (the package's own sends) gives none.
	 */
	messages(
		body: unknown,
		receivedAt: Date,
		credentials: ICredentialDataDecryptedObject,
	): IncomingMessage[];
	/**
	 * A link the trigger can fetch a message's file from, where the message carries none (GOWA
	 * without auto-download); throws when the provider cannot give one
	 */
	mediaLink?(
		context: RequestContext,
		message: IncomingMessage,
		credentials: ICredentialDataDecryptedObject,
	): Promise<MediaLink>;
	/** Whether the provider already sends to this trigger (false: `create` runs) */
	checkExists(registration: Registration): Promise<boolean>;
	create(registration: Registration): Promise<void>;
	delete(registration: Registration): Promise<void>;
}

/** A provider's approved templates: listing them, and sending one. */
export interface TemplateApi {
	list(
		context: RequestContext,
		credentials: ICredentialDataDecryptedObject,
		timeoutMs?: number,
	): Promise<Template[]>;
	/** The request; throws InputError where the provider lacks something it needs */
	request(send: TemplateSend): ProviderRequest;
	/** Why this provider cannot send a template it lists, where it cannot */
	unsupported?(template: Template): string | undefined;
}

/** A provider's message status on request (polling), oldest first. */
export type StatusLookup = (
	context: IExecuteFunctions,
	credentials: ICredentialDataDecryptedObject,
	messageId: string,
) => Promise<{ history: NormalisedStatus[]; raw: IDataObject }>;

/**
 * Everything one provider's API knows, behind one interface: each provider's folder exports one
 * of these, and the rest of the package reaches a provider only through the table in index.ts.
 */
export interface Provider {
	id: ProviderId;
	displayName: string;
	credentialType: string;
	/** Credential fields whose values must never reach an output, error or log */
	secretFields: string[];
	/** True when re-sending the same send request cannot produce a second message */
	deduplicates: boolean;
	defaultMaxPerSecond: number;
	/** Chat ids the Recipient field takes besides phone numbers, where the provider has them */
	chatIdPattern?: RegExp;
	readSendAnswer(response: ProviderResponse): SendAnswer;
	contactRequests(send: ContactSend): ProviderRequest[];
	textRequest(send: TextSend): ProviderRequest;
	media: MediaApi;
	/** Reply buttons and lists, where the provider can send them */
	interactive?: InteractiveApi;
	/** Read receipts and typing, where the provider has them */
	readReceipts?: ReadReceiptApi;
	templates?: TemplateApi;
	statusLookup?: StatusLookup;
	webhook: TriggerWebhook;
}
