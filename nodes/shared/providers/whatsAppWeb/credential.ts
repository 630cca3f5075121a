/**
 * What GOWA's credential is: its type name (the same in every package, so a stored credential
 * works with either) and its default address.
 */
export const credentialType = 'whatsAppWebApi';
export const whatsAppWebDefaultBaseUrl = 'http://localhost:3000';
