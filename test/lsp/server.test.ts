/**
 * Protocol tests: dist/server.cjs driven over stdio by a real JSON-RPC client (vscode-jsonrpc), as an
 * editor would. Every wait is for an event (a notification or a response), never for time.
 * Run `npm run build` first; `npm run test:lsp` runs these.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, fileUri, ROOT, SERVER, TestClient, type Diagnostic } from './lsp-client.js';

const SAAS = readFileSync(join(ROOT, 'examples', 'saas-agreement.md'), 'utf8');
const DPA_NL = readFileSync(join(ROOT, 'examples', 'verwerkersovereenkomst.md'), 'utf8');
const README = '# My library\n\nA small library. The Provider shall notify without undue delay.\n\n## Install\n\n```sh\nnpm install my-library\n```\n';

/** The 0-based line of the first occurrence of `needle` and its column. */
function find(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture lacks “${needle}”`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('clauselint language server over stdio', { skip: existsSync(SERVER) ? false : 'dist/server.cjs is missing: run npm run build first' }, () => {
  let client: TestClient;
  let dir: string;
  let init: any;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clauselint-lsp-'));
    client = new TestClient();
    init = await client.initialize();
  });

  after(async () => {
    const code = await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, 'the server exits with 0 after shutdown and exit');
  });

  test('initialize announces the features', () => {
    const caps = init.capabilities;
    assert.equal(init.serverInfo.name, 'clauselint');
    assert.ok(caps.hoverProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.codeActionProvider.codeActionKinds.includes('quickfix'));
    assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
    assert.ok(caps.executeCommandProvider.commands.includes('_clauselint.lintFile'));
  });

  test('an English contract with clauselint front matter gets diagnostics', async () => {
    const uri = fileUri(join(dir, 'saas.md'));
    client.open(uri, SAAS);
    const published = await client.waitForDiagnostics(uri, 1);
    assert.ok(published.diagnostics.length > 10, `expected findings, got ${published.diagnostics.length}`);
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'clauselint');
      assert.equal(typeof d.code, 'string');
      assert.match(d.codeDescription!.href, new RegExp(`/docs/rules/${d.code}\\.md$`));
    }
    const missing = published.diagnostics.find((d) => d.code === 'certification')!;
    assert.ok(missing, 'certification is missing from the SaaS example');
    assert.equal(missing.range.start.line, find(SAAS, '# Software-as-a-Service Agreement').line, 'a missing topic is reported on the title');
    assert.equal(missing.severity, 2);
    const weak = published.diagnostics.find((d) => d.code === 'incident-notification' && d.range.start.line === find(SAAS, 'without undue delay').line)!;
    assert.ok(weak, '“without undue delay” is reported');
    assert.deepEqual(weak.range.start, find(SAAS, 'without undue delay'));

    const coverage = await client.waitForCoverage(uri, 1);
    assert.ok(coverage.coverage.weak > 0 && coverage.coverage.missing > 0 && coverage.coverage.present > 0);
    assert.match(coverage.coverage.summary, /^Security: \d+ present · \d+ weak · \d+ missing$/);
  });

  test('disable comments with an unknown rule id, or that switch nothing off, are diagnostics as on the command line', async () => {
    const uri = fileUri(join(dir, 'directives.md'));
    const text = SAAS
      + '\n<!-- clauselint-disable-file insurence -->\n\n<!-- clauselint-disable-next-line subcontracting -->\nNothing here.\n';
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, 1);
    const directives = published.diagnostics.filter((d) => d.code === 'inline-directive');
    const unknown = directives.find((d) => /Unknown rule “insurence”.*did you mean “insurance”/.test(d.message));
    assert.ok(unknown, directives.map((d) => d.message).join(' | '));
    assert.equal(unknown.range.start.line, find(text, '<!-- clauselint-disable-file insurence').line);
    assert.equal(unknown.severity, 2);
    const unused = directives.find((d) => /Unused disable comment: no finding of “subcontracting”/.test(d.message));
    assert.ok(unused, directives.map((d) => d.message).join(' | '));
    assert.equal(unused.severity, 2, 'a warning in the editor');
    assert.equal(directives.length, 2);
  });

  test('a README without front matter or configuration gets no diagnostics', async () => {
    const since = client.notifications.length;
    const uri = fileUri(join(dir, 'README.md'));
    client.open(uri, README);
    const coverage = await client.waitForCoverage(uri, 1, since);
    assert.equal(coverage.coverage, null);
    assert.equal(coverage.reason, 'no-marker');
    // The server publishes before it reports coverage, so nothing published by now means nothing at all.
    assert.deepEqual(client.diagnosticsOf(uri, since), []);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, [], 'no outline from Clauselint for a file it does not check');
  });

  test('a contract without front matter or configuration gets exactly one notice on its title, with a quick fix to mark it', async () => {
    const since = client.notifications.length;
    const uri = fileUri(join(dir, 'unmarked-agreement.md'));
    const text = SAAS.replace(/^---\n[\s\S]*?\n---\n/, '');
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, 1, since);
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
    const [hint] = published.diagnostics;
    assert.equal(hint.severity, 3, 'information, which the Problems panel lists (a hint would show only as dots)');
    assert.equal(hint.code, 'not-marked');
    assert.equal(hint.range.start.line, find(text, '# Software-as-a-Service Agreement').line, 'on the title');
    assert.match(hint.message, /not checking this contract.*front matter.*\.clauselintrc\.json.*Lint this file/);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: hint.range, context: { diagnostics: [hint] } });
    const mark = actions.find((a: { title: string }) => /front matter \(type: saas\)/.test(a.title));
    assert.ok(mark?.edit, actions.map((a: { title: string }) => a.title).join(' | '));
    assert.match(mark.edit.changes[uri][0].newText, /^---\nclauselint:\n  type: saas\n---\n/);
    assert.ok(actions.some((a: { command?: { command: string } }) => a.command?.command === '_clauselint.lintFile'));
    client.close(uri);
  });

  test('“Lint this file” (workspace/executeCommand) lints a README all the same', async () => {
    const uri = fileUri(join(dir, 'README.md'));
    const since = client.notifications.length;
    const result = await client.request('workspace/executeCommand', { command: '_clauselint.lintFile', arguments: [uri] });
    assert.ok(result.coverage, 'the command answers with the coverage');
    const published = await client.waitForDiagnostics(uri, 1, since);
    assert.ok(published.diagnostics.length > 0);
  });

  test('a Markdown file in a folder with a clauselint configuration is a contract', async () => {
    const sub = join(dir, 'contracts');
    mkdirSync(sub);
    writeFileSync(join(sub, '.clauselintrc.json'), JSON.stringify({ type: 'saas', regimes: ['gdpr'] }));
    const uri = fileUri(join(sub, 'draft.md'));
    client.open(uri, SAAS.replace(/^---[\s\S]*?---\n/, ''));
    const published = await client.waitForDiagnostics(uri, 1);
    assert.ok(published.diagnostics.some((d) => d.code === 'certification'));
    const coverage = await client.waitForCoverage(uri, 1);
    assert.equal(coverage.coverage.type, 'saas');
    assert.deepEqual(coverage.coverage.regimes, ['gdpr']);
  });

  test('a configuration file created later is picked up through didChangeWatchedFiles', async () => {
    const sub = join(dir, 'later');
    mkdirSync(sub);
    const uri = fileUri(join(sub, 'notes.md'));
    client.open(uri, SAAS.replace(/^---[\s\S]*?---\n/, ''));
    assert.equal((await client.waitForCoverage(uri, 1)).coverage, null, 'no contract yet');
    const since = client.notifications.length;
    const config = join(sub, '.clauselintrc.yaml');
    writeFileSync(config, 'type: saas\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 1 }] });
    const published = await client.waitForDiagnostics(uri, 1, since);
    assert.ok(published.diagnostics.length > 0, 'now it is one');
  });

  test('a broken configuration file is reported on the document', async () => {
    const sub = join(dir, 'broken');
    mkdirSync(sub);
    writeFileSync(join(sub, '.clauselintrc.json'), '{ "type": "lease" }');
    const uri = fileUri(join(sub, 'draft.md'));
    client.open(uri, '# Agreement\n\nThe Supplier shall do things.\n');
    const published = await client.waitForDiagnostics(uri, 1);
    const problem = published.diagnostics.find((d) => d.code === 'configuration');
    assert.ok(problem, 'a configuration diagnostic');
    assert.match(problem!.message, /\.clauselintrc\.json line 1/);
  });

  test('didChange publishes for the new version, and only for the newest of quick edits', async () => {
    const uri = fileUri(join(dir, 'edited.md'));
    client.open(uri, SAAS);
    await client.waitForDiagnostics(uri, 1);
    const since = client.notifications.length;
    const fixed = SAAS.replace('without undue delay after becoming aware of a Security Incident', 'within 24 hours after becoming aware of a Security Incident');
    client.change(uri, SAAS + '\n');
    client.change(uri, SAAS + '\n\n');
    const last = client.change(uri, fixed);
    const published = await client.waitForDiagnostics(uri, last, since);
    const line = find(SAAS, 'without undue delay').line;
    assert.ok(!published.diagnostics.some((d) => d.code === 'incident-notification' && d.range.start.line === line && /without undue delay/.test(d.message)), 'the weak phrase is gone');
    await client.waitForCoverage(uri, last, since);
    const versions = client.diagnosticsOf(uri, since).map((p) => p.version);
    assert.deepEqual(versions, [last], 'superseded versions are never published');
  });

  test('hover on a finding shows the message, the references and the documentation link', async () => {
    const uri = fileUri(join(dir, 'saas.md'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: find(SAAS, 'without undue delay') });
    assert.equal(hover.contents.kind, 'markdown');
    const text: string = hover.contents.value;
    assert.match(text, /Incident notification/);
    assert.match(text, /without undue delay/);
    assert.match(text, /Why it matters: .*NIS2 art\. 23/, 'why it matters: the references');
    assert.match(text, /How to fix:/, 'and how to fix it');
    assert.match(text, /\[Rule documentation\]\(https:\/\/\S+\/incident-notification\.md\)/);
  });

  test('hover on a defined term shows its definition', async () => {
    const uri = fileUri(join(dir, 'saas.md'));
    const at = find(SAAS, 'aware of a Security Incident');
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: at.line, character: at.character + 'aware of a '.length + 3 } });
    assert.ok(hover, 'a hover');
    assert.match(hover.contents.value, /“Security Incident”/);
    assert.match(hover.contents.value, /any actual or reasonably suspected unauthorised access/);
    assert.match(hover.contents.value, new RegExp(`defined on line ${find(SAAS, '"Security Incident" means').line + 1}`));
  });

  test('document symbols are the outline of articles', async () => {
    const uri = fileUri(join(dir, 'saas.md'));
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'Software-as-a-Service Agreement');
    const names = symbols[0].children.map((s: any) => s.name);
    assert.ok(names.includes('1. Definitions'));
    assert.ok(names.includes('8. Security incidents'));
    assert.ok(names.includes('Schedule 1 – Service Description'));
    const article8 = symbols[0].children.find((s: any) => s.name === '8. Security incidents');
    assert.equal(article8.selectionRange.start.line, find(SAAS, '## 8. Security incidents').line);
  });

  test('code actions offer “disable for this line” and “disable for this file”, and they work', async () => {
    const uri = fileUri(join(dir, 'actions.md'));
    client.open(uri, SAAS);
    const published = await client.waitForDiagnostics(uri, 1);
    const target = published.diagnostics.find((d) => d.code === 'incident-notification' && /without undue delay/.test(d.message))!;
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable incident-notification for this line'), titles.join(' | '));
    assert.ok(titles.includes('Disable incident-notification for this file'), titles.join(' | '));
    for (const a of actions) assert.equal(a.kind, 'quickfix');

    const line = actions.find((a) => a.title === 'Disable incident-notification for this line');
    const edited = applyEdits(SAAS, line.edit.changes[uri]);
    assert.match(edited, /<!-- clauselint-disable-next-line incident-notification -->\n8\.1 The Provider shall notify/);
    const since = client.notifications.length;
    const version = client.change(uri, edited);
    const after = await client.waitForDiagnostics(uri, version, since);
    const still = (d: Diagnostic) => d.code === 'incident-notification' && /without undue delay/.test(d.message);
    assert.ok(!after.diagnostics.some(still), 'the finding is disabled on that line');
    assert.ok(after.diagnostics.some((d) => d.code === 'certification'), 'other findings remain');

    const file = actions.find((a) => a.title === 'Disable incident-notification for this file');
    const whole = applyEdits(SAAS, file.edit.changes[uri]);
    assert.match(whole, /^---\n[\s\S]*?\n---\n<!-- clauselint-disable-file incident-notification -->\n/);
    const since2 = client.notifications.length;
    const version2 = client.change(uri, whole);
    const after2 = await client.waitForDiagnostics(uri, version2, since2);
    assert.ok(!after2.diagnostics.some((d) => d.code === 'incident-notification'));
    assert.ok(after2.diagnostics.length > 0);
  });

  test('a finding in the middle of a paragraph is disabled around its paragraph', async () => {
    const uri = fileUri(join(dir, 'wrapped.md'));
    const text = '---\nclauselint:\n  type: saas\n---\n\n# Agreement\n\nThe Customer pays the fees monthly.\nThe Provider shall notify the Customer of a security incident without undue delay.\n';
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, 1);
    const target = published.diagnostics.find((d) => /without undue delay/.test(d.message));
    assert.ok(target, published.diagnostics.map((d) => d.message).join('\n'));
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: target!.range, context: { diagnostics: [target] } });
    const wrap = actions.find((a) => /for this paragraph/.test(a.title));
    assert.ok(wrap, actions.map((a) => a.title).join(' | '));
    const edited = applyEdits(text, wrap.edit.changes[uri]);
    assert.match(edited, /<!-- clauselint-disable incident-notification -->\nThe Customer pays the fees monthly\.\nThe Provider shall notify the Customer of a security incident without undue delay\.\n<!-- clauselint-enable incident-notification -->\n$/);
    const since = client.notifications.length;
    const version = client.change(uri, edited);
    const after = await client.waitForDiagnostics(uri, version, since);
    assert.ok(!after.diagnostics.some((d) => /without undue delay/.test(d.message)));
  });

  test('settings from workspace/configuration change severities after didChangeConfiguration', async () => {
    const uri = fileUri(join(dir, 'saas.md'));
    const since = client.notifications.length;
    client.settings = { rules: { 'undefined-term': 'off', certification: 'error' } };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const published = await client.waitForDiagnostics(uri, 1, since);
    assert.ok(!published.diagnostics.some((d) => d.code === 'undefined-term'));
    assert.equal(published.diagnostics.find((d) => d.code === 'certification')!.severity, 1);
    const since2 = client.notifications.length;
    client.settings = { enable: false };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const cleared = await client.waitForDiagnostics(uri, 1, since2);
    assert.deepEqual(cleared.diagnostics, [], 'disabling clears the diagnostics');
    const since3 = client.notifications.length;
    client.settings = {};
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok((await client.waitForDiagnostics(uri, 1, since3)).diagnostics.length > 0);
  });

  test('a Dutch contract gets Dutch messages', async () => {
    const uri = fileUri(join(dir, 'verwerkersovereenkomst.md'));
    client.open(uri, DPA_NL);
    const published = await client.waitForDiagnostics(uri, 1);
    assert.ok(published.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((d) => /^Zwakke bepaling over /.test(d.message)), published.diagnostics[0].message);
    for (const d of published.diagnostics) assert.ok(d.message.length <= 120, `short: ${d.message}`);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: published.diagnostics.find((d) => d.code !== 'missing-reference')!.range.start });
    assert.match(hover.contents.value, /Waarom: .*AVG/, 'the hover says why, with the Dutch names of the laws');
    assert.match(hover.contents.value, /Oplossing:/, 'and how to fix it');
  });

  test('the coverage report request and the rule index', async () => {
    const uri = fileUri(join(dir, 'saas.md'));
    const report = await client.request('clauselint/coverageReport', { uri });
    assert.match(report.markdown, /^# Security coverage: saas\.md/);
    assert.match(report.markdown, /\| Certification and assurance \| ✗ missing \|/);
    const rules: any[] = await client.request('clauselint/rules', {});
    assert.ok(rules.some((r) => r.id === 'incident-notification' && r.docsUrl.endsWith('incident-notification.md')));
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = fileUri(join(dir, 'actions.md'));
    const since = client.notifications.length;
    client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, undefined, since);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('clauselint language server, other transports and locales', { skip: existsSync(SERVER) ? false : 'dist/server.cjs is missing' }, () => {
  test('the server speaks Dutch to a Dutch editor', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ locale: 'nl' });
      const uri = 'untitled:Untitled-1';
      client.open(uri, SAAS);
      const published = await client.waitForDiagnostics(uri, 1);
      const target = published.diagnostics.find((d) => d.code === 'certification')!;
      const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
      assert.ok(actions.some((a) => a.title === 'Schakel certification uit voor dit bestand'), actions.map((a) => a.title).join(' | '));
      const coverage = await client.waitForCoverage(uri, 1);
      assert.match(coverage.coverage.summary, /^Beveiliging: \d+ aanwezig · \d+ zwak · \d+ ontbrekend$/);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  test('the server runs over Node IPC, as VS Code starts it', async () => {
    const { fork } = await import('node:child_process');
    const { createMessageConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-jsonrpc/node');
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<any>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.listen();
    try {
      const init: any = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
      assert.ok(init.capabilities.hoverProvider);
      await connection.sendNotification('initialized', {});
      const uri = 'untitled:ipc.md';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: SAAS } });
      const params = await published;
      assert.equal(params.uri, uri);
      assert.equal(params.version, 1);
      assert.ok(params.diagnostics.length > 0);
      await connection.sendRequest('shutdown');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  test('without a transport the command says how to start it', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--stdio/);
  });
});
