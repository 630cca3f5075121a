// The same credential type as the all-in-one package's (n8n keys credentials by this name, so a
// stored credential works with either package): written once in credentials/.
export { OneMsgApi } from '../../../credentials/OneMsgApi.credentials';
