/**
 * Requests and analyses in the language server (issues 13 and 14): a request never starts an analysis of
 * its own nor waits for one, it is answered from the latest one, moved through the edits made since; an
 * analysis runs in slices, between which requests are answered and a newer change stops it; a
 * version number sent twice never brings back the results of another text; malformed requests get InvalidParams.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SERVER, TestClient } from './lsp-client.js';
import { largeContract } from '../bench/large-contract.js';

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

  test('requests never start an analysis of their own nor wait for one: they are answered from the latest, without what changed since', async () => {
    // A debounce longer than the test: the new text is never analysed while it runs.
    const slow = new TestClient();
    try {
      await slow.initialize({ initializationOptions: { debounceMs: 600_000 } });
      const uri = 'untitled:debounced.md';
      slow.open(uri, SAAS);
      await slow.waitForDiagnostics(uri, 1);
      const since = slow.notifications.length;
      slow.change(uri, FIXED);
      const textDocument = { uri };
      const lenses = await slow.request('textDocument/codeLens', { textDocument });
      assert.equal(lenses.length, 1, 'the coverage lens of the latest analysis');
      const symbols = await slow.request('textDocument/documentSymbol', { textDocument });
      assert.ok(symbols.length > 0, 'the outline of the latest analysis');

      const position = WEAK_AT;
      const hover = await slow.request('textDocument/hover', { textDocument, position });
      const actions: { title: string }[] = await slow.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } });
      // The words the finding was about were replaced since: neither its hover nor its fixes are offered.
      assert.doesNotMatch(hover?.contents.value ?? '', /without undue delay/);
      assert.ok(!actions.some((a) => /incident-notification/.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
      assert.deepEqual(slow.diagnosticsOf(uri, since), [], 'no request analysed the new text');
    } finally {
      await slow.shutdown();
    }
  });

  test('an analysis runs in slices: requests sent meanwhile are answered at once, and a newer change stops it unpublished', async () => {
    const fresh = new TestClient();
    /** How long code-lens requests take, one after another, until `done` settles. */
    const requestTimes = async (uri: string, done: Promise<unknown>): Promise<number[]> => {
      let settled = false;
      void done.then(() => { settled = true; });
      const times: number[] = [];
      while (!settled) {
        const asked = performance.now();
        await fresh.request('textDocument/codeLens', { textDocument: { uri } });
        times.push(performance.now() - asked);
      }
      return times;
    };
    try {
      await fresh.initialize({ initializationOptions: { debounceMs: 0 } });
      const uri = 'untitled:large.md';
      const text = largeContract();
      const opened = performance.now();
      fresh.open(uri, text);
      const duringOpen = await requestTimes(uri, fresh.waitForDiagnostics(uri, 1));
      const analysis = performance.now() - opened;
      const slowest = Math.max(...duringOpen);
      assert.ok(duringOpen.length > 1 && slowest < analysis / 5, `${duringOpen.length} requests during the first analysis (${analysis.toFixed(0)} ms), the slowest ${slowest.toFixed(0)} ms`);

      // Another supplier: one paragraph to parse again, but every sentence to read again for what its parties commit to.
      const since = fresh.notifications.length;
      const renamed = fresh.change(uri, text.replace('Northwind Cloud B.V.', 'Fabrikam Hosting B.V.'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const asked = performance.now();
      await fresh.request('textDocument/codeLens', { textDocument: { uri } });
      const answered = performance.now() - asked;
      const typed = fresh.change(uri, text.replace('Northwind Cloud B.V.', 'Fabrikam Hosting B.V.').replace('annually', 'quarterly'));
      await fresh.waitForDiagnostics(uri, typed);
      assert.deepEqual(fresh.diagnosticsOf(uri, since).map((d) => d.version), [typed], `the analysis of version ${renamed} was never published`);
      assert.ok(answered < analysis / 5, `a request during the analysis of version ${renamed} took ${answered.toFixed(0)} ms`);
    } finally {
      await fresh.shutdown();
    }
  });

  test('hover and code actions from the latest analysis, moved through the edits since, equal those of a fresh analysis', async () => {
    // Words added earlier on another line: every offset after them moves, no line does, no finding changes.
    const edited = SAAS.replace('pay the Fees annually in advance', 'pay the Fees annually and in full in advance');
    assert.notEqual(edited, SAAS);
    const slow = new TestClient(), fresh = new TestClient();
    try {
      await slow.initialize({ initializationOptions: { debounceMs: 600_000 } });
      await fresh.initialize();
      const uri = 'untitled:moved.md';
      slow.open(uri, SAAS);
      fresh.open(uri, edited);
      await Promise.all([slow.waitForDiagnostics(uri, 1), fresh.waitForDiagnostics(uri, 1)]);
      const since = slow.notifications.length;
      slow.change(uri, edited);
      const textDocument = { uri };
      const position = WEAK_AT;
      const asked = (client: TestClient) => Promise.all([
        client.request('textDocument/hover', { textDocument, position }),
        client.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }),
        client.request('textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } }, context: { diagnostics: [], only: ['source'] } }),
      ]);
      const [stale, exact] = await Promise.all([asked(slow), asked(fresh)]);
      assert.match(stale[0]?.contents.value ?? '', /without undue delay/);
      assert.ok(stale[1].length > 0 && stale[2].length > 0, 'quick fixes and source actions');
      assert.deepEqual(stale, exact);
      assert.deepEqual(slow.diagnosticsOf(uri, since), [], 'the edited text was not analysed');
    } finally {
      await Promise.all([slow.shutdown(), fresh.shutdown()]);
    }
  });
});
