import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { errorItemJson, toNodeError } from '../errors/nodeError';
import { redact, secretsOf } from '../errors/redact';
import type { Provider } from '../providers/provider';

export type ItemJob = (itemIndex: number) => Promise<IDataObject>;

/**
 * Says which failed items leave by a second output instead of failing, and what they carry there
 * beside their input data (e.g. a closed 24-hour session, for a template fallback).
 */
export type Divert = (error: unknown) => IDataObject | undefined;

export interface RunOutputs {
	/** One item per input item that was not diverted, in input order */
	items: INodeExecutionData[];
	/** The diverted items, in input order */
	diverted: INodeExecutionData[];
}

/**
 * Runs one job per input item, `concurrency` at a time, and returns one output item per input
 * item in input order, each paired with its input; items `divert` claims go to `diverted`.
 * Workers pull the next index, so memory holds at most `concurrency` pending requests whatever
 * the item count.
 */
export async function runItems(
	context: IExecuteFunctions,
	provider: Provider,
	credentials: ICredentialDataDecryptedObject,
	concurrency: number,
	job: ItemJob,
	divert?: Divert,
	/** Whether the job's output still needs secrets taken out (false: the job did it) */
	redactOutput = true,
): Promise<RunOutputs> {
	const input = context.getInputData();
	const itemCount = input.length;
	const secrets = secretsOf(provider, credentials);
	const continueOnFail = context.continueOnFail();
	const node = context.getNode();

	const results: INodeExecutionData[] = new Array(itemCount);
	const diverted: INodeExecutionData[] = new Array(itemCount);
	let next = 0;
	// The lowest-index error stops new items from starting; in-flight ones finish.
	const stop: { index: number; error?: Error } = { index: Infinity };

	const worker = async () => {
		while (stop.error === undefined && next < itemCount) {
			const itemIndex = next++;
			try {
				const json = await job(itemIndex);
				results[itemIndex] = {
					json: redactOutput ? redact(json, secrets) : json,
					pairedItem: { item: itemIndex },
				};
			} catch (error) {
				const details = divert?.(error);
				if (details) {
					diverted[itemIndex] = {
						json: { ...input[itemIndex]?.json, ...redact(details, secrets) },
						pairedItem: { item: itemIndex },
					};
					continue;
				}
				const nodeError = toNodeError(node, error, secrets, itemIndex);
				if (continueOnFail) {
					results[itemIndex] = {
						json: errorItemJson(nodeError, error),
						pairedItem: { item: itemIndex },
					};
				} else if (itemIndex < stop.index) {
					stop.index = itemIndex;
					stop.error = nodeError;
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, itemCount) }, worker));
	if (stop.error !== undefined) throw stop.error;
	const present = (item: INodeExecutionData | undefined) => item !== undefined;
	return { items: results.filter(present), diverted: diverted.filter(present) };
}
