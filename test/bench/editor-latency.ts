/**
 * Edit-to-diagnostics latency of the language server on 300 KB contracts (p50, p95), and its memory: a
 * real LSP client over stdio changes the document as an editor does (incremental changes, the sync the
 * server asks for) and, as VS Code does, asks for the code actions at the cursor after every change and
 * for the code lenses after most; it waits for each version's diagnostics. Per contract:
 * - typing, one keystroke at a time, inside a sentence in the middle of the contract;
 * - adding a sentence with a security obligation (a notification deadline no cache has seen) to a
 *   different paragraph each time, which changes topics, findings and contradictions;
 * - typing at 8 keystrokes a second with the editor's debounce, without waiting: how long the requests
 *   take to be answered, and how long after the last keystroke its diagnostics come.
 * The contracts: a real CUAD contract without headings, a Dutch one of real Dutch text, and the
 * synthetic one with a heading every few lines (large-contract.ts); without ../shared, the synthetic one.
 * Then server memory over 2,000 keystrokes in the first contract (--no-session leaves it out).
 * Run on its own, it prints the figures as JSON (bench.ts runs it so, in a process of its own).
 */
import { readFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { TestClient, SERVER, type Range } from '../lsp/lsp-client.js';
import { CUAD_CONTRACT, dutchContract, largeContract } from './large-contract.js';

export interface Percentiles { p50: number; p95: number }
export interface CaseLatency {
  name: string;
  bytes: number;
  open: number;
  typing: Percentiles;
  sentence: Percentiles;
  /** Code-action and code-lens requests sent with the edits above: request to response. */
  requests: Percentiles;
  /** At 8 keystrokes a second: requests, and the diagnostics of the last version after its keystroke. */
  /** null: no diagnostics for the last version within a minute. */
  brisk: { requests: Percentiles; lastDiagnostics: number | null };
  rssMb: number;
  /**
   * The server's CPU time per edit (user + system, mean over the edits, their requests included): on a
   * loaded machine the latencies above wait for a core too, this does not.
   */
  cpuPerEdit: { typing: number; sentence: number };
  /** The machine's load average (1 minute) when the case began: what the latencies were measured beside. */
  load: number;
}
/** Server memory (RSS) over a long editing session of the first contract: after 200, 1,000 and 2,000 keystrokes. */
export interface SessionMemory { name: string; rssMb: { edits: number; mb: number }[] }
export interface EditorLatency { cases: CaseLatency[]; memory: SessionMemory | null }

/** The editor's own debounce, for the run at typing speed (DEFAULT_DEBOUNCE_MS in session.ts). */
const EDITOR_DEBOUNCE_MS = 150;
const KEYSTROKE_MS = 125;

interface Case {
  name: string;
  text: string;
  /** Not marked as a contract: linted by the command, as a user would check a contract as received. */
  byCommand: boolean;
  /** Where the typing goes: inside a sentence, the middle of the contract. */
  typingAt: (text: string) => number;
  typed: string;
  /** Where the i-th added sentence goes: the end of a paragraph, a different one each time. */
  sentenceAt: (text: string, i: number) => number;
  sentence: (i: number) => string;
}

/** The end of the n-th paragraph from the middle of the text that holds a sentence of some length. */
function paragraphEnd(text: string, n: number): number {
  let at = text.indexOf('\n\n', text.length / 2);
  for (let found = 0; at >= 0; at = text.indexOf('\n\n', at + 2)) {
    const start = text.lastIndexOf('\n\n', at - 1);
    if (/[a-z]{3,}[^\n]{60,}[.;:]$/.test(text.slice(start + 2, at)) && found++ === n * 3) return at;
  }
  throw new Error('no paragraph end left in the benchmark contract');
}

function cases(): Case[] {
  const out: Case[] = [];
  if (existsSync(CUAD_CONTRACT)) {
    out.push({
      name: 'CUAD franchise agreement (no headings)', text: readFileSync(CUAD_CONTRACT, 'utf8'), byCommand: true,
      typingAt: (text) => text.indexOf(' shall ', text.length / 2) + ' shall '.length, typed: 'promptly and in writing ',
      sentenceAt: paragraphEnd, sentence: (i) => ` The Franchisor shall notify the Franchisee of any security incident affecting Customer data within ${6 + i} hours.`,
    });
  }
  const dutch = dutchContract();
  if (dutch) {
    out.push({
      name: 'Dutch IT terms (ARBIT, ARVODI, ARIV, model clauses)', text: dutch, byCommand: false,
      typingAt: (text) => text.indexOf(' zal ', text.length / 2) + ' zal '.length, typed: 'onverwijld en schriftelijk ',
      sentenceAt: paragraphEnd, sentence: (i) => ` Leverancier meldt Opdrachtgever elk beveiligingsincident binnen ${6 + i} uur.`,
    });
  }
  out.push({
    name: 'synthetic SaaS agreement (a heading every few lines)', text: largeContract(), byCommand: false,
    typingAt: (text) => text.indexOf('annually', text.indexOf('\n40.1 ')), typed: 'in full, without set-off, and ',
    // Articles 8, 20, 32, … are "Security incidents"; each gets its own new sentence after its first paragraph.
    sentenceAt: (text, i) => text.indexOf('\n', text.indexOf(`\n${8 + 12 * i}.1 `) + 1),
    sentence: (i) => ` The Provider shall notify the Customer's security officer of any Security Incident within ${6 + i} hours.`,
  });
  return out;
}

/** The document as the editor holds it: each edit changes the text and is sent as an incremental change. */
class EditorDocument {
  version = 1;
  cursor: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  constructor(private readonly client: TestClient, readonly uri: string, public text: string) {}

  /** Inserts text at an offset and sends the change; returns the new version. */
  insert(offset: number, inserted: string): number {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const position = { line, character: offset - (before.lastIndexOf('\n') + 1) };
    this.text = before + inserted + this.text.slice(offset);
    this.version++;
    void this.client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [{ range: { start: position, end: position }, text: inserted }],
    });
    const after = { line, character: position.character + inserted.length };
    this.cursor = { start: after, end: after };
    return this.version;
  }
}

/** The diagnostics of a version, waited for up to `seconds` (the client gives up on one wait after 20 s); false if none came. */
async function diagnosticsWithin(client: TestClient, uri: string, version: number, seconds: number): Promise<boolean> {
  for (const until = performance.now() + seconds * 1000; performance.now() < until;) {
    if (await client.waitForDiagnostics(uri, version, 0).then(() => true, () => false)) return true;
  }
  return false;
}

function percentiles(times: number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] };
}

/** What VS Code asks after a change: the code actions at the cursor, and (debounced) the code lenses. */
function requestsAfterEdit(client: TestClient, doc: EditorDocument, i: number, into: number[]): Promise<unknown>[] {
  const timed = (method: string, params: unknown) => {
    const start = performance.now();
    return client.request(method, params).then(() => into.push(performance.now() - start));
  };
  const textDocument = { uri: doc.uri };
  const out = [timed('textDocument/codeAction', { textDocument, range: doc.cursor, context: { diagnostics: [], triggerKind: 2 } })];
  if (i % 2 === 1) out.push(timed('textDocument/codeLens', { textDocument }));
  return out;
}

/** The time from sending an edit to the diagnostics of the version it made, with the requests VS Code sends. */
async function timed(client: TestClient, doc: EditorDocument, i: number, requests: number[], edit: () => number): Promise<number> {
  const start = performance.now();
  const version = edit();
  const asked = requestsAfterEdit(client, doc, i, requests);
  await client.waitForDiagnostics(doc.uri, version, 0);
  const ms = performance.now() - start;
  await Promise.all(asked);
  // The test client records every notification; an editor keeps only the latest diagnostics, and 300 KB
  // of them per edit, all kept, would make the client's garbage collection part of the next timing.
  client.notifications.length = 0;
  return ms;
}

async function openCase(client: TestClient, c: Case, uri: string): Promise<{ doc: EditorDocument; open: number }> {
  const doc = new EditorDocument(client, uri, c.text);
  const t0 = performance.now();
  client.open(doc.uri, doc.text);
  // The command answers once the diagnostics it made are published (before them, the not-a-contract hint may be).
  if (c.byCommand) await client.request('workspace/executeCommand', { command: '_clauselint.lintFile', arguments: [doc.uri] });
  else if (!(await diagnosticsWithin(client, doc.uri, 1, 300))) throw new Error(`${c.name}: no diagnostics within 5 minutes of opening it`);
  return { doc, open: performance.now() - t0 };
}

async function measureCase(c: Case, index: number, edits: number): Promise<CaseLatency> {
  const load = loadavg()[0];
  const client = new TestClient();
  try {
    await client.initialize({ initializationOptions: { debounceMs: 0 } });
    const { doc, open } = await openCase(client, c, `untitled:contract-${index}.md`);
    const requests: number[] = [];

    const typing: number[] = [];
    const at = c.typingAt(doc.text);
    const cpu0 = serverCpuMs(client);
    for (let i = 0; i < edits; i++) typing.push(await timed(client, doc, i, requests, () => doc.insert(at + i, c.typed[i % c.typed.length])));

    const sentence: number[] = [];
    const cpu1 = serverCpuMs(client);
    for (let i = 0; i < edits; i++) {
      const end = c.sentenceAt(doc.text, i);
      sentence.push(await timed(client, doc, i, requests, () => doc.insert(end, c.sentence(i))));
    }
    const cpuPerEdit = { typing: (cpu1 - cpu0) / edits, sentence: (serverCpuMs(client) - cpu1) / edits };

    const rssMb = serverRss(client);
    return { name: c.name, bytes: c.text.length, open, typing: percentiles(typing), sentence: percentiles(sentence), requests: percentiles(requests), brisk: await brisk(c, index, edits), rssMb, cpuPerEdit, load };
  } finally {
    await client.shutdown();
  }
}

const serverPid = (client: TestClient): number => (client as unknown as { process: { pid: number } }).process.pid;

function serverRss(client: TestClient): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid(client)}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** Linux's clock ticks a second (USER_HZ), the unit of /proc/<pid>/stat's times. */
const TICKS_PER_SECOND = 100;

/** The server's CPU time so far, user and system, in ms (ticks of 10 ms: read over many edits, not one). */
function serverCpuMs(client: TestClient): number {
  // After "pid (name) ", whose name may hold spaces: utime and stime are the 12th and 13th fields.
  const stat = readFileSync(`/proc/${serverPid(client)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** 2,000 keystrokes, each waited for, words typed into one clause: what the server keeps must stay bounded. */
async function sessionMemory(c: Case): Promise<SessionMemory> {
  const client = new TestClient();
  try {
    await client.initialize({ initializationOptions: { debounceMs: 0 } });
    const { doc } = await openCase(client, c, 'untitled:session.md');
    const at = c.typingAt(doc.text);
    const words = 'the supplier shall notify the customer promptly in writing of every incident and breach ';
    const rssMb: SessionMemory['rssMb'] = [];
    for (let i = 1; i <= 2_000; i++) {
      const version = doc.insert(at + i - 1, words[i % words.length]);
      await client.waitForDiagnostics(doc.uri, version, 0);
      client.notifications.length = 0;
      if (i === 200 || i === 1_000 || i === 2_000) rssMb.push({ edits: i, mb: serverRss(client) });
    }
    return { name: c.name, rssMb };
  } finally {
    await client.shutdown();
  }
}

/** Typing at 8 keystrokes a second, as the editor runs the server (its debounce), never waiting for an answer. */
async function brisk(c: Case, index: number, edits: number): Promise<CaseLatency['brisk']> {
  const client = new TestClient();
  try {
    await client.initialize({ initializationOptions: { debounceMs: EDITOR_DEBOUNCE_MS } });
    const { doc } = await openCase(client, c, `untitled:brisk-${index}.md`);
    const requests: number[] = [];
    const asked: Promise<unknown>[] = [];
    const at = c.typingAt(doc.text);
    let last = 0;
    for (let i = 0; i < edits; i++) {
      const due = performance.now() + KEYSTROKE_MS;
      doc.insert(at + i, c.typed[i % c.typed.length]);
      last = performance.now();
      asked.push(...requestsAfterEdit(client, doc, i, requests));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    }
    const lastDiagnostics = (await diagnosticsWithin(client, doc.uri, doc.version, 60)) ? performance.now() - last : null;
    await Promise.all(asked);
    return { requests: percentiles(requests), lastDiagnostics };
  } finally {
    await client.shutdown();
  }
}

export async function editorLatency(edits = 30): Promise<EditorLatency | undefined> {
  if (!existsSync(SERVER)) return undefined;
  const all = cases();
  const out: CaseLatency[] = [];
  for (const [i, c] of all.entries()) out.push(await measureCase(c, i, edits));
  return { cases: out, memory: process.argv.includes('--no-session') ? null : await sessionMemory(all[0]) };
}

if (process.argv[1]?.endsWith('editor-latency.ts')) console.log(JSON.stringify((await editorLatency()) ?? null));
