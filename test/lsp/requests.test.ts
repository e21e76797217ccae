/**
 * Requests and analyses in the language server (issues 13 and 14): a request never starts an analysis of
 * its own, it is answered from the latest one or from the one its change scheduled; a version number sent
 * twice never brings back the results of another text; malformed requests get InvalidParams.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SERVER, TestClient } from './lsp-client.js';

const SAAS = readFileSync(join(ROOT, 'examples', 'saas-agreement.md'), 'utf8');
/** The contract with its weak notification clause ("without undue delay") given a deadline. */
const FIXED = SAAS.replace('without undue delay after becoming aware of a Security Incident', 'within 24 hours after becoming aware of a Security Incident');
const WEAK_AT = (() => {
  const at = SAAS.indexOf('without undue delay after becoming aware');
  const before = SAAS.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length + 3 };
})();
const weakFinding = (d: { range: { start: { line: number } }; message: string }) => d.range.start.line === WEAK_AT.line && /without undue delay/.test(d.message);
const INVALID_PARAMS = -32602;

async function errorCode(promise: Promise<unknown>): Promise<number | undefined> {
  try { await promise; } catch (err) { return (err as { code?: number }).code; }
  return undefined;
}

describe('requests and analyses in the language server', { skip: existsSync(SERVER) ? false : 'dist/server.cjs is missing: run npm run build first' }, () => {
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    await client.initialize();
  });

  after(async () => { await client.shutdown(); });

  test('malformed requests are answered with InvalidParams', async () => {
    const uri = 'untitled:malformed.md';
    client.open(uri, SAAS);
    await client.waitForDiagnostics(uri, 1);
    const textDocument = { uri };
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const malformed: [string, unknown][] = [
      ['textDocument/hover', { textDocument }],
      ['textDocument/hover', { textDocument, position: { line: -1, character: 0 } }],
      ['textDocument/hover', { textDocument, position: { line: '3', character: 0 } }],
      ['textDocument/hover', { position: { line: 0, character: 0 } }],
      ['textDocument/completion', { textDocument, position: { line: 1.5, character: 0 } }],
      ['textDocument/codeAction', { textDocument, range: null, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument, range: { start: range.end, end: range.start }, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: 'all' } }],
      ['textDocument/codeAction', { textDocument, range }],
      ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
      ['textDocument/codeLens', {}],
      ['clauselint/coverageReport', { uri: null }],
    ];
    for (const [method, params] of malformed) {
      assert.equal(await errorCode(client.request(method, params)), INVALID_PARAMS, `${method} ${JSON.stringify(params)}`);
    }
    // Well-formed requests still work afterwards.
    const symbols = await client.request('textDocument/documentSymbol', { textDocument });
    assert.ok(symbols.length > 0);
  });

  test('a version number sent twice never brings back the results of the other text', async () => {
    const uri = 'untitled:repeated.md';
    client.open(uri, SAAS);
    await client.waitForDiagnostics(uri, 1);
    const send = (version: number, text: string) => client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    const since = client.notifications.length;
    await send(2, FIXED);
    const first = await client.waitForDiagnostics(uri, 2, since);
    assert.ok(!first.diagnostics.some(weakFinding), 'the clause has its deadline');

    const again = client.notifications.length;
    await send(2, SAAS);
    const second = await client.waitForDiagnostics(uri, 2, again);
    assert.ok(second.diagnostics.some(weakFinding), 'the diagnostics are of the second text');
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: WEAK_AT });
    assert.match(hover?.contents.value ?? '', /without undue delay/, 'and so is the hover');
  });

  test('requests never start an analysis of their own: lenses and symbols come from the latest, hover and code actions bring the scheduled one forward', async () => {
    // A debounce longer than the test: only a request that needs the new text may run the scheduled analysis early.
    const slow = new TestClient();
    try {
      await slow.initialize({ initializationOptions: { debounceMs: 600_000 } });
      const uri = 'untitled:debounced.md';
      slow.open(uri, SAAS);
      await slow.waitForDiagnostics(uri, 1);
      const since = slow.notifications.length;
      const version = slow.change(uri, FIXED);
      const textDocument = { uri };
      const lenses = await slow.request('textDocument/codeLens', { textDocument });
      assert.equal(lenses.length, 1, 'the coverage lens of the latest analysis');
      const symbols = await slow.request('textDocument/documentSymbol', { textDocument });
      assert.ok(symbols.length > 0, 'the outline of the latest analysis');
      assert.deepEqual(slow.diagnosticsOf(uri, since), [], 'neither analysed the new text');

      const position = WEAK_AT;
      const hover = await slow.request('textDocument/hover', { textDocument, position });
      const actions: { title: string }[] = await slow.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } });
      // Of the new text: the clause has its deadline, so there is nothing to say or fix about it.
      assert.doesNotMatch(hover?.contents.value ?? '', /without undue delay/);
      assert.ok(!actions.some((a) => /incident-notification/.test(a.title)));
      await slow.waitForDiagnostics(uri, version, since);
      assert.equal(slow.diagnosticsOf(uri, since).length, 1, 'the scheduled analysis ran once, for both requests, and was published once');
    } finally {
      await slow.shutdown();
    }
  });
});
