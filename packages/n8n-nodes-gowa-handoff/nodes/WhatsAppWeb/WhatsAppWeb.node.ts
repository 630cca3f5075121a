// The WhatsApp Web (GOWA) node, the same class as the all-in-one package's: written once in nodes/WhatsAppWeb/.
export { WhatsAppWeb } from '../../../../nodes/WhatsAppWeb/WhatsAppWeb.node';
