/**
 * What LipaChat's credential is: its type name (the same in every package, so a stored
 * credential works with either) and its default address.
 */
export const credentialType = 'lipaChatApi';
export const lipaChatDefaultBaseUrl = 'https://gateway.lipachat.com/api/v1';
