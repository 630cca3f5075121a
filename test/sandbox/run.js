#!/usr/bin/env node
'use strict';
// Runs the provider simulators as their own process, e.g. for the demo:
//   node test/sandbox/run.js --1msg 8101 --lipachat 8102 --gowa 8103
// Every recipient counts as having written (open 24-hour session) unless --closed is given.
const { OneMsgSimulator } = require('./oneMsg');
const { LipaChatSimulator } = require('./lipaChat');
const { WhatsAppWebSimulator } = require('./whatsAppWeb');

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const at = args.indexOf(`--${name}`);
	return at === -1 ? fallback : Number(args[at + 1]);
};

async function main() {
	const sims = [
		[new OneMsgSimulator(), option('1msg', 8101)],
		[new LipaChatSimulator(), option('lipachat', 8102)],
		[new WhatsAppWebSimulator(), option('gowa', 8103)],
	];
	for (const [sim, port] of sims) {
		if (!args.includes('--closed')) sim.sessionOpen = () => true;
		await sim.start(port);
		console.log(`${sim.name} simulator on ${sim.url}`);
	}
	const stop = async () => {
		await Promise.all(sims.map(([sim]) => sim.stop()));
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
