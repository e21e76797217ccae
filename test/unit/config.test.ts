/** Configuration: discovery (nearest file wins), its effect, and one clear line for a broken file (issue 2, item 8). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SMALL_CONTRACT, assertOneLine, cli, cliJson, tempTree } from '../cli-fixtures/harness.js';

/** The contract with front matter that declares a type. */
const DECLARED = `---\nclauselint:\n  type: software\n---\n${SMALL_CONTRACT}`;

// ---------------------------------------------------------------- discovery

for (const [name, text] of [
  ['.clauselintrc.json', '{ "type": "dpa" }'],
  ['.clauselintrc.yaml', 'type: dpa\n'],
  ['.clauselintrc.yml', 'type: dpa\n'],
  ['clauselint.config.json', '{ "type": "dpa" }'],
  ['package.json', '{ "name": "contracts", "private": true, "clauselint": { "type": "dpa" } }'],
] as const) {
  test(`${name} is found`, () => {
    const dir = tempTree({ [name]: text, 'c.md': SMALL_CONTRACT });
    const { code, file } = cliJson(['c.md'], { cwd: dir });
    assert.equal(code, 0);
    assert.equal(file.type, 'dpa');
    assert.equal(file.typeSource, 'config');
  });
}

test('no configuration anywhere: the type is inferred', () => {
  const { file } = cliJson(['c.md'], { cwd: tempTree({ 'c.md': SMALL_CONTRACT }) });
  assert.equal(file.type, 'saas');
  assert.equal(file.typeSource, 'inferred');
});

test('a configuration in a parent folder applies to files below it', () => {
  const dir = tempTree({ '.clauselintrc.json': '{ "type": "dpa" }', 'a/b/c.md': SMALL_CONTRACT });
  assert.equal(cliJson(['a/b/c.md'], { cwd: dir }).file.type, 'dpa');
});

test('the nearest configuration wins: a subfolder overrides its parent', () => {
  const dir = tempTree({
    '.clauselintrc.json': '{ "type": "dpa", "regimes": ["gdpr"] }',
    'top.md': SMALL_CONTRACT,
    'sub/.clauselintrc.json': '{ "type": "hardware" }',
    'sub/inner.md': SMALL_CONTRACT,
  });
  const { report } = cliJson(['.'], { cwd: dir });
  const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
  assert.equal(byPath['top.md'].type, 'dpa');
  assert.deepEqual(byPath['top.md'].regimes, ['gdpr']);
  assert.equal(byPath['sub/inner.md'].type, 'hardware');
  assert.deepEqual(byPath['sub/inner.md'].regimes, []); // the nearest file wins whole; nothing is merged from the parent
});

test('a package.json without a "clauselint" key does not hide the parent configuration', () => {
  const dir = tempTree({
    '.clauselintrc.yaml': 'type: dpa\n',
    'sub/package.json': '{ "name": "x", "version": "1.0.0" }',
    'sub/c.md': SMALL_CONTRACT,
  });
  assert.equal(cliJson(['sub/c.md'], { cwd: dir }).file.type, 'dpa');
});

test('--config uses the given file instead of the nearest one', () => {
  const dir = tempTree({ '.clauselintrc.json': '{ "type": "dpa" }', 'other.json': '{ "type": "hardware" }', 'c.md': SMALL_CONTRACT });
  assert.equal(cliJson(['c.md', '--config', join(dir, 'other.json')], { cwd: dir }).file.type, 'hardware');
});

test('--config naming a missing file is exit 2 with one line', () => {
  const dir = tempTree({ 'c.md': SMALL_CONTRACT });
  const { code, stderr } = cli(['c.md', '--config', join(dir, 'nope.json')], { cwd: dir });
  assert.equal(code, 2);
  assert.match(assertOneLine(stderr)[0], /nope\.json/);
});

// ---------------------------------------------------------------- effect

test('rules: {"insurance": "off"} removes that rule\'s findings', () => {
  const contract = `---\nclauselint:\n  type: managed-services\n---\n${SMALL_CONTRACT}`; // managed services need insurance
  const on = cliJson(['c.md'], { cwd: tempTree({ 'c.md': contract }) }).file;
  assert.ok(on.diagnostics.some((d) => d.ruleId === 'insurance'));
  const off = cliJson(['c.md'], { cwd: tempTree({ '.clauselintrc.json': '{ "rules": { "insurance": "off" } }', 'c.md': contract }) }).file;
  assert.ok(!off.diagnostics.some((d) => d.ruleId === 'insurance'));
  assert.equal(off.diagnostics.length, on.diagnostics.length - 1); // nothing else disappears
});

test('rules can change a severity', () => {
  const dir = tempTree({ '.clauselintrc.yaml': 'rules:\n  encryption: hint\n', 'c.md': SMALL_CONTRACT });
  const d = cliJson(['c.md'], { cwd: dir }).file.diagnostics.find((x) => x.ruleId === 'encryption');
  assert.equal(d?.severity, 'hint');
});

test('ignores: ["drafts/**"] skips those files', () => {
  const dir = tempTree({
    '.clauselintrc.json': '{ "ignores": ["drafts/**"] }',
    'final.md': SMALL_CONTRACT,
    'drafts/one.md': SMALL_CONTRACT,
    'drafts/deep/two.md': SMALL_CONTRACT,
  });
  assert.deepEqual(cliJson(['.'], { cwd: dir }).report.files.map((f) => f.path), ['final.md']);
  assert.deepEqual(cliJson(['**/*.md'], { cwd: dir }).report.files.map((f) => f.path), ['final.md']);
});

test('type and regimes from the configuration: typeSource "config"', () => {
  const dir = tempTree({ '.clauselintrc.yaml': 'type: managed-services\nregimes: [nis2, dora]\n', 'c.md': SMALL_CONTRACT });
  const { file } = cliJson(['c.md'], { cwd: dir });
  assert.equal(file.type, 'managed-services');
  assert.equal(file.typeSource, 'config');
  assert.deepEqual([...file.regimes].sort(), ['dora', 'nis2']);
});

test('front matter beats the configuration', () => {
  const dir = tempTree({ '.clauselintrc.json': '{ "type": "dpa" }', 'c.md': DECLARED });
  const { file } = cliJson(['c.md'], { cwd: dir });
  assert.equal(file.type, 'software');
  assert.equal(file.typeSource, 'front-matter');
});

test('language from the configuration', () => {
  const dir = tempTree({ '.clauselintrc.json': '{ "language": "nl" }', 'c.md': SMALL_CONTRACT });
  assert.equal(cliJson(['c.md'], { cwd: dir }).file.language, 'nl');
});

test('requiredTopics from the configuration make a topic apply', () => {
  const dir = tempTree({ '.clauselintrc.json': '{ "requiredTopics": ["insurance"] }', 'c.md': SMALL_CONTRACT });
  const { file } = cliJson(['c.md'], { cwd: dir });
  assert.equal(file.type, 'saas'); // saas alone has no insurance topic
  assert.equal(file.topics.insurance.status, 'missing');
  assert.ok(file.diagnostics.some((d) => d.ruleId === 'insurance'));
});

// ---------------------------------------------------------------- broken configuration

/** Writes `text` as `name`, runs the command, and returns the one stderr line. */
function broken(name: string, text: string): string {
  const dir = tempTree({ [name]: text, 'c.md': SMALL_CONTRACT });
  const { code, stdout, stderr } = cli(['c.md'], { cwd: dir });
  assert.equal(code, 2, `exit code; stderr: ${stderr}`);
  assert.equal(stdout, '');
  const [line] = assertOneLine(stderr);
  assert.ok(line.includes(name), `names the file: ${line}`);
  return line;
}

test('broken JSON: exit 2, one line with file and line number', () => {
  const line = broken('.clauselintrc.json', '{\n  "type": "saas",\n  "regimes": ["nis2"]\n  "language": "en"\n}\n');
  assert.match(line, /\bline 4\b/);
  assert.match(line, /JSON/);
});

test('broken JSON in package.json: exit 2, one line with file and line number', () => {
  const line = broken('package.json', '{\n  "name": "x",\n  "clauselint": {\n    "type": "saas",,\n  }\n}\n');
  assert.match(line, /\bline 4\b/);
});

test('broken YAML: exit 2, one line with file and line number', () => {
  // Line 3 is the broken one: a second colon in a plain value.
  const line = broken('.clauselintrc.yaml', 'type: saas\nregimes: [nis2]\nlanguage: en: x\n');
  assert.match(line, /YAML/);
  assert.match(line, /\bline 3\b/);
});

test('broken YAML (a key given twice, again on line 3): the line number is right', () => {
  const line = broken('.clauselintrc.yaml', 'type: saas\nregimes: [nis2]\ntype: dpa\n');
  assert.match(line, /\bline 3\b/);
});

test('an unknown key: exit 2, one line naming the key and its line', () => {
  const line = broken('.clauselintrc.json', '{\n  "type": "saas",\n  "colour": "red"\n}\n');
  assert.match(line, /colour/);
  assert.match(line, /\bline 3\b/);
});

test('an unknown key in YAML: exit 2, one line naming the key and its line', () => {
  const line = broken('.clauselintrc.yaml', 'type: saas\nregimes: [nis2]\nignore: ["drafts/**"]\n');
  assert.match(line, /ignore/);
  assert.match(line, /\bline 3\b/);
});

test('a bad severity: exit 2, one line naming the rule and its line', () => {
  const line = broken('.clauselintrc.json', '{\n  "rules": {\n    "insurance": "off",\n    "liability": "fatal"\n  }\n}\n');
  assert.match(line, /liability/);
  assert.match(line, /\bline 4\b/);
});

test('an unknown rule id: exit 2, one line naming the rule and its line', () => {
  const line = broken('.clauselintrc.json', '{\n  "rules": {\n    "insurance": "off",\n    "no-such-rule": "warning"\n  }\n}\n');
  assert.match(line, /no-such-rule/);
  assert.match(line, /\bline 4\b/);
});

test('a bad type value in package.json "clauselint": exit 2 with its line', () => {
  const line = broken('package.json', '{\n  "name": "x",\n  "clauselint": {\n    "type": "cloud"\n  }\n}\n');
  assert.match(line, /type/);
  assert.match(line, /\bline 4\b/);
});

test('a broken configuration is reported even with --format json (nothing on stdout)', () => {
  const dir = tempTree({ '.clauselintrc.json': '{ "type": ', 'c.md': SMALL_CONTRACT });
  const { code, stdout, stderr } = cli(['c.md', '--format', 'json'], { cwd: dir });
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assertOneLine(stderr);
});
