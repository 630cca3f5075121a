'use strict';
// The hand-off template's Data Table, through n8n's REST API as the signed-in owner: created the
// way the template's "Create Table" node would (its name and columns are read from that node,
// so they are written once), and read or changed by the e2e tests and the demo.
const fs = require('fs');
const path = require('path');
const { rest } = require('./n8n');

const templateFile = path.join(__dirname, '..', 'workflows', 'ai-agent-with-human-handoff.json');

/** The table the template's "Create Table" node makes: its name and columns. */
function handoffTableDefinition() {
	const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
	const create = template.nodes.find((node) => node.name === 'Create Table');
	return { name: create.parameters.tableName, columns: create.parameters.columns.column };
}

/**
 * Creates the hand-off table in the owner's personal project unless a table of that name is
 * there, and returns helpers for its rows.
 */
async function ensureHandoffTable(base, cookie) {
	const { name, columns } = handoffTableDefinition();
	const project = await rest(base, cookie, 'GET', '/projects/personal');
	const tables = `/projects/${project.id}/data-tables`;
	const filter = encodeURIComponent(JSON.stringify({ name }));
	const listed = await rest(base, cookie, 'GET', `${tables}?filter=${filter}`);
	const table =
		listed.data.find((t) => t.name === name) ??
		(await rest(base, cookie, 'POST', tables, { name, columns }));
	const rowsUrl = `${tables}/${table.id}/rows`;
	const chatIs = (chat) => ({
		type: 'and',
		filters: [{ columnName: 'chat', condition: 'eq', value: chat }],
	});
	return {
		id: table.id,
		name,
		/** Every row: {chat, provider, person, since, …} */
		rows: async () => (await rest(base, cookie, 'GET', `${rowsUrl}?take=1000`)).data,
		/** Sets columns of a chat's row (e.g. `since` hours back) */
		update: (chat, data) => rest(base, cookie, 'PATCH', rowsUrl, { filter: chatIs(chat), data }),
	};
}

module.exports = { handoffTableDefinition, ensureHandoffTable };
