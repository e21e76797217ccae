/**
 * Edit-to-diagnostics latency of the language server on a 300 KB contract (p50, p95), and its memory:
 * a real LSP client over stdio changes the document as an editor does (incremental changes, the sync
 * the server asks for) and waits for each version's diagnostics. Two kinds of edit, measured apart:
 * typing, one keystroke at a time, inside a sentence of a clause in the middle of the contract; and
 * adding a sentence with a security obligation (a notification deadline no cache has seen) to a
 * different clause each time, which changes topics, findings and contradictions.
 * Run on its own, it prints the figures as JSON (bench.ts runs it so, in a process of its own).
 */
import { readFileSync, existsSync } from 'node:fs';
import { TestClient, SERVER } from '../lsp/lsp-client.js';
import { largeContract } from './large-contract.js';

export interface Percentiles { p50: number; p95: number }
export interface EditorLatency { open: number; typing: Percentiles; sentence: Percentiles; rssMb: number; bytes: number }

/** What the user types, a keystroke per edit, into "40.1 The Customer shall pay the Fees annually …". */
const TYPED = 'in full, without set-off, and ';

/** The document as the editor holds it: each edit changes the text and is sent as an incremental change. */
class EditorDocument {
  version = 1;

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
    return this.version;
  }
}

function percentiles(times: number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
}

/** The time from sending an edit to the diagnostics of the version it made. */
async function timed(client: TestClient, doc: EditorDocument, edit: () => number): Promise<number> {
  const start = performance.now();
  const version = edit();
  await client.waitForDiagnostics(doc.uri, version, 0);
  const ms = performance.now() - start;
  // The test client records every notification; an editor keeps only the latest diagnostics, and 300 KB
  // of them per edit, all kept, would make the client's garbage collection part of the next timing.
  client.notifications.length = 0;
  return ms;
}

export async function editorLatency(edits = 30): Promise<EditorLatency | undefined> {
  if (!existsSync(SERVER)) return undefined;
  const client = new TestClient();
  try {
    await client.initialize({ initializationOptions: { debounceMs: 0 } });
    const doc = new EditorDocument(client, 'untitled:large-contract.md', largeContract());
    const t0 = performance.now();
    client.open(doc.uri, doc.text);
    await client.waitForDiagnostics(doc.uri, 1);
    const open = performance.now() - t0;

    const typing: number[] = [];
    const at = doc.text.indexOf('annually', doc.text.indexOf('\n40.1 '));
    for (let i = 0; i < edits; i++) {
      typing.push(await timed(client, doc, () => doc.insert(at + i, TYPED[i % TYPED.length])));
    }

    // Articles 8, 20, 32, … are "Security incidents"; each gets its own new sentence after its first paragraph.
    const sentence: number[] = [];
    for (let i = 0; i < edits; i++) {
      const paragraph = doc.text.indexOf(`\n${8 + 12 * i}.1 `);
      const end = doc.text.indexOf('\n', paragraph + 1);
      const added = ` The Provider shall notify the Customer's security officer of any Security Incident within ${6 + i} hours.`;
      sentence.push(await timed(client, doc, () => doc.insert(end, added)));
    }

    const pid = (client as unknown as { process: { pid: number } }).process.pid;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    return { open, typing: percentiles(typing), sentence: percentiles(sentence), rssMb, bytes: doc.text.length };
  } finally {
    await client.shutdown();
  }
}

if (process.argv[1]?.endsWith('editor-latency.ts')) console.log(JSON.stringify((await editorLatency()) ?? null));
