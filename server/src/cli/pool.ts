/**
 * --concurrency: the files' analyses spread over worker threads. The command stays synchronous: it hands
 * each worker one file at a time and sleeps (Atomics.wait) until a worker posts a result, which it takes
 * with receiveMessageOnPort. Results are handed back by index, so the caller puts them in the order of a
 * single-threaded run. A worker runs this same module (or the bundle holding it), marked by WORKER_MARK.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { Language } from '../engine/types.js';
import { analyseForReport, type FileEntry, type FileJob } from './entry.js';
import { s } from './strings.js';

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
 * they finish. When workers cannot start (or all stop), the rest is analysed here, and `warn` says why,
 * in `lang` (the command's), as it says a thread's crash in the failed file's line.
 */
export function analyseAll(jobs: FileJob[], threads: number, done: (index: number, outcome: Outcome) => void, warn: (problem: string) => void, lang: Language = 'en'): void {
  const finished = new Set<number>();
  if (Math.min(threads, jobs.length) > 1) {
    const problem = inWorkers(jobs, Math.min(threads, jobs.length), (index, outcome) => { finished.add(index); done(index, outcome); }, lang);
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

/**
 * Each worker is started by a guard thread that only listens for its end: this thread sleeps in
 * Atomics.wait and would never see a worker's 'exit' event, so a worker that crashed (an uncaught error,
 * out of memory) would leave it waiting for ever. The guard posts why the worker stopped, and wakes it.
 */
const GUARD = `
const { Worker, workerData } = require('node:worker_threads');
const { stopped, ...analyser } = workerData;
const worker = new Worker(${JSON.stringify(BOOTSTRAP)}, { eval: true, workerData: analyser, transferList: [analyser.jobs, analyser.results] });
let told = false;
const tell = (why) => {
  if (told) return;
  told = true;
  stopped.postMessage(why);
  Atomics.add(analyser.posted, 0, 1);
  Atomics.notify(analyser.posted, 0);
};
worker.on('error', (err) => tell({ error: String((err && err.message) || err).split('\\n')[0] }));
worker.on('exit', (exitCode) => tell({ exitCode }));`;

interface Slot { jobs: MessagePort; results: MessagePort; stopped: MessagePort; guard: Worker; current?: number }

/** Why a worker stopped, as its guard posts it: its uncaught error's message, or its exit code. */
type Stopped = { error: string } | { exitCode: number };
const reasonOf = (stopped: Stopped, lang: Language) => ('error' in stopped ? stopped.error : s(lang, 'pool.exitCode', { code: stopped.exitCode }));

/** The problem that stopped the workers, if one did. */
function inWorkers(jobs: FileJob[], count: number, done: (index: number, outcome: Outcome) => void, lang: Language): string | undefined {
  // Counts the messages posted: a worker or guard adds one after posting, so a wait on a stale count returns at once.
  const posted = new Int32Array(new SharedArrayBuffer(4));
  let slots: Slot[] = [];
  let next = 0, finished = 0;
  const give = (slot: Slot) => {
    slot.current = undefined;
    if (next < jobs.length) { slot.current = next; slot.jobs.postMessage({ index: next, job: jobs[next] }); next++; }
  };
  const close = (slot: Slot) => { slot.jobs.close(); slot.results.close(); slot.stopped.close(); void slot.guard.terminate(); };
  try {
    for (let i = 0; i < count; i++) {
      const jobsChannel = new MessageChannel(), resultsChannel = new MessageChannel(), stoppedChannel = new MessageChannel();
      const workerData = { mark: WORKER_MARK, entry: import.meta.url, jobs: jobsChannel.port2, results: resultsChannel.port2, posted, stopped: stoppedChannel.port2 };
      const guard = new Worker(GUARD, { eval: true, workerData, transferList: [jobsChannel.port2, resultsChannel.port2, stoppedChannel.port2] });
      const slot: Slot = { jobs: jobsChannel.port1, results: resultsChannel.port1, stopped: stoppedChannel.port1, guard };
      slots.push(slot);
      give(slot);
    }
    while (finished < jobs.length) {
      const seen = Atomics.load(posted, 0);
      let received = false;
      for (const slot of slots) {
        for (let m = receiveMessageOnPort(slot.results); m; m = receiveMessageOnPort(slot.results)) {
          const message = m.message as { index: number; outcome: Outcome } | { failed: string };
          if ('failed' in message) return s(lang, 'pool.cannotStart', { reason: message.failed });
          received = true;
          finished++;
          give(slot);
          done(message.index, message.outcome);
        }
        const stopped = receiveMessageOnPort(slot.stopped);
        if (stopped) {
          // The file it was analysing fails, with one line; the other workers (or this thread) take the rest.
          received = true;
          if (slot.current !== undefined) { finished++; done(slot.current, { error: s(lang, 'pool.threadStopped', { reason: reasonOf(stopped.message as Stopped, lang) }) }); }
          close(slot);
          slots = slots.filter((s) => s !== slot);
        }
      }
      if (!slots.length && finished < jobs.length) return s(lang, 'pool.allStopped');
      if (!received) Atomics.wait(posted, 0, seen);
    }
    return undefined;
  } finally {
    for (const slot of slots) close(slot);
  }
}

if (isAnalysisWorker) {
  const { jobs, results, posted } = workerData as { jobs: MessagePort; results: MessagePort; posted: Int32Array };
  jobs.on('message', ({ index, job }: { index: number; job: FileJob }) => {
    results.postMessage({ index, outcome: outcomeOf(job) });
    Atomics.add(posted, 0, 1);
    Atomics.notify(posted, 0);
  });
}
