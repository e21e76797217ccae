/**
 * --concurrency: the files' analyses spread over worker threads. The command stays synchronous: it hands
 * each worker one file at a time and sleeps (Atomics.wait) until a worker posts a result, which it takes
 * with receiveMessageOnPort. Results are handed back by index, so the caller puts them in the order of a
 * single-threaded run. A worker runs this same module (or the bundle holding it), marked by WORKER_MARK.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { analyseForReport, type FileEntry, type FileJob } from './entry.js';

const WORKER_MARK = 'clauselint-analysis-worker';

/** True in a worker thread started by the pool: the command's entry point must then not run. */
export const isAnalysisWorker = !isMainThread && (workerData as { mark?: string } | null)?.mark === WORKER_MARK;

export type Outcome = { entry: FileEntry } | { error: string };

/** --concurrency off, auto (one thread per core) or a number of threads. */
export function threadsFor(value: string): number | undefined {
  if (value === 'off') return 1;
  if (value === 'auto') return availableParallelism();
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

function outcomeOf(job: FileJob): Outcome {
  try { return { entry: analyseForReport(job) }; } catch (err) {
    return { error: String((err as Error)?.message ?? err).split('\n')[0] };
  }
}

/**
 * Analyses every job, on `threads` threads; `done` is called once per job, on this thread, in the order
 * they finish. When workers cannot start (or stop), the rest is analysed here, and `warn` says why.
 */
export function analyseAll(jobs: FileJob[], threads: number, done: (index: number, outcome: Outcome) => void, warn: (problem: string) => void): void {
  const finished = new Set<number>();
  if (Math.min(threads, jobs.length) > 1) {
    const problem = inWorkers(jobs, Math.min(threads, jobs.length), (index, outcome) => { finished.add(index); done(index, outcome); });
    if (problem) warn(problem);
  }
  jobs.forEach((job, i) => { if (!finished.has(i)) done(i, outcomeOf(job)); });
}

/**
 * A worker starts from this bootstrap, which imports the module holding the pool: a module that fails
 * to load is then a message, not an 'error' event (events wait for this thread, which sleeps meanwhile).
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.entry).catch((err) => {
  workerData.results.postMessage({ failed: String((err && err.message) || err).split('\\n')[0] });
  Atomics.add(workerData.posted, 0, 1);
  Atomics.notify(workerData.posted, 0);
});`;

/** The problem that stopped the workers, if one did. */
function inWorkers(jobs: FileJob[], count: number, done: (index: number, outcome: Outcome) => void): string | undefined {
  // Counts the messages posted: a worker adds one after posting, so a wait on a stale count returns at once.
  const posted = new Int32Array(new SharedArrayBuffer(4));
  const workers: { worker: Worker; results: MessagePort }[] = [];
  let next = 0;
  const give = (worker: Worker) => {
    if (next < jobs.length) { worker.postMessage({ index: next, job: jobs[next] }); next++; }
  };
  try {
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { mark: WORKER_MARK, entry: import.meta.url, results: port2, posted }, transferList: [port2] });
      workers.push({ worker, results: port1 });
      give(worker);
    }
    let finished = 0;
    while (finished < jobs.length) {
      const seen = Atomics.load(posted, 0);
      let received = false;
      for (const { worker, results } of workers) {
        for (let m = receiveMessageOnPort(results); m; m = receiveMessageOnPort(results)) {
          const message = m.message as { index: number; outcome: Outcome } | { failed: string };
          if ('failed' in message) return `worker threads could not start (${message.failed}); analysing on one thread`;
          received = true;
          finished++;
          give(worker);
          done(message.index, message.outcome);
        }
      }
      if (!received) Atomics.wait(posted, 0, seen);
    }
    return undefined;
  } finally {
    for (const { worker, results } of workers) { results.close(); void worker.terminate(); }
  }
}

if (isAnalysisWorker) {
  const { results, posted } = workerData as { results: MessagePort; posted: Int32Array };
  parentPort!.on('message', ({ index, job }: { index: number; job: FileJob }) => {
    results.postMessage({ index, outcome: outcomeOf(job) });
    Atomics.add(posted, 0, 1);
    Atomics.notify(posted, 0);
  });
}
