/**
 * Protocol tests for clause completion: `/clause` at the start of a paragraph offers catalogue clauses as
 * snippets (numbers as tab stops, the contract's parties filled in), driven over stdio by a real client.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, fileUri, ROOT, SERVER, TestClient } from './lsp-client.js';

const SAAS = readFileSync(join(ROOT, 'examples', 'saas-agreement.md'), 'utf8');
const DPA_NL = readFileSync(join(ROOT, 'examples', 'verwerkersovereenkomst.md'), 'utf8');

interface Item { label: string; sortText?: string; filterText?: string; insertTextFormat?: number; kind?: number; textEdit: { range: any; newText: string } }

/** The text with `/clause` (plus `extra`) as a new paragraph before `heading`; the position after it. */
function withTrigger(text: string, heading: string, extra = '') {
  const at = text.indexOf(heading);
  assert.ok(at > 0, `fixture lacks ${heading}`);
  const typed = `/clause${extra}`;
  const out = `${text.slice(0, at)}${typed}\n\n${text.slice(at)}`;
  const lines = text.slice(0, at).split('\n');
  return { text: out, position: { line: lines.length - 1, character: typed.length }, typed };
}

/** A snippet as VS Code would insert it with every tab stop left at its default. */
function expand(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([\\$}])/g, '$1');
}

function sorted(items: Item[]): Item[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

describe('clause completion over stdio', { skip: existsSync(SERVER) ? false : 'dist/server.cjs is missing: run npm run build first' }, () => {
  let client: TestClient;
  let dir: string;
  let init: any;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clauselint-completion-'));
    client = new TestClient();
    init = await client.initialize({
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } }, workspace: { configuration: true } },
    });
  });

  after(async () => {
    const code = await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0);
  });

  test('initialize announces completion with `/` as trigger character', () => {
    assert.ok(init.capabilities.completionProvider);
    assert.deepEqual(init.capabilities.completionProvider.triggerCharacters, ['/']);
  });

  test('/clause at the start of a paragraph offers English clauses as snippets that replace /clause', async () => {
    const uri = fileUri(join(dir, 'saas.md'));
    const { text, position, typed } = withTrigger(SAAS, '## 1. Definitions');
    client.open(uri, text);
    const result = await client.request<{ items: Item[] } | Item[] | null>('textDocument/completion', { textDocument: { uri }, position });
    const items = Array.isArray(result) ? result : result?.items ?? [];
    assert.ok(items.length >= 19, `one item per catalogue clause at least, got ${items.length}`);
    for (const item of items) {
      assert.equal(item.insertTextFormat, 2, 'a snippet');
      assert.deepEqual(item.textEdit.range, { start: { line: position.line, character: 0 }, end: position }, 'the item replaces the /clause text');
      assert.ok(item.filterText?.startsWith('/clause'), 'VS Code filters on the typed /clause');
      assert.doesNotMatch(item.textEdit.newText, /\{\{/, 'no placeholder left unfilled');
    }
    const first = sorted(items)[0];
    const access = items.find((i) => /^\/clause Access control:/.test(i.label))!;
    assert.ok(access, 'the access-control clause is offered');
    assert.match(access.textEdit.newText, /\$\{1:6\}/, 'the first number is tab stop 1 with its default');
    assert.match(access.textEdit.newText, /\$\{2:12\}/, 'the second number is tab stop 2');
    assert.match(access.textEdit.newText, /^The Provider shall grant access to the Customer's data/, 'parties filled in, capitalised at the start');
    assert.match(first.label, /^\/clause /);

    // Applied with its defaults, the clause stands where /clause was typed.
    const applied = applyEdits(text, [{ range: access.textEdit.range, newText: expand(access.textEdit.newText) }]);
    assert.ok(!applied.includes(typed + '\n'), '/clause is gone');
    assert.match(applied, /\n\nThe Provider shall grant access to the Customer's data[^\n]* at least once every 6 months[^\n]*for at least 12 months\.\n\n## 1\. Definitions/);
    client.close(uri);
  });

  test('type-fitting clauses come first, and the preferred variant before the others of its topic', async () => {
    const uri = fileUri(join(dir, 'order.md'));
    const { text, position } = withTrigger(SAAS, '## 1. Definitions');
    client.open(uri, text);
    const result = await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position });
    const items = sorted(result.items);
    const fits = items.map((i) => i.sortText!.startsWith('0-'));
    const firstMisfit = fits.indexOf(false);
    if (firstMisfit >= 0) assert.ok(fits.slice(firstMisfit).every((f) => !f), 'every fitting clause before every other');
    // Per topic (the heading), the first offered is marked preferred.
    const seen = new Set<string>();
    for (const item of items.filter((i) => i.sortText!.startsWith('0-'))) {
      const topic = item.sortText!.split('-')[1];
      if (seen.has(topic)) continue;
      seen.add(topic);
      assert.match((item as any).labelDetails?.description ?? '', /preferred/, `${item.label} is the preferred variant of its topic`);
    }
    client.close(uri);
  });

  test('a typed filter after /clause is kept inside the replaced range', async () => {
    const uri = fileUri(join(dir, 'filter.md'));
    const { text, position } = withTrigger(SAAS, '## 1. Definitions', ' encr');
    client.open(uri, text);
    const result = await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(result.items.length > 0);
    assert.deepEqual(result.items[0].textEdit.range.end, position);
    assert.equal(result.items[0].textEdit.range.start.character, 0);
    client.close(uri);
  });

  test('a Dutch contract gets Dutch clauses with its own parties', async () => {
    const uri = fileUri(join(dir, 'dpa.md'));
    const { text, position } = withTrigger(DPA_NL, '## Artikel 2');
    client.open(uri, text);
    const result = await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position });
    const access = result.items.find((i) => /^\/clause Toegangsbeveiliging:/.test(i.label));
    assert.ok(access, 'Dutch headings');
    assert.match(access!.textEdit.newText, /^Verwerker verleent toegang tot de gegevens van Verwerkingsverantwoordelijke/);
    assert.match(access!.textEdit.newText, /\$\{1:6\} maanden/);
    client.close(uri);
  });

  test('no clauses in the middle of a paragraph, nor in a file that is no contract', async () => {
    const uri = fileUri(join(dir, 'middle.md'));
    const at = SAAS.indexOf('The Customer wishes');
    const text = `${SAAS.slice(0, at)}The Customer /clause`;
    client.open(uri, text);
    const line = text.split('\n').length - 1;
    const mid = await client.request<{ items: Item[] } | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: 'The Customer /clause'.length } });
    assert.ok(!mid || (Array.isArray(mid) ? mid.length === 0 : mid.items.length === 0), 'nothing mid-paragraph');
    client.close(uri);

    const readme = fileUri(join(dir, 'README.md'));
    client.open(readme, '# My library\n\n/clause');
    const none = await client.request<{ items: Item[] } | null>('textDocument/completion', { textDocument: { uri: readme }, position: { line: 2, character: 7 } });
    assert.ok(!none || (Array.isArray(none) ? none.length === 0 : none.items.length === 0), 'nothing in a README');
    client.close(readme);
  });

  test('clauselint/clauses lists the clauses for "Insert clause…": missing topics known, parties filled in', async () => {
    const uri = fileUri(join(dir, 'insert.md'));
    client.open(uri, SAAS);
    const choices = await client.request<any[]>('clauselint/clauses', { uri });
    assert.ok(choices.length >= 38, `every catalogue clause, got ${choices.length}`);
    const testing = choices.find((c) => c.id === 'security-testing-balanced');
    assert.equal(testing.status, 'missing', 'the example contract has no security-testing clause');
    assert.equal(testing.heading, 'Security testing');
    assert.match(testing.snippet, /^The Provider /, 'parties filled in');
    assert.match(testing.snippet, /\$\{1:[^}]+\}/, 'numbers are tab stops');
    assert.doesNotMatch(testing.preview, /\$\{|\{\{/, 'the preview is plain text');
    assert.equal(choices.find((c) => c.topic === 'liability')?.status, 'weak');
    assert.deepEqual(choices.map((c) => c.sortText), [...choices.map((c) => c.sortText)].sort(), 'in the order a drafter wants them');

    const readme = fileUri(join(dir, 'README-2.md'));
    client.open(readme, '# My library\n');
    assert.deepEqual(await client.request('clauselint/clauses', { uri: readme }), [], 'none for a file that is no contract');
    client.close(readme);
    client.close(uri);
  });
});
