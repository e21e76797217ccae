/**
 * In a pool worker, before the pool's own handler: a contract that asks for it stops the worker as a
 * crash would, by process.exit, or by an error in the handler that nothing catches (as when a result
 * cannot be posted).
 */
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';

const ports = isMainThread ? undefined : (workerData as { jobs?: MessagePort; results: MessagePort } | null);
ports?.jobs?.on('message', ({ job }: { job: { text: string } }) => {
  if (job.text.includes('EXIT THE WORKER')) process.exit(3);
  if (job.text.includes('THROW IN THE WORKER')) ports.results.postMessage = () => { throw new Error('nobody catches this'); };
});
