#!/usr/bin/env node
'use strict';
// Takes the README's pictures from a running demo (`npm start` in another terminal):
//   apt-get install chromium && npm i --no-save playwright-core && node e2e/screenshot.js
// Not part of CI. Creates the demo's owner account through n8n's REST API if there is none.
const path = require('path');
const { chromium } = require('playwright-core');

const { signIn } = require('./n8n');

const base = 'http://127.0.0.1:5678';
const owner = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Demo-Passw0rd',
};
const docs = path.join(__dirname, '..', 'docs');

(async () => {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	const cookie = await signIn(base, owner);
	await context.addCookies([
		{ name: 'n8n-auth', value: cookie.slice('n8n-auth='.length), domain: '127.0.0.1', path: '/' },
	]);
	const page = await context.newPage();
	for (const [url, file] of [
		[`${base}/workflow/HandoffPartner01`, 'partner-delivery-template.png'],
		[`${base}/workflow/HandoffPartner01/send`, 'send-template-node.png'],
	]) {
		await page.goto(url, { waitUntil: 'networkidle' });
		await page.waitForTimeout(5000);
		await page.keyboard.press('Escape');
		await page.screenshot({ path: path.join(docs, file) });
	}
	await browser.close();
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
