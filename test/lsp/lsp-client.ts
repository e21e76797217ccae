/**
 * A small, real LSP client for the protocol tests: it starts dist/server.cjs over stdio, speaks JSON-RPC
 * through vscode-jsonrpc, answers the server's requests (workspace/configuration, registrations) and
 * records every notification, so a test waits for the event it expects and never for time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.cjs');

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic { range: Range; severity?: number; code?: string | number; codeDescription?: { href: string }; source?: string; message: string; data?: unknown }
export interface PublishDiagnosticsParams { uri: string; version?: number; diagnostics: Diagnostic[] }
export interface Notification { method: string; params: any }

/** How long to wait for an event before the test fails (a guard, not a pause). */
const EVENT_TIMEOUT_MS = 20_000;

export class TestClient {
  readonly connection: MessageConnection;
  readonly notifications: Notification[] = [];
  /** What workspace/configuration answers for the section "clauselint". */
  settings: Record<string, unknown> = {};
  readonly stderr: string[] = [];
  private readonly process: ChildProcessWithoutNullStreams;
  private waiters: { match: (n: Notification) => boolean; resolve: (n: Notification) => void }[] = [];
  private versions = new Map<string, number>();

  constructor(args: string[] = ['--stdio']) {
    this.process = spawn(process.execPath, [SERVER, ...args], { stdio: 'pipe' });
    this.process.stderr.on('data', (d) => this.stderr.push(String(d)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification((method, params) => {
      const n = { method, params };
      this.notifications.push(n);
      this.waiters = this.waiters.filter((w) => (w.match(n) ? (w.resolve(n), false) : true));
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => (i.section === 'clauselint' ? this.settings : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(extra: Record<string, unknown> = {}): Promise<any> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          synchronization: { didSave: true },
        },
      },
      initializationOptions: { debounceMs: 100 },
      ...extra,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the first notification from now on (or already recorded after `since`) that matches. */
  waitFor(match: (n: Notification) => boolean, since = this.notifications.length, what = 'a notification'): Promise<Notification> {
    const seen = this.notifications.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`)), EVENT_TIMEOUT_MS);
      this.waiters.push({ match, resolve: (n) => { clearTimeout(timer); resolve(n); } });
    });
  }

  /** With a version and no `since`, any notification so far counts: a uri and version are published once. */
  waitForDiagnostics(uri: string, version?: number, since = version === undefined ? this.notifications.length : 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && (version === undefined || n.params.version === version), since, `diagnostics for ${uri}${version !== undefined ? ` version ${version}` : ''}`)
      .then((n) => n.params as PublishDiagnosticsParams);
  }

  waitForCoverage(uri: string, version?: number, since = version === undefined ? this.notifications.length : 0): Promise<any> {
    return this.waitFor((n) => n.method === 'clauselint/coverage' && n.params.uri === uri && (version === undefined || n.params.version === version), since, `coverage for ${uri}`)
      .then((n) => n.params);
  }

  diagnosticsOf(uri: string, since = 0): PublishDiagnosticsParams[] {
    return this.notifications.slice(since).filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params);
  }

  open(uri: string, text: string, languageId = 'markdown'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch { this.process.kill(); }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}
