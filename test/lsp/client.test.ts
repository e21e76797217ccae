/**
 * The bundled VS Code client (dist/client.cjs) activated against a stand-in `vscode` module: it starts
 * dist/server.cjs over Node IPC, the findings reach its diagnostic collection, the status bar shows the
 * coverage, and its commands work. Waits are for events, never for time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './lsp-client.js';
import { createFakeVscode, Uri, type FakeDocument } from './fake-vscode.js';

const CLIENT = join(ROOT, 'dist', 'client.cjs');
const require = createRequire(import.meta.url);

test('the VS Code client starts the server over IPC, shows coverage and runs its commands', { skip: existsSync(CLIENT) ? false : 'dist/client.cjs is missing: run npm run build first', timeout: 60_000 }, async () => {
  const text = readFileSync(join(ROOT, 'examples', 'saas-agreement.md'), 'utf8');
  const path = join(ROOT, 'examples', 'saas-agreement.md');
  const doc: FakeDocument = { uri: Uri.file(path), languageId: 'markdown', version: 1, getText: () => text, isClosed: false, fileName: path, lineCount: text.split('\n').length, eol: 1, isUntitled: false };
  const fake = createFakeVscode(doc);

  const Module = require('node:module') as { _resolveFilename: (...a: any[]) => string };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake.vscode } as any;
  const uri = doc.uri.toString();
  const gotDiagnostics = new Promise<void>((done) => fake.diagnosticsSet.event((u) => { if (u === uri && (fake.diagnostics.get(u)?.length ?? 0) > 0) done(); }));
  const gotCoverage = new Promise<void>((done) => fake.statusChanged.event(() => { if (fake.status.visible && fake.status.text.includes('present')) done(); }));

  const extension = require(CLIENT) as { activate(ctx: unknown): Promise<void>; deactivate(): Promise<void> };
  const context = { subscriptions: [] as { dispose(): unknown }[], asAbsolutePath: (p: string) => join(ROOT, p), extensionPath: ROOT, extensionUri: Uri.file(ROOT) };
  try {
    await extension.activate(context);
    await gotDiagnostics;
    const list = fake.diagnostics.get(uri)!;
    assert.ok(list.length > 10);
    assert.ok(list.every((d) => d.source === 'clauselint'));

    await gotCoverage;
    assert.match(fake.status.text, /^\$\(shield\) Security: \d+ present · \d+ weak · \d+ missing$/);
    assert.equal(fake.status.command, 'clauselint.showCoverage');

    for (const id of ['clauselint.lintFile', 'clauselint.showCoverage', 'clauselint.insertClause', 'clauselint.openRuleDocs']) assert.ok(fake.commands.has(id), `registers ${id}`);

    await fake.vscode.commands.executeCommand('clauselint.openRuleDocs', 'liability');
    const docs = fake.executed.find((e) => e.command === 'markdown.showPreview');
    assert.ok(docs, 'the rule page opens in the Markdown preview');
    assert.equal(String(docs!.args[0]), Uri.file(join(ROOT, 'docs', 'rules', 'liability.md')).toString(), 'the page shipped inside the extension');
    assert.ok(existsSync(join(ROOT, 'docs', 'rules', 'liability.md')));
    assert.deepEqual(fake.opened, [], 'not GitHub main');

    const html = await fake.vscode.commands.executeCommand('clauselint.showCoverage') as string;
    assert.match(html, /<h2 id="contract-1-h">saas-agreement\.md<\/h2>/, 'the review report of the contract');
    assert.equal(fake.panels.length, 1, 'in a webview panel');
    const [panel] = fake.panels;
    assert.equal(panel.webview.html, html);
    assert.equal(panel.column, fake.vscode.ViewColumn.Beside, 'beside the contract');
    assert.equal(panel.options.enableScripts, false, 'that runs no script');
    assert.ok(!fake.executed.some((e) => e.command === 'markdown.showPreviewToSide'), 'not the Markdown preview');

    await fake.vscode.commands.executeCommand('clauselint.lintFile');
  } finally {
    await extension.deactivate();
    for (const s of context.subscriptions) s.dispose();
    Module._resolveFilename = resolve;
    delete require.cache.vscode;
  }
});
