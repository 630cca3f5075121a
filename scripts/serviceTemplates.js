'use strict';
// A template of the all-in-one package, made for one single-service package: its nodes of that
// service take the package's types (the trigger becomes the service's own, without its Provider
// parameter), nodes of other services go, and so does whatever only they led to. Used by the
// end-to-end test of each package installed alone; the templates of each package come from it.
const allInOne = 'n8n-nodes-whatsapp-handoff';
const defaultProvider = 'oneMsg';

/** Which provider a node of the all-in-one serves: its type, or its trigger's Provider. */
function providerOf(node) {
	if (!node.type.startsWith(`${allInOne}.`)) return undefined;
	const type = node.type.slice(allInOne.length + 1);
	if (type === 'whatsAppStatusTrigger') return node.parameters.provider ?? defaultProvider;
	return type.replace(/Tool$/, '');
}

const isStart = (node) => /trigger|webhook/i.test(node.type) && !/respondToWebhook/.test(node.type);

/** `workflow` for the package `packageName` of the provider `providerId`. */
function forService(workflow, { packageName, providerId }) {
	const kept = workflow.nodes.filter((node) => {
		const provider = providerOf(node);
		return provider === undefined || provider === providerId;
	});
	const keptNames = new Set(kept.map((node) => node.name));
	const linksOf = (name) =>
		(workflow.connections[name]?.main ?? []).flat().filter((link) => keptNames.has(link.node));
	// What a start node that stays still reaches; sticky notes stay.
	const reached = new Set();
	const visit = (name) => {
		if (reached.has(name)) return;
		reached.add(name);
		for (const link of linksOf(name)) visit(link.node);
	};
	for (const node of kept) if (isStart(node) || node.type.endsWith('.stickyNote')) visit(node.name);
	// Sub-nodes (a chat model, a memory, a tool) connect into what they serve, not from it.
	const feeds = (node) =>
		Object.entries(workflow.connections[node.name] ?? {}).some(
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
	const nodes = kept
		.filter((node) => reached.has(node.name))
		.map((node) => {
			if (!node.type.startsWith(`${allInOne}.`)) return node;
			const type = node.type.slice(allInOne.length + 1);
			if (type !== 'whatsAppStatusTrigger') return { ...node, type: `${packageName}.${type}` };
			const { provider, ...parameters } = node.parameters;
			return { ...node, type: `${packageName}.${providerId}Trigger`, parameters };
		});
	const names = new Set(nodes.map((node) => node.name));
	const connections = Object.fromEntries(
		Object.entries(workflow.connections)
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
	return { ...workflow, nodes, connections };
}

module.exports = { forService, providerOf };
