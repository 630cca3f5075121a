// npm run bench, part 4: a large file from binary data in a real n8n 2.41.1 with its binary data
// on disk (filesystem mode, as production runs it): a 40 MB document read from disk by n8n's
// Read/Write Files node and sent by Send Media, through GOWA (a multipart upload streamed from
// the binary store) and through 1MSG (which takes the file only as a data URI inside JSON, streamed the same way).
// Printed: the n8n process's peak memory growth during the execution against the file's size.
import * as fs from 'fs';
import * as path from 'path';

import * as n8n from '../e2e/n8n';
import { OneMsgSimulator } from '../test/sandbox/oneMsg';
import { WhatsAppWebSimulator } from '../test/sandbox/whatsAppWeb';

const PORT = 5692;
const MB = 1024 * 1024;
const fileBytes = 40 * MB;
const cache = path.join(n8n.root, '.cache');
const userFolder = path.join(cache, 'bench-media-user');
const filesDir = path.join(cache, 'bench-media-files');
const filePath = path.join(filesDir, 'delivery-records-40mb.pdf');

const gowa = new WhatsAppWebSimulator({
	user: 'bench',
	password: 'bench-pass',
	devices: ['bench'],
});
const oneMsg = new OneMsgSimulator({ channelId: '1', token: 'bench-token' });
let server: Awaited<ReturnType<typeof n8n.startN8n>>;

/** Webhook → Read/Write Files (the 40 MB file) → Send Media (document, binary) on one node. */
function workflow(id: string, node: object) {
	const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		id,
		name: `Benchmark ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'webhook',
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: id,
				parameters: { httpMethod: 'POST', path: id, responseMode: 'lastNode', options: {} },
			},
			{
				id: 'read',
				name: 'Read The File',
				type: 'n8n-nodes-base.readWriteFile',
				typeVersion: 1.1,
				position: [200, 0],
				parameters: { operation: 'read', fileSelector: filePath, options: {} },
			},
			{
				id: 'send',
				name: 'Send',
				typeVersion: 1,
				position: [400, 0],
				...node,
			},
		],
		connections: { Start: link('Read The File'), 'Read The File': link('Send') },
	};
}

const media = {
	operation: 'sendMedia',
	recipient: '+254722000111',
	mediaType: 'document',
	mediaSource: 'binary',
	binaryPropertyName: 'data',
	options: {},
};

function rssMb(pid: number) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Posts to the workflow once; its answer and the n8n process's peak RSS growth meanwhile. */
async function measure(webhookPath: string) {
	const pid = server.child.pid!;
	const before = rssMb(pid);
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 5);
	const response = await fetch(`http://127.0.0.1:${PORT}/webhook/${webhookPath}`, {
		method: 'POST',
	});
	const body = (await response.json()) as Record<string, unknown>;
	clearInterval(sampler);
	return { status: response.status, body, growthMb: peak - before };
}

beforeAll(async () => {
	n8n.ensureRuntime();
	n8n.prepareUserFolder(userFolder, n8n.packPackage(cache));
	fs.mkdirSync(filesDir, { recursive: true });
	// Not compressible into a smaller share of memory: every byte differs from its neighbours.
	const block = Buffer.alloc(MB);
	for (let i = 0; i < block.length; i++) block[i] = (i * 7919) & 0xff;
	fs.writeFileSync(filePath, Buffer.concat(Array.from({ length: fileBytes / MB }, () => block)));
	await gowa.start();
	await oneMsg.start();
	oneMsg.sessionOpen = () => true;
	const dir = path.join(userFolder, 'bench-media-workflows');
	fs.mkdirSync(dir, { recursive: true });
	const flows = [
		workflow('bench-media-gowa', {
			type: 'n8n-nodes-whatsapp-handoff.whatsAppWeb',
			parameters: media,
			credentials: { whatsAppWebApi: { id: 'benchMediaGowa01', name: 'bench GOWA' } },
		}),
		workflow('bench-media-1msg', {
			type: 'n8n-nodes-whatsapp-handoff.oneMsg',
			parameters: media,
			credentials: { oneMsgApi: { id: 'benchMedia1Msg01', name: 'bench 1MSG' } },
		}),
	];
	flows.forEach((flow) =>
		fs.writeFileSync(path.join(dir, `${flow.id}.json`), JSON.stringify(flow)),
	);
	n8n.importTemplates(
		userFolder,
		PORT,
		[
			{
				id: 'benchMediaGowa01',
				name: 'bench GOWA',
				type: 'whatsAppWebApi',
				data: { baseUrl: gowa.url, user: 'bench', password: 'bench-pass', deviceId: 'bench' },
			},
			{
				id: 'benchMedia1Msg01',
				name: 'bench 1MSG',
				type: 'oneMsgApi',
				data: { token: 'bench-token', channelId: '1', baseUrl: oneMsg.url },
			},
		],
		dir,
	);
	server = await n8n.startN8n(userFolder, PORT, {
		env: {
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
			N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
		},
	});
	await n8n.waitForWebhooks(PORT, ['bench-media-gowa', 'bench-media-1msg']);
}, 15 * 60_000);

afterAll(async () => {
	await server?.stop();
	await gowa.stop();
	await oneMsg.stop();
	fs.rmSync(filesDir, { recursive: true, force: true });
});

it('media row: a 40 MB document from binary data, peak memory growth of the n8n process', async () => {
	// A first run of each warms n8n up (code loaded, connections made).
	await measure('bench-media-gowa');
	const viaGowa = await measure('bench-media-gowa');
	await measure('bench-media-1msg');
	const viaOneMsg = await measure('bench-media-1msg');
	const upload = gowa.sends('/send/file').at(-1)!;
	const sizeMb = fileBytes / MB;
	process.stdout.write(
		[
			'',
			`Send Media, a ${sizeMb} MB document from binary data (real n8n 2.41.1, binary data on disk):`,
			`  GOWA (multipart, streamed): peak memory growth ${viaGowa.growthMb.toFixed(1)} MB = ${(viaGowa.growthMb / sizeMb).toFixed(2)} × the file; answered ${viaGowa.status}`,
			`  1MSG (data URI inside JSON, streamed): peak memory growth ${viaOneMsg.growthMb.toFixed(1)} MB = ${(viaOneMsg.growthMb / sizeMb).toFixed(2)} × the file; answered ${viaOneMsg.status}`,
			'',
		].join('\n'),
	);
	expect(viaGowa.status).toBe(200);
	expect(upload.files!.file.data.length).toBe(fileBytes);
	expect(upload.files!.file.data.equals(fs.readFileSync(filePath))).toBe(true);
	expect(viaOneMsg.status).toBe(200);
});
