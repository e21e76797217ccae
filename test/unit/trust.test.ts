/**
 * The workspace is not trusted (issue 14): a playbook folder lies inside the folder of the configuration
 * that names it, a bad playbook file is named but never quoted, and text from contracts and
 * configurations reaches the terminal formats with its control characters written out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { assertOneLine, cli, tempTree } from '../cli-fixtures/harness.js';
import { printable } from '../../server/src/cli/printable.js';

const CONTRACT = '# Software-as-a-Service Agreement\n\nThis Agreement is made between Northwind Cloud B.V. (the "Supplier") and Contoso Bank N.V. (the "Customer").\n\n## 1. Security incidents\n\nThe Supplier shall notify the Customer of any security incident at its convenience.\n';

const clause = (id: string) => [
  `id: ${id}`, 'topic: liability', 'variant: house', 'preferred: true',
  'title: { en: House liability, nl: Eigen aansprakelijkheid }', 'heading: { en: Liability, nl: Aansprakelijkheid }',
  'types: [saas]', 'regimes: []', 'references: []',
  'text: { en: "{{supplier}} is liable up to twelve (12) months of fees.", nl: "{{supplier}} is aansprakelijk tot twaalf (12) maanden vergoeding." }',
].join('\n');

/** A workspace folder with a configuration naming `playbook`, and the contract. */
function workspace(playbook: string, files: Record<string, string> = {}): string {
  return tempTree({ 'ws/.clauselintrc.json': JSON.stringify({ type: 'saas', playbook }, null, 2), 'ws/contract.md': CONTRACT, ...files });
}

test('a playbook named with "..", or by an absolute path, is a configuration error on its line', () => {
  for (const folder of ['../clauses', 'clauses/../../clauses', '/etc', 'C:\\clauses']) {
    const root = workspace(folder, { 'clauses/a.yaml': clause('outside') });
    const r = cli(['contract.md'], { cwd: join(root, 'ws') });
    assert.equal(r.code, 2, folder);
    assert.match(assertOneLine(r.stderr)[0], /configuration error in .*\.clauselintrc\.json line 3: “playbook” must be a folder inside the configuration's folder/, folder);
  }
});

test('a playbook folder that is a symbolic link out of the configuration folder is refused', () => {
  const root = workspace('clauses', { 'elsewhere/a.yaml': clause('outside') });
  symlinkSync(join(root, 'elsewhere'), join(root, 'ws', 'clauses'));
  const r = cli(['contract.md'], { cwd: join(root, 'ws') });
  assert.equal(r.code, 2);
  assert.match(assertOneLine(r.stderr)[0], /line 3: the playbook folder “clauses” leads outside the configuration's folder/);
});

test('inside a playbook, symbolic links are not followed; its own files are read', () => {
  const root = workspace('clauses', { 'ws/clauses/own.yaml': clause('house-liability'), 'secret/a.yaml': clause('outside-liability') });
  symlinkSync(join(root, 'secret', 'a.yaml'), join(root, 'ws', 'clauses', 'linked.yaml'));
  symlinkSync(join(root, 'secret'), join(root, 'ws', 'clauses', 'linked-folder'));
  const r = cli(['catalogue'], { cwd: join(root, 'ws') });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /house-liability/);
  assert.doesNotMatch(r.stdout, /outside-liability/);
});

test('a bad playbook file is named, never quoted', () => {
  const secret = 'SECRET-4711';
  const cases = { 'broken.yaml': `id: x\ntitle: [${secret}\n`, 'incomplete.yaml': `id: ${secret}\ntopic: liability\n` };
  for (const [name, text] of Object.entries(cases)) {
    const root = workspace('clauses', { [`ws/clauses/${name}`]: text });
    const r = cli(['contract.md'], { cwd: join(root, 'ws') });
    assert.equal(r.code, 2, name);
    const [line] = assertOneLine(r.stderr);
    assert.match(line, new RegExp(`line 3: playbook file clauses/${name.replace('.', '\\.')} (is not valid YAML|needs id)`));
    assert.doesNotMatch(line, new RegExp(secret));
  }
});

test('control characters from contracts and configurations are written out in every terminal format', () => {
  // An error: GitHub's format shows ten annotations of each kind, errors first.
  const message = 'Say \u001b[2J\u001b]0;owned\u0007 hours \u202e!';
  const dir = tempTree({
    '.clauselintrc.json': JSON.stringify({ type: 'saas', rules: { 'incident-notification': 'error' }, weakPhrases: [{ topic: 'incident-notification', phrase: 'at its convenience', message }] }),
    'contract.md': CONTRACT,
    'evil\u001b[31m.md': CONTRACT,
  });
  for (const format of ['stylish', 'github', 'junit']) {
    const r = cli(['contract.md', 'evil\u001b[31m.md', '--format', format, '--verbose'], { cwd: dir });
    assert.ok(r.stdout.includes('Say \\x1b[2J\\x1b]0;owned\\x07 hours \\u202e!'), `${format}: the message is not written out:\n${r.stdout.slice(0, 2000)}`);
    assert.ok(r.stdout.includes('evil\\x1b[31m.md'), `${format}: the file name is not written out`);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, `${format}: a control character reached the output`);
  }
});

test('printable keeps tabs and ordinary text, writes out the rest', () => {
  assert.equal(printable('a\tb – “c” ü 🙂'), 'a\tb – “c” ü 🙂');
  assert.equal(printable('\u0000\r\n\u009b\u2066'), '\\x00\\x0d\\x0a\\x9b\\u2066');
});

test('a configuration that is not valid JSON: the error says why, without quoting the file', () => {
  const r = cli(['contract.md'], { cwd: tempTree({ '.clauselintrc.json': '{\n  "type": SECRET-4711\n}\n', 'contract.md': CONTRACT }) });
  assert.equal(r.code, 2);
  const [line] = assertOneLine(r.stderr);
  assert.match(line, /\.clauselintrc\.json line \d+: .*JSON/);
  assert.doesNotMatch(line, /SECRET-4711/);
});

test('a file name with control characters is written out on standard error too', () => {
  const dir = tempTree({ 'bad\u001b[2J.md': '\u0000\u0001PNG', 'a.md': CONTRACT });
  const r = cli(['.', '--all', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(assertOneLine(r.stderr)[0], /bad\\x1b\[2J\.md: this is a binary file/);
  assert.ok(JSON.parse(r.stdout).files.some((f: { path: string }) => f.path === 'a.md'));
});
