#!/usr/bin/env node
'use strict';
// The templates of each single-service package, made from the all-in-one's: its nodes of that
// service take the package's types (the trigger becomes the service's own, without its Provider
// parameter), nodes of other services go, and so does whatever only they led to. A switch or IF
// that chose between providers and has one lane left goes too, and a note written for several providers is replaced by the one
// for this service (scripts/serviceTemplateNotes.js). The result is committed in each package's
// workflows/ (what its README links and its tarball ships):
//   node scripts/serviceTemplates.js          writes them
//   node scripts/serviceTemplates.js --check  fails when one is missing or stale
const fs = require('fs');
const path = require('path');

const { root, servicePackageDirs } = require('./packageDirs');
const serviceNotes = require('./serviceTemplateNotes');

const allInOne = 'n8n-nodes-whatsapp-handoff';
const defaultProvider = 'oneMsg';
const templatesDir = path.join(root, 'workflows');

/** Which provider a node of the all-in-one serves: its type, or its trigger's Provider. */
function providerOf(node) {
	if (!node.type.startsWith(`${allInOne}.`)) return undefined;
	const type = node.type.slice(allInOne.length + 1);
	if (type === 'whatsAppStatusTrigger') return node.parameters.provider ?? defaultProvider;
	return type.replace(/Tool$/, '');
}

const isStart = (node) => /trigger|webhook/i.test(node.type) && !/respondToWebhook/.test(node.type);
const isDecision = (node) => /^n8n-nodes-base\.(switch|if)$/.test(node.type);
const mainOutputs = (connections, name) => connections[name]?.main ?? [];

/** Keeps only links to `names`, and only the entries of nodes in `names`. */
function connectionsAmong(connections, names) {
	return Object.fromEntries(
		Object.entries(connections)
			.filter(([name]) => names.has(name))
			.map(([name, outputs]) => [
				name,
				Object.fromEntries(
					Object.entries(outputs).map(([kind, lists]) => [
						kind,
						lists.map((links) => links.filter((link) => names.has(link.node))),
					]),
				),
			]),
	);
}

/** The nodes a start node that stays still reaches, with the sub-nodes feeding them. */
function reachedFrom(kept, connections) {
	const keptNames = new Set(kept.map((node) => node.name));
	const reached = new Set();
	const visit = (name) => {
		if (reached.has(name)) return;
		reached.add(name);
		for (const link of mainOutputs(connections, name).flat())
			if (keptNames.has(link.node)) visit(link.node);
	};
	for (const node of kept) if (isStart(node) || node.type.endsWith('.stickyNote')) visit(node.name);
	// Sub-nodes (a chat model, a memory, a tool) connect into what they serve, not from it.
	const feeds = (node) =>
		Object.entries(connections[node.name] ?? {}).some(
			([kind, lists]) => kind !== 'main' && lists.flat().some((link) => reached.has(link.node)),
		);
	for (let grew = true; grew; ) {
		grew = false;
		for (const node of kept) {
			if (!reached.has(node.name) && feeds(node)) {
				reached.add(node.name);
				grew = true;
			}
		}
	}
	return reached;
}

/** Removes `name`, linking whatever led to it straight to `targets`. */
function bypass(connections, name, targets) {
	delete connections[name];
	for (const outputs of Object.values(connections)) {
		if (!outputs.main) continue;
		outputs.main = outputs.main.map((links) =>
			links.flatMap((link) => (link.node === name ? targets : [link])),
		);
	}
}

/** Removes `name` and every link to it. */
function remove(connections, name) {
	delete connections[name];
	for (const outputs of Object.values(connections)) {
		for (const [kind, lists] of Object.entries(outputs)) {
			outputs[kind] = lists.map((links) => links.filter((link) => link.node !== name));
		}
	}
}

/**
 * Drops the decisions this provider has settled: a switch or IF whose outputs led somewhere in
 * the all-in-one and lead nowhere now (every lane another provider's) goes with the links to it;
 * then one that led to several lanes and leads to one now is replaced by that lane. Pass-through
 * nodes stay: the one before an agent keeps n8n 2.41 resuming it on the right item.
 */
function withoutSettledDecisions(nodes, connections, before) {
	const lanes = (outputs) => outputs.filter((links) => links.length > 0);
	const dropped = new Set();
	for (let changed = true; changed; ) {
		changed = false;
		for (const node of nodes.filter((n) => isDecision(n) && !dropped.has(n.name))) {
			const was = lanes(mainOutputs(before, node.name)).length;
			const now = lanes(mainOutputs(connections, node.name));
			if (was > 0 && now.length === 0) remove(connections, node.name);
			else if (was > 1 && now.length === 1) bypass(connections, node.name, now[0]);
			else continue;
			dropped.add(node.name);
			changed = true;
		}
	}
	return nodes.filter((node) => !dropped.has(node.name));
}

/**
 * The providers a switch's outputs stand for, when it routes by provider
 * (`['oneMsg', 'lipaChat', 'whatsAppWeb'].indexOf(…)`: output i is the i-th provider's lane).
 */
function providerLanes(node) {
	if (node.type !== 'n8n-nodes-base.switch') return undefined;
	const list = /^=\{\{\s*\[([^\]]*)\]\.indexOf\(/.exec(String(node.parameters.output ?? ''));
	return list?.[1].split(',').map((id) => id.trim().replace(/^'|'$/g, ''));
}

/** `connections` without the lanes of other providers' switches. */
function ownLanesOnly(workflow, providerId) {
	const connections = structuredClone(workflow.connections);
	for (const node of workflow.nodes) {
		const lanes = providerLanes(node);
		if (!lanes || !connections[node.name]?.main) continue;
		connections[node.name].main = connections[node.name].main.map((links, output) =>
			lanes[output] === providerId ? links : [],
		);
	}
	return connections;
}

/** `workflow` (the all-in-one's `file`) for the package `packageName` of the provider `providerId`. */
function forService(workflow, { packageName, providerId, file }) {
	const kept = workflow.nodes.filter((node) => {
		const provider = providerOf(node);
		return provider === undefined || provider === providerId;
	});
	const reached = reachedFrom(kept, ownLanesOnly(workflow, providerId));
	const reachedNodes = kept.filter((node) => reached.has(node.name));
	const connections = connectionsAmong(ownLanesOnly(workflow, providerId), reached);
	const remaining = withoutSettledDecisions(reachedNodes, connections, workflow.connections);
	const notes = serviceNotes[file] ?? {};
	const nodes = remaining.map((node) => {
		const note = notes[node.name]?.[providerId];
		if (note !== undefined) return { ...node, parameters: { ...node.parameters, content: note } };
		if (!node.type.startsWith(`${allInOne}.`)) return node;
		const type = node.type.slice(allInOne.length + 1);
		if (type !== 'whatsAppStatusTrigger') return { ...node, type: `${packageName}.${type}` };
		const { provider, ...parameters } = node.parameters;
		return { ...node, type: `${packageName}.${providerId}Trigger`, parameters };
	});
	const names = new Set(nodes.map((node) => node.name));
	// An expression naming a node that went would fail only when it runs: refuse to make it.
	for (const node of workflow.nodes.filter((n) => !names.has(n.name))) {
		const user = nodes.find((n) => JSON.stringify(n.parameters).includes(`$('${node.name}')`));
		if (user)
			throw new Error(`${file}: "${user.name}" reads "${node.name}", which ${providerId} has not`);
	}
	return { ...workflow, nodes, connections: connectionsAmong(connections, names) };
}

/** The provider of a single-service package: its trigger's folder, `WhatsAppWebTrigger` → `whatsAppWeb`. */
function providerOfPackage(pkg) {
	const trigger = pkg.n8n.nodes
		.map((entry) => path.basename(path.dirname(entry)))
		.find((dir) => dir.endsWith('Trigger'));
	return trigger[0].toLowerCase() + trigger.slice(1, -'Trigger'.length);
}

/** Every single-service package: its folder, name and provider. */
const servicePackages = () =>
	servicePackageDirs().map((dir) => {
		const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
		return { dir, packageName: pkg.name, providerId: providerOfPackage(pkg) };
	});

/** The templates of one package: each all-in-one template with a node of its service, by file. */
function templatesOf({ packageName, providerId }) {
	const made = {};
	for (const file of fs
		.readdirSync(templatesDir)
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		const workflow = JSON.parse(fs.readFileSync(path.join(templatesDir, file), 'utf8'));
		if (!workflow.nodes.some((node) => providerOf(node) === providerId)) continue;
		made[file] = forService(workflow, { packageName, providerId, file });
	}
	return made;
}

const asFile = (workflow) => `${JSON.stringify(workflow, null, '\t')}\n`;

/** Writes (or with `check`, compares) every package's workflows/; returns what differs. */
function writeServiceTemplates({ check = false } = {}) {
	const stale = [];
	for (const service of servicePackages()) {
		const dir = path.join(service.dir, 'workflows');
		const made = templatesOf(service);
		const present = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
		for (const file of present.filter((f) => !(f in made))) {
			stale.push(path.relative(root, path.join(dir, file)));
			if (!check) fs.rmSync(path.join(dir, file));
		}
		for (const [file, workflow] of Object.entries(made)) {
			const target = path.join(dir, file);
			const text = asFile(workflow);
			if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
			stale.push(path.relative(root, target));
			if (!check) {
				fs.mkdirSync(dir, { recursive: true });
				fs.writeFileSync(target, text);
			}
		}
	}
	return stale;
}

if (require.main === module) {
	const check = process.argv.includes('--check');
	const stale = writeServiceTemplates({ check });
	if (check && stale.length > 0) {
		console.error(
			`Stale package templates (run node scripts/serviceTemplates.js):\n  ${stale.join('\n  ')}`,
		);
		process.exit(1);
	}
	console.log(check ? 'package templates are current' : `wrote ${stale.length} package templates`);
}

module.exports = { forService, providerOf, servicePackages, templatesOf, writeServiceTemplates };
