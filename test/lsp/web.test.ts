/**
 * The web build: dist/server-web.js (the language server for a web worker) runs with no Node module at
 * all. It is loaded in a worker_threads Worker that offers only what a browser worker has (`self` with
 * postMessage and onmessage; no `require`), and driven over JSON-RPC like the stdio server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Message, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from './lsp-client.js';

const SERVER_WEB = join(ROOT, 'dist', 'server-web.js');
const CLIENT_WEB = join(ROOT, 'dist', 'client-web.cjs');
const skip = existsSync(SERVER_WEB) ? false : 'dist/server-web.js is missing: run npm run build first';

/** A browser-like worker: the bundle runs in the worker's global scope, where `require` does not exist. */
const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { runInThisContext } = require('node:vm');
let listener;
parentPort.on('message', (data) => listener?.({ data }));
globalThis.self = {
  postMessage: (m) => parentPort.postMessage(m),
  addEventListener() {},
  set onmessage(fn) { listener = fn; },
};
runInThisContext(readFileSync(workerData.file, 'utf8'), { filename: workerData.file });
`;

class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) { super(); }
  listen(callback: DataCallback) {
    const on = (m: Message) => callback(m);
    this.worker.on('message', on);
    return { dispose: () => { this.worker.off('message', on); } };
  }
}
class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) { super(); }
  async write(msg: Message): Promise<void> { this.worker.postMessage(msg); }
  end(): void {}
}

describe('the language server in a web worker (dist/server-web.js)', { skip }, () => {
  let worker: Worker;
  let connection: MessageConnection;
  const diagnostics: { uri: string; diagnostics: unknown[] }[] = [];
  const coverage: { uri: string; coverage: unknown; reason?: string }[] = [];
  let waiting: (() => void) | undefined;

  before(async () => {
    worker = new Worker(BOOT, { eval: true, workerData: { file: SERVER_WEB } });
    connection = createMessageConnection(new WorkerReader(worker), new WorkerWriter(worker));
    connection.onNotification('textDocument/publishDiagnostics', (p: any) => { diagnostics.push(p); waiting?.(); });
    connection.onNotification('clauselint/coverage', (p: any) => { coverage.push(p); waiting?.(); });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
  });

  after(async () => {
    connection.dispose();
    await worker.terminate();
  });

  test('the bundle needs no Node module', () => {
    const bundle = readFileSync(SERVER_WEB, 'utf8');
    assert.doesNotMatch(bundle, /\brequire\(\s*["'](?:node:)?(?:fs|path|url|child_process|net|os)["']\s*\)/, 'no require of a Node module');
    assert.doesNotMatch(bundle, /\bdocument\.createElement\b/, 'nothing that needs a DOM (built with conditions: worker)');
  });

  test('initialize, then diagnostics and completion for a contract with front matter', { timeout: 60_000 }, async () => {
    const init = await connection.sendRequest('initialize', {
      processId: null, rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    }) as any;
    assert.equal(init.serverInfo.name, 'clauselint');
    assert.ok(init.capabilities.completionProvider);
    await connection.sendNotification('initialized', {});

    const text = readFileSync(join(ROOT, 'examples', 'saas-agreement.md'), 'utf8');
    const uri = 'vscode-test-web://mount/contracts/saas-agreement.md';
    const published = new Promise<void>((resolve) => { waiting = () => { if (diagnostics.some((d) => d.uri === uri)) resolve(); }; });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await published;
    const found = diagnostics.find((d) => d.uri === uri)!;
    assert.ok(found.diagnostics.length > 10, `findings in the worker: ${found.diagnostics.length}`);

    const line = text.slice(0, text.indexOf('## 1. Definitions')).split('\n').length - 1;
    const withTrigger = text.replace('## 1. Definitions', '/clause\n\n## 1. Definitions');
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withTrigger }] });
    const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 7 } }) as any;
    assert.ok(completion.items.length > 10, 'catalogue clauses in the worker');
  });

  test('a file without front matter is checked when the configuration files the client sent govern its folder', { timeout: 60_000 }, async () => {
    const body = readFileSync(join(ROOT, 'examples', 'saas-agreement.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const uri = 'vscode-test-web://mount/governed/msa.md';
    const latest = () => diagnostics.filter((d) => d.uri === uri).at(-1);
    const next = (check: () => boolean) => new Promise<void>((resolve) => { waiting = () => { if (check()) resolve(); }; });

    const unchecked = next(() => coverage.some((c) => c.uri === uri));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: body } });
    await unchecked;
    assert.deepEqual(coverage.filter((c) => c.uri === uri).map((c) => c.coverage), [null], 'no front matter, no configuration: not a contract');
    // It reads like a contract: one hint on its title says it is not checked, and how to turn checking on.
    assert.deepEqual((latest()?.diagnostics as { code: string; severity: number }[] | undefined)?.map((d) => [d.code, d.severity]), [['not-marked', 3]], 'and no findings, only the notice (information)');

    const config = { uri: 'vscode-test-web://mount/governed/.clauselintrc.json', text: '{ "type": "saas", "rules": { "security-testing": "error" } }' };
    const checked = next(() => (latest()?.diagnostics as any[] | undefined)?.some((d) => d.code !== 'not-marked') ?? false);
    await connection.sendNotification('clauselint/configFiles', { files: [config] });
    await checked;
    const testing = (latest()!.diagnostics as any[]).find((d) => d.code === 'security-testing');
    assert.equal(testing?.severity, 1, 'the configuration\'s severity applies');

    const broken = next(() => (latest()?.diagnostics as any[] | undefined)?.some((d) => /\.clauselintrc\.json/.test(d.message)) ?? false);
    await connection.sendNotification('clauselint/configFiles', { files: [{ ...config, text: '{ "type": "saas", ' }] });
    await broken;

    const gone = next(() => (latest()?.diagnostics as any[] | undefined)?.every((d) => d.code === 'not-marked') ?? false);
    await connection.sendNotification('clauselint/configFiles', { files: [] });
    await gone;

    await connection.sendRequest('shutdown');
  });

  test('the web client is a browser bundle that leaves vscode external', { skip: existsSync(CLIENT_WEB) ? false : 'dist/client-web.cjs is missing' }, () => {
    const bundle = readFileSync(CLIENT_WEB, 'utf8');
    assert.match(bundle, /require\("vscode"\)/);
    assert.doesNotMatch(bundle, /\brequire\(\s*["'](?:node:)?(?:fs|path|child_process|net)["']\s*\)/);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.browser, './dist/client-web.cjs');
  });
});
