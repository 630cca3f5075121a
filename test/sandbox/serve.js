#!/usr/bin/env node
'use strict';
// Runs one simulator in its own process: node serve.js <oneMsg|lipaChat|whatsAppWeb> <port> [token]
// Every recipient counts as having an open session. Sends its URL to a parent process over IPC.
const { OneMsgSimulator } = require('./oneMsg');
const { LipaChatSimulator } = require('./lipaChat');
const { WhatsAppWebSimulator } = require('./whatsAppWeb');

const [kind = 'oneMsg', port = '0', secret] = process.argv.slice(2);
const sims = {
	oneMsg: () => new OneMsgSimulator({ channelId: '1', token: secret }),
	lipaChat: () => new LipaChatSimulator({ apiKey: secret }),
	whatsAppWeb: () => new WhatsAppWebSimulator(),
};
const sim = sims[kind]();
sim.sessionOpen = () => true;
sim.start(Number(port)).then(() => {
	if (process.send) process.send(sim.url);
	else console.log(`${sim.name} simulator on ${sim.url}`);
});
process.on('SIGTERM', () => sim.stop().then(() => process.exit(0)));
