'use strict';
// The floor of `npm run bench` (never shipped): what any node following n8n's rules must spend to
// send one message per item. It reads the credentials once and calls n8n's request helper once
// per item, with the options and concurrency our nodes use, and does nothing else: no checks,
// no phone parsing, no rate cap, no retries, no error mapping.
class BenchFloor {
	constructor() {
		this.description = {
			displayName: 'Bench Floor',
			name: 'benchFloor',
			group: ['output'],
			version: 1,
			description: "One call of n8n's request helper per item",
			defaults: { name: 'Bench Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'oneMsgApi', required: true }],
			properties: [
				{ displayName: 'URL', name: 'url', type: 'string', default: '' },
				{ displayName: 'Concurrency', name: 'concurrency', type: 'number', default: 32 },
			],
		};
	}

	async execute() {
		const items = this.getInputData();
		const url = this.getNodeParameter('url', 0);
		const concurrency = this.getNodeParameter('concurrency', 0);
		const credentials = await this.getCredentials('oneMsgApi');
		const decrypted = {
			credentialsDecrypted: { id: '', name: 'oneMsgApi', type: 'oneMsgApi', data: credentials },
		};
		const out = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const index = next++;
				const response = await this.helpers.httpRequestWithAuthentication.call(
					this,
					'oneMsgApi',
					{
						method: 'POST',
						url,
						headers: { Accept: 'application/json' },
						body: {
							phone: String(items[index].json.customerPhone).slice(1),
							contacts: [
								{
									name: { formatted_name: 'Courier', first_name: 'Courier' },
									phones: [{ phone: '+447911123456', type: 'CELL' }],
								},
							],
						},
						json: true,
						timeout: 30000,
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
						disableFollowRedirect: true,
					},
					decrypted,
				);
				out[index] = { json: { status: response.statusCode }, pairedItem: { item: index } };
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
		return [out];
	}
}

module.exports = { BenchFloor };
