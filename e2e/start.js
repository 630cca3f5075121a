#!/usr/bin/env node
'use strict';
// npm start: the package in a real n8n 2.41.1 against the provider simulators.
// Builds and packs the package, installs it into a fresh n8n user folder the way the editor
// installs community packages, imports the credentials and workflow templates, publishes them,
// starts the simulators and n8n, and prints where to look. Ctrl-C stops everything.
// `npm start -- 1msg` (or lipachat, gowa) does the same with that single-service package alone
// and its service's templates.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const n8n = require('./n8n');
const { startSandbox, demoCredentials, demo } = require('./sandbox');
const { ensureHandoffTable } = require('./handoffTable');

/** `npm start -- <service>`: each single-service package, its webhooks and what to try. */
const services = {
	'1msg': {
		packageName: 'n8n-nodes-1msg-handoff',
		webhooks: ['courier-handoff', 'partner-delivery', 'courier-handoff-fallback'],
		tryPath: 'courier-handoff',
		simPort: demo.ports.oneMsg,
	},
	lipachat: {
		packageName: 'n8n-nodes-lipachat-handoff',
		webhooks: ['courier-handoff-lipachat', 'specialist-handoff'],
		tryPath: 'courier-handoff-lipachat',
		simPort: demo.ports.lipaChat,
	},
	gowa: {
		packageName: 'n8n-nodes-gowa-handoff',
		webhooks: ['delivery-photo', 'specialist-handoff'],
		tryPath: 'delivery-photo',
		simPort: demo.ports.gowa,
	},
};

/** One single-service package alone in the demo n8n, with its own templates (its workflows/). */
async function startService(name) {
	const service = services[name];
	const port = demo.ports.n8n;
	const cache = path.join(n8n.root, '.cache');
	const userFolder = path.join(cache, `demo-user-${name}`);
	const packageDir = path.join(n8n.root, 'packages', service.packageName);
	n8n.ensureRuntime();
	console.log(`Installing ${service.packageName} alone into the demo n8n…`);
	n8n.prepareUserFolder(userFolder, n8n.packPackage(cache, packageDir));
	// Customers' messages go to the AI agent hand-off ("Customer asks for a person" is imported,
	// not published: both answer the same messages).
	const sandbox = await startSandbox({ messagesTo: 'agent' });
	const templates = path.join(packageDir, 'workflows');
	n8n.importTemplates(userFolder, port, demoCredentials(), templates, {}, ['HandoffAskPerson']);
	const server = await n8n.startN8n(userFolder, port);
	const base = `http://127.0.0.1:${port}`;
	const table = await ensureHandoffTable(base, await n8n.signIn(base, demoOwner));
	await n8n.waitForWebhooks(port, service.webhooks);
	const stop = async () => {
		await server.stop();
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	const body =
		name === 'gowa'
			? {
					orderId: '10482',
					customerPhone: '+254 722 000111',
					photoUrl: `http://127.0.0.1:${demo.ports.gowa}/statics/media/parcel-10482.jpg`,
				}
			: {
					orderId: '10482',
					customerPhone: '+1 202 555 0199',
					courier: { name: 'Иван Курьер', phone: '+998901234567' },
				};
	const ask = (text) =>
		`curl -s -X POST http://127.0.0.1:${service.simPort}/__sim/incoming -H 'content-type: application/json' -d '${JSON.stringify({ kind: 'text', from: '254733000555', name: 'Amina', text })}'`;
	console.log(`
n8n is running with ${service.packageName} alone: http://127.0.0.1:${port}
(sign in as ${demoOwner.email} / ${demoOwner.password}; its templates: ${fs.readdirSync(templates).join(', ')};
the hand-off table "${table.name}" under Overview → Data tables)

Try it:
  curl -s -X POST http://127.0.0.1:${port}/webhook/${service.tryPath} -H 'content-type: application/json' -d '${JSON.stringify(body)}'

A customer asks the AI agent a question, then for a person:
  ${ask('When do you deliver?')}
  ${ask('Can I talk to a person, please?')}

Ctrl-C stops n8n and the simulators.`);
}

/** The demo's owner account, made at start so the hand-off table exists before the first message. */
const demoOwner = {
	email: 'demo@handoff.test',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Handoff-demo-1',
};

async function main() {
	const port = demo.ports.n8n;
	const cache = path.join(n8n.root, '.cache');
	const userFolder = path.join(cache, 'demo-user');
	n8n.ensureRuntime();
	console.log('Installing the packed package into the demo n8n…');
	n8n.prepareUserFolder(userFolder, n8n.packPackage(cache));
	// The simulators (and the scripted model) run first: publishing the status trigger registers
	// it with 1MSG. Customers' messages go to the AI agent hand-off; "Customer asks for a person"
	// answers the same messages by keyword, so it is imported but not published.
	const sandbox = await startSandbox({ messagesTo: 'agent' });
	n8n.importTemplates(userFolder, port, demoCredentials(), path.join(n8n.root, 'workflows'), {}, [
		'HandoffAskPerson',
	]);
	console.log('Starting n8n…');
	const server = await n8n.startN8n(userFolder, port);
	// The owner is made here, so the hand-off template's Data Table can be created before anyone
	// writes (n8n keeps it in the owner's project).
	const base = `http://127.0.0.1:${port}`;
	const cookie = await n8n.signIn(base, demoOwner);
	const table = await ensureHandoffTable(base, cookie);
	// The two 1MSG triggers (failed statuses, customer messages) registering with the channel.
	for (let waited = 0; sandbox.oneMsg.webhookUrls.length < 2 && waited < 60_000; waited += 250) {
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await n8n.waitForWebhooks(port, [
		'courier-handoff',
		'specialist-handoff',
		'partner-delivery',
		'courier-handoff-fallback',
		'courier-handoff-lipachat',
	]);

	const stop = async () => {
		console.log('\nStopping n8n and the simulators…');
		await server.stop();
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	server.child.on('exit', async (code) => {
		console.error(`n8n exited (${code})`);
		await sandbox.stop();
		process.exit(1);
	});

	const order = JSON.stringify({
		orderId: '10482',
		customerPhone: '+1 202 555 0199',
		courier: { name: 'Иван Курьер', phone: '+998901234567' },
	});
	console.log(`
n8n is running with n8n-nodes-whatsapp-handoff: http://127.0.0.1:${port}
(sign in as ${demoOwner.email} / ${demoOwner.password}; the templates are under Overview,
the hand-off table "${table.name}" under Overview → Data tables)

Simulated providers: 1MSG http://127.0.0.1:${demo.ports.oneMsg}, LipaChat http://127.0.0.1:${demo.ports.lipaChat}, GOWA http://127.0.0.1:${demo.ports.gowa}, alerts http://127.0.0.1:${demo.ports.alerts}/alerts

Fire the demo order (courier contact card through 1MSG):
  curl -s -X POST http://127.0.0.1:${port}/webhook/courier-handoff -H 'content-type: application/json' -d '${order}'

A failed delivery (the alert workflow posts it to the alert sink):
  curl -s -X POST http://127.0.0.1:${port}/webhook/courier-handoff -H 'content-type: application/json' -d '${order.replace('+1 202 555 0199', '+44 7911 123456')}'

The AI agent with a hand-off to a person ("AI agent with human hand-off"; the model is a local
scripted one at http://127.0.0.1:${demo.ports.model}/v1: set a real OpenAI credential in its OpenAI Chat Model to
use a real model). A customer asks a question on 1MSG (try lipaChat or gowa: ports ${demo.ports.lipaChat}, ${demo.ports.gowa}):
  curl -s -X POST http://127.0.0.1:${demo.ports.oneMsg}/__sim/incoming -H 'content-type: application/json' -d '{"kind": "text", "from": "254733000555", "name": "Amina", "text": "When do you deliver?"}'
The customer asks for a person: the agent sends the person's card and a line; the person gets Amina's card and
her message; the chat appears in the Data table, and the bot stays quiet there:
  curl -s -X POST http://127.0.0.1:${demo.ports.oneMsg}/__sim/incoming -H 'content-type: application/json' -d '{"kind": "text", "from": "254733000555", "name": "Amina", "text": "Can I talk to a person, please?"}'
The person writes #bot in the chat from the business phone: the bot answers again:
  curl -s -X POST http://127.0.0.1:${demo.ports.oneMsg}/__sim/incoming -H 'content-type: application/json' -d '{"kind": "operator", "from": "254733000555", "text": "#bot"}'

A customer whose 24-hour session is closed gets LipaChat's template instead of the card:
  curl -s -X POST http://127.0.0.1:${port}/webhook/courier-handoff-lipachat -H 'content-type: application/json' -d '${order.replace('+1 202 555 0199', '+1 202 555 0123')}'

A delivery photo, fetched into n8n and sent as a file through GOWA with a caption:
  curl -s -X POST http://127.0.0.1:${port}/webhook/delivery-photo -H 'content-type: application/json' -d '{"orderId": "10482", "customerPhone": "+254 722 000111", "photoUrl": "http://127.0.0.1:${demo.ports.gowa}/statics/media/parcel-10482.jpg"}'

Ctrl-C stops n8n and the simulators.`);
}

const service = process.argv[2];
if (service !== undefined && !(service in services)) {
	console.error(`npm start -- <service>: one of ${Object.keys(services).join(', ')}`);
	process.exit(2);
}
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: n8n.root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
(service ? startService(service) : main()).catch((error) => {
	console.error(error);
	process.exit(1);
});
