/**
 * --concurrency: the files' analyses spread over worker threads. The command stays synchronous: it hands
 * each worker one file at a time and sleeps (Atomics.wait) until a worker posts a result, which it takes
 * with receiveMessageOnPort. Results are handed back by index, so the caller puts them in the order of a
 * single-threaded run. A worker runs this same module (or the bundle holding it), marked by WORKER_MARK.
 * Jobs are taken from their source only as a thread is free for one, so that a run holds the texts of
 * the files being analysed, not of every file (memory stays flat over thousands of contracts).
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

interface Numbered { index: number; job: FileJob }

/** The jobs numbered in the order they come; a job a worker did not finish is given back, to be taken again. */
class Feed {
  private taken = 0;
  private readonly givenBack: Numbered[] = [];
  constructor(private readonly jobs: Iterator<FileJob>) {}

  next(): Numbered | undefined {
    if (this.givenBack.length) return this.givenBack.pop();
    const { done, value } = this.jobs.next();
    return done ? undefined : { index: this.taken++, job: value };
  }

  giveBack(job: Numbered): void {
    this.givenBack.push(job);
  }
}

/**
 * Analyses every job, on `threads` threads; `done` is called once per job, on this thread, in the order
 * they finish, with the job's index in `jobs`. When workers cannot start (or all stop), the rest is
 * analysed here, and `warn` says why, in `lang` (the command's), as it says a thread's crash in the failed file's line.
 */
export function analyseAll(jobs: Iterable<FileJob>, threads: number, done: (index: number, outcome: Outcome) => void, warn: (problem: string) => void, lang: Language = 'en'): void {
  const feed = new Feed(jobs[Symbol.iterator]());
  if (threads > 1) {
    const problem = inWorkers(feed, threads, done, lang);
    if (problem) warn(problem);
  }
  for (let next = feed.next(); next; next = feed.next()) done(next.index, outcomeOf(next.job));
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

interface Slot { jobs: MessagePort; results: MessagePort; stopped: MessagePort; guard: Worker; current?: Numbered }

/** Why a worker stopped, as its guard posts it: its uncaught error's message, or its exit code. */
type Stopped = { error: string } | { exitCode: number };
const reasonOf = (stopped: Stopped, lang: Language) => ('error' in stopped ? stopped.error : s(lang, 'pool.exitCode', { code: stopped.exitCode }));

/**
 * The problem that stopped the workers, if one did; the jobs they did not finish are back in `feed`.
 * Up to `threads` workers, one per job of the first ones: none for a single file, which this thread analyses faster.
 */
function inWorkers(feed: Feed, threads: number, done: (index: number, outcome: Outcome) => void, lang: Language): string | undefined {
  const first: Numbered[] = [];
  while (first.length < threads) {
    const next = feed.next();
    if (!next) break;
    first.push(next);
  }
  if (first.length < 2) { first.forEach((job) => feed.giveBack(job)); return undefined; }
  // Counts the messages posted: a worker or guard adds one after posting, so a wait on a stale count returns at once.
  const posted = new Int32Array(new SharedArrayBuffer(4));
  let slots: Slot[] = [];
  const give = (slot: Slot, job = feed.next()) => {
    slot.current = job;
    if (job) slot.jobs.postMessage(job);
  };
  const close = (slot: Slot) => { slot.jobs.close(); slot.results.close(); slot.stopped.close(); void slot.guard.terminate(); };
  const giveBackUnfinished = () => { for (const slot of slots) if (slot.current) feed.giveBack(slot.current); };
  try {
    for (const job of first) {
      const jobsChannel = new MessageChannel(), resultsChannel = new MessageChannel(), stoppedChannel = new MessageChannel();
      const workerData = { mark: WORKER_MARK, entry: import.meta.url, jobs: jobsChannel.port2, results: resultsChannel.port2, posted, stopped: stoppedChannel.port2 };
      const guard = new Worker(GUARD, { eval: true, workerData, transferList: [jobsChannel.port2, resultsChannel.port2, stoppedChannel.port2] });
      const slot: Slot = { jobs: jobsChannel.port1, results: resultsChannel.port1, stopped: stoppedChannel.port1, guard };
      slots.push(slot);
      give(slot, job);
    }
    while (slots.some((slot) => slot.current)) {
      const seen = Atomics.load(posted, 0);
      let received = false;
      for (const slot of slots) {
        for (let m = receiveMessageOnPort(slot.results); m; m = receiveMessageOnPort(slot.results)) {
          const message = m.message as { index: number; outcome: Outcome } | { failed: string };
          if ('failed' in message) { giveBackUnfinished(); return s(lang, 'pool.cannotStart', { reason: message.failed }); }
          received = true;
          done(message.index, message.outcome);
          give(slot);
        }
        const stopped = receiveMessageOnPort(slot.stopped);
        if (stopped) {
          // The file it was analysing fails, with one line; the other workers (or this thread) take the rest.
          received = true;
          if (slot.current) done(slot.current.index, { error: s(lang, 'pool.threadStopped', { reason: reasonOf(stopped.message as Stopped, lang) }) });
          close(slot);
          slots = slots.filter((s) => s !== slot);
        }
      }
      if (!slots.length) {
        const left = feed.next();
        if (!left) return undefined;
        feed.giveBack(left);
        return s(lang, 'pool.allStopped');
      }
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
