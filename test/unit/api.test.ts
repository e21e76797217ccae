/** The library (issue 12): lint, lintText, fix and loadConfig give what `--format json` and `--fix` give. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fix, lint, lintText, loadConfig, TOPIC_IDS, ConfigError } from '../../server/src/api.js';
import { cli, cliJson, REPO, SMALL_CONTRACT, tempTree } from '../cli-fixtures/harness.js';

const require = createRequire(import.meta.url);
const ENGINE = join(REPO, 'dist', 'engine.cjs');
const NO_ENGINE = existsSync(ENGINE) ? false : 'dist/engine.cjs is missing: run npm run build first';

test('lint() returns the --format json report', () => {
  const dir = tempTree({ '.clauselintrc.json': JSON.stringify({ rules: { insurance: 'error' } }), 'a.md': SMALL_CONTRACT, 'drafts/b.md': SMALL_CONTRACT });
  const report = lint(['.'], { cwd: dir });
  assert.deepEqual(report, cliJson(['.'], { cwd: dir }).report);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report.files[0].topics).sort(), [...TOPIC_IDS].sort());
});

test('lint() decides as the command does: not contracts, .clauselintignore, --ignore-pattern, --all, disable comments', () => {
  const marked = `---\nclauselint:\n  type: saas\n---\n${SMALL_CONTRACT}\n<!-- clauselint-disable-file insurence -->\n\n<!-- clauselint-disable-next-line subcontracting -->\nNothing here.\n`;
  const dir = tempTree({ 'contracts/msa.md': marked, 'contracts/old.md': marked, 'notes/README.md': '# Notes\n\nNothing.\n', 'notes/draft.md': SMALL_CONTRACT, '.clauselintignore': 'contracts/old.md\n' });
  const cases: [string[], Parameters<typeof lint>[1]][] = [
    [[], {}],
    [['--ignore-pattern', 'contracts/msa.md', '--all'], { ignorePatterns: ['contracts/msa.md'], all: true }],
    [['--no-ignore', '--all'], { noIgnore: true, all: true }],
    [['--report-unused-disable-directives'], { reportUnusedDisableDirectives: true }],
  ];
  for (const [flags, options] of cases) {
    const report = lint(['.'], { cwd: dir, ...options });
    assert.deepEqual(report, cliJson(['.', ...flags], { cwd: dir }).report, flags.join(' ') || 'no flags');
  }
  assert.deepEqual(lint(['.'], { cwd: dir }).files.map((f) => f.path), ['contracts/msa.md'], 'the ignored file and the files that are no contract are left out');
  // With every contract ignored, the library reports no files; the command says that nothing was checked (exit 2).
  assert.deepEqual(lint(['.'], { cwd: dir, ignorePatterns: ['contracts/msa.md'] }).files, []);
  const nothing = cli(['.', '--ignore-pattern', 'contracts/msa.md'], { cwd: dir });
  assert.equal(nothing.code, 2);
  assert.match(nothing.stderr, /nothing checked in \./);
  const directives = lint(['.'], { cwd: dir, reportUnusedDisableDirectives: true }).files[0].diagnostics.filter((d) => d.ruleId === 'inline-directive');
  assert.deepEqual(directives.map((d) => d.severity), ['warning', 'error'], 'an unknown rule id, and an unused disable comment');
});

test('lintText() uses the configuration nearest to filePath and the given settings', () => {
  const dir = tempTree({ 'sub/.clauselintrc.yaml': 'type: hardware\n' });
  const file = lintText(SMALL_CONTRACT, { cwd: dir, filePath: 'sub/x.md' });
  assert.equal(file.path, 'sub/x.md');
  assert.equal(file.type, 'hardware');
  assert.equal(lintText(SMALL_CONTRACT, { cwd: dir, filePath: 'sub/x.md', settings: { type: 'dpa' } }).type, 'dpa');
  assert.ok(file.diagnostics.every((d) => d.line >= 1 && d.column >= 1));
});

test('fix() inserts what --fix inserts, and reports the fixed text', () => {
  const dir = tempTree({ 'a.md': SMALL_CONTRACT });
  const before = lintText(SMALL_CONTRACT, { cwd: dir, filePath: 'a.md' });
  const r = fix(SMALL_CONTRACT, { cwd: dir, filePath: 'a.md' });
  assert.equal(r.fixed, true);
  assert.ok(r.output.length > SMALL_CONTRACT.length);
  assert.ok(r.result.diagnostics.length < before.diagnostics.length);
  assert.equal(fix(r.output, { cwd: dir, filePath: 'a.md' }).output, r.output, 'a second fix changes nothing');
});

test('loadConfig() finds the file, and a broken one is a ConfigError', () => {
  const dir = tempTree({ '.clauselintrc.json': '{"type":"saas"}', 'bad/.clauselintrc.json': '{"type":"nonsense"}' });
  const c = loadConfig('x.md', { cwd: dir });
  assert.equal(c.file, join(dir, '.clauselintrc.json'));
  assert.deepEqual(c.settings, { type: 'saas' });
  assert.throws(() => loadConfig('bad/x.md', { cwd: dir }), ConfigError);
});

test('dist/engine.cjs: require() gives the library, with no vscode in it', { skip: NO_ENGINE }, () => {
  const engine = require(ENGINE);
  for (const name of ['lint', 'lintText', 'fix', 'loadConfig', 'analyze']) assert.equal(typeof engine[name], 'function', name);
  assert.equal(engine.lintText(SMALL_CONTRACT, { filePath: 'a.md' }).version, undefined);
  assert.ok(engine.lintText(SMALL_CONTRACT, { filePath: 'a.md' }).diagnostics.length > 0);
  assert.doesNotMatch(readFileSync(ENGINE, 'utf8'), /require\("vscode"\)/);
});

test('dist/engine.mjs: import gives the same names', { skip: NO_ENGINE }, async () => {
  const engine = await import(join(REPO, 'dist', 'engine.mjs'));
  for (const name of ['lint', 'lintText', 'fix', 'loadConfig', 'analyze', 'VERSION']) assert.ok(engine[name] !== undefined, name);
});
