import { lipaChat } from './lipaChat';
import { oneMsg } from './oneMsg';
import type { Provider, ProviderId } from './provider';
import { whatsAppWeb } from './whatsAppWeb';

/** Every provider, by id: the one way the rest of the package reaches a provider. */
export const providers: Record<ProviderId, Provider> = { oneMsg, lipaChat, whatsAppWeb };

/** The providers in the order the editor lists them. */
export const providerList: Provider[] = [oneMsg, lipaChat, whatsAppWeb];
