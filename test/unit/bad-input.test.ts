/**
 * Bad input through the command (issue 2, item 12): each file gives a result (exit 0/1) or exit 2 with
 * exactly one clear stderr line, never a stack trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { JsonReport } from '../../server/src/engine/report.js';
import { REPO, SMALL_CONTRACT, assertOneLine, cli, tempTree } from '../cli-fixtures/harness.js';

/** Runs `clauselint --format json FILE` on one file with these bytes (in a fresh temp folder). */
function lint(content: string | Uint8Array, name = 'contract.md', extra: string[] = []) {
  const dir = tempTree({ [name]: content });
  return cli([name, '--format', 'json', ...extra], { cwd: dir });
}

/** A result (exit 0/1, one file in the JSON report) or a refusal (exit 2, one line); never a stack trace. */
function resultOrOneLine(r: { code: number; stdout: string; stderr: string }): JsonReport | null {
  assert.ok(!r.stderr.includes('    at '), `stack trace on stderr:\n${r.stderr}`);
  if (r.code === 2) {
    assert.equal(r.stdout, '');
    assertOneLine(r.stderr);
    assert.doesNotMatch(r.stderr, /internal error/, 'a refusal must say what is wrong with the file, not report an internal error');
    return null;
  }
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}; stderr: ${r.stderr}`);
  assert.equal(r.stderr, '');
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.equal(report.files.length, 1);
  return report;
}

/** Everything but the path: what the engine made of the file. */
function verdict(report: JsonReport) {
  const { path: _path, ...rest } = report.files[0];
  return rest;
}

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
]);

const DECLARED = `---\nclauselint:\n  type: dpa\n  regimes: [gdpr]\n---\n${SMALL_CONTRACT}`;

// ---------------------------------------------------------------- refused: exit 2, one line

test('a binary file (PNG bytes named .md): exit 2, one line naming the file', () => {
  const r = lint(PNG, 'scan.md');
  assert.equal(r.code, 2);
  const [line] = assertOneLine(r.stderr);
  assert.match(line, /scan\.md/);
  assert.match(line, /binary/);
});

test('invalid UTF-8: exit 2, one line naming the file', () => {
  const bytes = Buffer.concat([Buffer.from('# Agreement\n\nThe Supplier shall '), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(' notify.\n')]);
  const r = lint(bytes, 'latin.md');
  assert.equal(r.code, 2);
  const [line] = assertOneLine(r.stderr);
  assert.match(line, /latin\.md/);
  assert.match(line, /UTF-8/);
});

test('a file over the size limit: exit 2, one line', () => {
  const r = lint(Buffer.alloc(21 * 1024 * 1024, 0x61), 'huge.md');
  assert.equal(r.code, 2);
  assert.match(assertOneLine(r.stderr)[0], /huge\.md.*MB/);
});

test('one bad file among good ones: exit 2, one line naming the bad one', () => {
  const dir = tempTree({ 'a.md': SMALL_CONTRACT, 'b.md': PNG });
  const r = cli(['.', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(assertOneLine(r.stderr)[0], /b\.md/);
});

// ---------------------------------------------------------------- a result

test('an empty file: a result with every topic', () => {
  const report = resultOrOneLine(lint(''));
  assert.ok(report, 'an empty contract should get a result, not a refusal');
  assert.equal(Object.keys(report.files[0].topics).length, 21);
  for (const d of report.files[0].diagnostics) assert.ok(d.line >= 1 && d.column >= 1, JSON.stringify(d));
});

test('a whitespace-only file: a result', () => {
  const report = resultOrOneLine(lint('  \n\n\t\n   \n'));
  assert.ok(report);
  for (const d of report.files[0].diagnostics) assert.ok(d.line >= 1 && d.line <= 5, JSON.stringify(d));
});

test('a BOM changes nothing: same findings, same lines, front matter still read', () => {
  const plain = resultOrOneLine(lint(DECLARED))!;
  const bom = resultOrOneLine(lint(`\uFEFF${DECLARED}`))!;
  assert.deepEqual(verdict(bom), verdict(plain));
  assert.equal(bom.files[0].typeSource, 'front-matter');
  assert.equal(bom.files[0].type, 'dpa');
});

test('a BOM on standard input changes nothing either (front matter still read)', () => {
  const plain = cli(['--stdin', '--format', 'json'], { cwd: tempTree(), stdin: DECLARED });
  const bom = cli(['--stdin', '--format', 'json'], { cwd: tempTree(), stdin: `\uFEFF${DECLARED}` });
  assert.equal(JSON.parse(plain.stdout).files[0].typeSource, 'front-matter');
  assert.deepEqual(verdict(JSON.parse(bom.stdout)), verdict(JSON.parse(plain.stdout)));
});

test('CRLF: the same findings and line numbers as LF', () => {
  const lf = resultOrOneLine(lint(DECLARED))!;
  const crlf = resultOrOneLine(lint(DECLARED.replace(/\n/g, '\r\n')))!;
  assert.ok(lf.files[0].diagnostics.length > 0);
  assert.deepEqual(verdict(crlf), verdict(lf));
});

test('CR-only line ends (old Mac): a result', () => {
  resultOrOneLine(lint(DECLARED.replace(/\n/g, '\r')));
});

test('broken front matter: a result with a front-matter finding on line 1', () => {
  const report = resultOrOneLine(lint('---\nclauselint: [\n---\n' + SMALL_CONTRACT));
  assert.ok(report);
  const fm = report.files[0].diagnostics.filter((d) => d.ruleId === 'front-matter');
  assert.equal(fm.length, 1);
  assert.equal(fm[0].line, 1);
  assert.equal(report.files[0].typeSource, 'inferred');
  assert.equal(report.files[0].topics['incident-notification'].evidence[0].line, 10); // lines count the front matter
});

test('front matter with a bad type: a result that names the bad value, type inferred', () => {
  const report = resultOrOneLine(lint('---\nclauselint:\n  type: cloud\n---\n' + SMALL_CONTRACT));
  assert.ok(report);
  const fm = report.files[0].diagnostics.filter((d) => d.ruleId === 'front-matter');
  assert.equal(fm.length, 1);
  assert.match(fm[0].message, /cloud/);
  assert.equal(report.files[0].type, 'saas');
  assert.equal(report.files[0].typeSource, 'inferred');
});

test('front matter that is not a mapping, or never closed: a result', () => {
  resultOrOneLine(lint('---\njust a string\n---\n' + SMALL_CONTRACT));
  resultOrOneLine(lint('---\nclauselint:\n  type: saas\n' + SMALL_CONTRACT)); // no closing ---
  resultOrOneLine(lint('---\n---\n'));
});

test('an unclosed code fence: a result, the text before it still read', () => {
  const text = SMALL_CONTRACT.replace('## 2. Subcontractors', '```\nunclosed code\n\n## 2. Subcontractors');
  const report = resultOrOneLine(lint(text));
  assert.ok(report);
  assert.equal(report.files[0].topics['incident-notification'].status, 'weak');
});

test('stray and unbalanced HTML: a result', () => {
  const text = SMALL_CONTRACT.replace('## 2. Subcontractors', '<div><span>stray\n\n</p></table> <b>bold <!-- never closed\n\n## 2. Subcontractors');
  const report = resultOrOneLine(lint(text));
  assert.ok(report);
  assert.equal(report.files[0].topics['incident-notification'].evidence[0].line, 7);
});

test('control characters and very long lines: a result', () => {
  resultOrOneLine(lint(`# Agreement\n\n${'\u0007\u001b[31m'.repeat(50)}\n\n${'word '.repeat(200_000)}\n`));
});

// ---------------------------------------------------------------- deep nesting

test('10,000 levels of > blockquote: a result or one line, no crash', () => {
  const text = `# Agreement\n\n${'>'.repeat(10_000)} The Supplier shall notify the Customer of any security incident within 24 hours.\n`;
  resultOrOneLine(lint(text));
});

test('10,000 levels of "> " blockquote over several lines: a result or one line', () => {
  const text = `# Agreement\n\n${Array.from({ length: 20 }, () => `${'> '.repeat(10_000)}The Supplier shall notify the Customer.`).join('\n')}\n`;
  resultOrOneLine(lint(text));
});

test('5,000 nested list items: a result or one line, no crash', () => {
  // "- - - … item": each marker opens a list item inside the previous one.
  const text = `# Agreement\n\n${'- '.repeat(5_000)}The Supplier shall notify the Customer of any security incident within 24 hours.\n`;
  resultOrOneLine(lint(text));
});

test('500 nested list items, one per line: a result or one line', () => {
  const text = `# Agreement\n\n${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`;
  resultOrOneLine(lint(text));
});

// ---------------------------------------------------------------- size

/** Fills about 5 MB with `head` and then `part(n)` for n = 1, 2, … */
function fiveMegabytes(head: string, part: (n: number) => string): string {
  const out = [head];
  let size = head.length;
  for (let n = 1; size < 5 * 1024 * 1024; n++) { const p = part(n); out.push(p); size += p.length; }
  return out.join('');
}

/**
 * Lints `text` through the source entry point (server/src/cli.ts, which calls run()) in a child process,
 * so that a hang can be stopped. The 5-minute limit only guards against running for hours (a linear
 * engine needs well under a minute for 5 MB); it is not a speed test.
 */
function lintInChild(text: string): JsonReport | null {
  const dir = tempTree({ 'big.md': text });
  const p = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'server', 'src', 'cli.ts'), join(dir, 'big.md'), '--format', 'json'], {
    cwd: REPO, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 5 * 60_000, killSignal: 'SIGKILL',
  });
  assert.equal(p.error, undefined, `did not finish within 5 minutes (${String(p.error)})`);
  return resultOrOneLine({ code: p.status ?? -1, stdout: p.stdout, stderr: p.stderr });
}

const PARTIES = '# Software-as-a-Service Agreement\n\nThis Agreement is made between Northwind Cloud B.V. (the "Supplier") and Contoso Bank N.V. (the "Customer").\n\n';

test('a 5 MB contract (one definitions article, thousands of articles) finishes', { timeout: 6 * 60_000 }, () => {
  const text = fiveMegabytes(
    `${PARTIES}## 1. Definitions\n\n- "Customer Data" means all data the Customer uploads to the Platform;\n- "Security Incident" means any unauthorised access to Customer Data;\n- "Platform" means the hosted service.\n\n`,
    (n) => `## ${n + 1}. Security\n\n${n + 1}.1 The Supplier shall notify the Customer of any Security Incident within forty-eight (48) hours after becoming aware of it.\n\n${n + 1}.2 The Supplier may engage subcontractors for the Platform at its sole discretion and without notice to the Customer.\n\n`,
  );
  const report = lintInChild(text);
  if (report) assert.equal(report.files[0].topics['incident-notification'].status, 'weak');
});

test('a 5 MB file of many short contracts, each with its own definitions, finishes', { timeout: 6 * 60_000 }, () => {
  const one = `${PARTIES}## 1. Definitions\n\n- "Customer Data" means all data the Customer uploads to the Platform;\n- "Security Incident" means any unauthorised access to Customer Data;\n- "Platform" means the hosted service.\n\n## 2. Incident notification\n\n2.1 The Supplier shall notify the Customer of any Security Incident within forty-eight (48) hours after becoming aware of it.\n\n`;
  const report = lintInChild(fiveMegabytes('', () => one));
  if (report) assert.equal(report.files[0].topics['incident-notification'].status, 'weak');
});
