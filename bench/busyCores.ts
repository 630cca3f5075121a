// Another process keeping every core busy while a case runs, so the benchmark shows how the
// rate cap holds when the machine is loaded. Each spinner stops by itself after `limitMs`.
import { spawn } from 'child_process';
import * as os from 'os';

export async function whileCoresBusy<T>(run: () => Promise<T>, limitMs = 180_000): Promise<T> {
	const spin = `const end = Date.now() + ${limitMs}; while (Date.now() < end) {}`;
	const spinners = os.cpus().map(() => spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }));
	try {
		return await run();
	} finally {
		for (const spinner of spinners) spinner.kill('SIGKILL');
	}
}
