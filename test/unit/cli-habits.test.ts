/** The command's ESLint habits (issue 12): --print-config, --init, ignore files, colour, disable comments, aliases. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run } from '../../server/src/cli/main.js';
import { cli, cliJson, SMALL_CONTRACT, tempTree } from '../cli-fixtures/harness.js';

const ANSI = /\u001b\[/;
const paths = (r: ReturnType<typeof cliJson>) => r.report.files.map((f) => f.path).sort();

test('--max-warnings -1 means no limit', () => {
  const dir = tempTree({ 'a.md': SMALL_CONTRACT });
  assert.equal(cli(['--max-warnings', '-1', 'a.md'], { cwd: dir }).code, 0);
  assert.equal(cli(['--max-warnings=-1', 'a.md'], { cwd: dir }).code, 0);
  assert.equal(cli(['--max-warnings', '0', 'a.md'], { cwd: dir }).code, 1);
});

test('--print-config prints the configuration that applies, with the command line over it', () => {
  const dir = tempTree({ 'sub/.clauselintrc.yml': 'type: dpa\nrules:\n  insurance: off\n', 'sub/a.md': SMALL_CONTRACT });
  const r = cli(['--print-config', 'sub/a.md', '--regimes', 'gdpr'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), { type: 'dpa', rules: { insurance: 'off' }, regimes: ['gdpr'] });
  assert.match(r.stderr, /\.clauselintrc\.yml/);
});

test('.clauselintrc.yml is read, not ignored', () => {
  const dir = tempTree({ '.clauselintrc.yml': 'type: hardware\n', 'a.md': SMALL_CONTRACT });
  const { file } = cliJson(['a.md'], { cwd: dir });
  assert.equal(file.type, 'hardware');
  assert.equal(file.typeSource, 'config');
});

test('severity aliases (warn, 0/1/2) are taken; an unknown rule gets a "did you mean"', () => {
  const dir = tempTree({ '.clauselintrc.json': JSON.stringify({ rules: { subcontracting: 2, 'incident-notification': 'warn', insurance: 0 } }), 'a.md': SMALL_CONTRACT });
  const { file, code } = cliJson(['a.md'], { cwd: dir });
  assert.equal(code, 1, 'subcontracting: 2 is an error');
  assert.ok(file.diagnostics.some((d) => d.ruleId === 'subcontracting' && d.severity === 'error'));
  assert.ok(!file.diagnostics.some((d) => d.ruleId === 'insurance'));
  const bad = tempTree({ '.clauselintrc.json': JSON.stringify({ rules: { insurence: 'off' } }), 'a.md': SMALL_CONTRACT });
  const r = cli(['a.md'], { cwd: bad });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown rule “insurence”: did you mean “insurance”\?/);
});

test('--init writes a commented .clauselintrc.yaml from flags, valid for the command', () => {
  const dir = tempTree({ 'a.md': SMALL_CONTRACT });
  const r = cli(['--init', '--type', 'saas', '--regimes', 'nis2,gdpr'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(join(dir, '.clauselintrc.yaml'), 'utf8');
  assert.match(text, /^# /m);
  assert.deepEqual(parse(text), { type: 'saas', regimes: ['nis2', 'gdpr'] });
  assert.equal(cliJson(['a.md'], { cwd: dir }).file.type, 'saas');
  assert.equal(cli(['--init'], { cwd: dir }).code, 2, 'an existing configuration is not overwritten');
});

test('--init asks type and regimes at a terminal', () => {
  const dir = tempTree();
  const answers = ['nonsense', 'dpa', 'gdpr'];
  const questions: string[] = [];
  let stdout = '';
  const code = run(['--init'], { stdout: (s) => { stdout += s; }, stderr: () => {}, readStdin: () => '', isTTY: true, cwd: dir,
    prompt: (q) => { questions.push(q); return answers.shift(); } });
  assert.equal(code, 0, stdout);
  assert.equal(questions.length, 3, 'a wrong type is asked again');
  assert.deepEqual(parse(readFileSync(join(dir, '.clauselintrc.yaml'), 'utf8')), { type: 'dpa', regimes: ['gdpr'] });
  const asked: string[] = [];
  run(['--init', '--lang', 'nl'], { stdout: () => {}, stderr: () => {}, readStdin: () => '', isTTY: true, cwd: tempTree(), prompt: (q) => { asked.push(q); return ''; } });
  assert.match(asked[0], /^Soort overeenkomst \(saas, .*; leeg om Clauselint die te laten afleiden\): $/);
  assert.match(asked[1], /^Wetgeving die van toepassing is/);
});

test('--init writes its comments in the language of its questions; the settings stay as the schema has them', () => {
  const dutch = tempTree();
  assert.equal(cli(['--init', '--lang', 'nl', '--type', 'dpa', '--regimes', 'gdpr'], { cwd: dutch }).code, 0);
  const nl = readFileSync(join(dutch, '.clauselintrc.yaml'), 'utf8');
  assert.match(nl, /^# Configuratie van Clauselint: die geldt voor de overeenkomsten in deze map/m);
  assert.match(nl, /^# De soort overeenkomst als de kopgegevens van een overeenkomst die niet noemen: saas, /m);
  assert.match(nl, /^# De eigen zwakke formuleringen van uw organisatie\.$/m);
  assert.doesNotMatch(nl, /^# (?:The|Every|Severity|Topics|Your|Files) /m, 'no English comment left');
  assert.deepEqual(parse(nl), { type: 'dpa', regimes: ['gdpr'], language: 'nl' });
  const english = tempTree();
  assert.equal(cli(['--init', '--lang', 'en', '--type', 'dpa', '--regimes', 'gdpr'], { cwd: english }).code, 0);
  const en = readFileSync(join(english, '.clauselintrc.yaml'), 'utf8');
  assert.match(en, /^# Clauselint configuration: it applies to the contracts in this folder and below/m);
  assert.match(en, /^# Your organisation's own weak phrases\.$/m);
  assert.deepEqual(parse(en), { type: 'dpa', regimes: ['gdpr'], language: 'en' });
});

test('.clauselintignore, --ignore-pattern and --no-ignore', () => {
  const dir = tempTree({
    '.clauselintrc.json': '{}', '.clauselintignore': '# drafts are not ready\ndrafts/\n*.old.md\n!keep.old.md\n',
    'a.md': SMALL_CONTRACT, 'drafts/b.md': SMALL_CONTRACT, 'c.old.md': SMALL_CONTRACT, 'keep.old.md': SMALL_CONTRACT, 'sub/d.md': SMALL_CONTRACT,
  });
  const all = ['.'];
  assert.deepEqual(paths(cliJson(all, { cwd: dir })), ['a.md', 'keep.old.md', 'sub/d.md']);
  assert.deepEqual(paths(cliJson([...all, '--ignore-pattern', 'sub/**', '--ignore-pattern', 'a.md'], { cwd: dir })), ['keep.old.md']);
  assert.deepEqual(paths(cliJson([...all, '--no-ignore'], { cwd: dir })), ['a.md', 'c.old.md', 'drafts/b.md', 'keep.old.md', 'sub/d.md']);
  const extglob = cli(['.', '--ignore-pattern', '+(a*)b'], { cwd: dir });
  assert.equal(extglob.code, 2, 'an extended glob is refused, as in the configuration');
  assert.match(extglob.stderr, /“\+\(a\*\)b”.*extended glob/);
  const dutch = cli(['.', '--lang', 'nl', '--ignore-pattern', '+(a*)b'], { cwd: dir });
  assert.equal(dutch.code, 2);
  assert.doesNotMatch(dutch.stderr, /extended glob|not supported/, 'in the command\'s language');
});

test('--color and --no-color override the terminal, NO_COLOR and FORCE_COLOR', (t) => {
  const dir = tempTree({ 'a.md': SMALL_CONTRACT });
  assert.match(cli(['a.md', '--color'], { cwd: dir }).stdout, ANSI);
  assert.doesNotMatch(cli(['a.md', '--no-color'], { cwd: dir, isTTY: true }).stdout, ANSI);
  const saved = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
  t.after(() => { for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; } });
  delete process.env.NO_COLOR;
  process.env.FORCE_COLOR = '1';
  assert.match(cli(['a.md'], { cwd: dir }).stdout, ANSI, 'FORCE_COLOR colours a pipe');
  delete process.env.FORCE_COLOR;
  process.env.NO_COLOR = '1';
  assert.doesNotMatch(cli(['a.md'], { cwd: dir, isTTY: true }).stdout, ANSI, 'NO_COLOR');
  assert.match(cli(['a.md', '--color'], { cwd: dir, isTTY: true }).stdout, ANSI, '--color beats NO_COLOR');
});

test('an unknown rule id in a disable comment is a warning with a "did you mean"', () => {
  const dir = tempTree({ 'a.md': `${SMALL_CONTRACT}\n<!-- clauselint-disable-file insurence -->\n` });
  const { file } = cliJson(['a.md'], { cwd: dir });
  const d = file.diagnostics.find((x) => x.ruleId === 'inline-directive');
  assert.ok(d, 'reported');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /Unknown rule “insurence”.*did you mean “insurance”/);
  assert.equal(d.line, SMALL_CONTRACT.split('\n').length + 1);
});

test('a mistyped option value gets a "did you mean"', () => {
  for (const [args, guess] of [[['--format', 'jsn'], 'json'], [['--regimes', 'GDPR,nis2'], 'gdpr'], [['--type', 'managed'], 'managed-services'], [['--regimes', 'avg'], 'gdpr'], [['--regimes', 'Cyberweerbaarheidsverordening'], 'cra']] as const) {
    const r = cli(['contract.md', ...args]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`^clauselint: ${args[0]} “[^”]+” is not one of [^:]+: did you mean “${guess}”\\?$`, 'm'));
  }
  assert.doesNotMatch(cli(['contract.md', '--regimes', 'avg,x']).stderr, /did you mean/, 'no guess for two wrong values');
});

test('the disable comments\' findings are in the contract\'s language', () => {
  const contract = '# Verwerkersovereenkomst\n\nPartijen: Zorgdata B.V. ("Verwerker") en Stichting Thuiszorg West ("Verwerkingsverantwoordelijke").\n\n'
    + '<!-- clauselint-disable-next-line insurence -->\nVerwerker meldt een datalek onverwijld.\n\n<!-- clauselint-disable-next-line subcontracting -->\nNiets hier.\n';
  const { file } = cliJson(['a.md', '--report-unused-disable-directives'], { cwd: tempTree({ 'a.md': contract }) });
  const messages = file.diagnostics.filter((d) => d.ruleId === 'inline-directive').map((d) => d.message);
  assert.deepEqual(messages, [
    'Onbekende regel “insurence” in een clauselint-disable-next-line-commentaar: bedoelt u “insurance”?',
    'Ongebruikt uitschakelcommentaar: geen bevinding van “subcontracting” om uit te schakelen.',
  ]);
});

test('--report-unused-disable-directives reports a disable comment that switched nothing off', () => {
  const contract = `${SMALL_CONTRACT}\n<!-- clauselint-disable-file subcontracting -->\n<!-- clauselint-disable-file encryption -->\n`;
  const dir = tempTree({ 'a.md': contract });
  const plain = cliJson(['a.md'], { cwd: dir });
  assert.ok(!plain.file.diagnostics.some((d) => d.ruleId === 'inline-directive'), 'not without the option');
  assert.ok(!plain.file.diagnostics.some((d) => d.ruleId === 'subcontracting'), 'the comment works');
  const missingEncryption = cliJson(['a.md'], { cwd: tempTree({ 'a.md': SMALL_CONTRACT }) }).file.diagnostics.some((d) => d.ruleId === 'encryption');
  const r = cliJson(['a.md', '--report-unused-disable-directives'], { cwd: dir });
  const unused = r.file.diagnostics.filter((d) => d.ruleId === 'inline-directive');
  // subcontracting is weak in SMALL_CONTRACT, so its comment is used; encryption's is used only when it is reported.
  assert.equal(unused.length, missingEncryption ? 0 : 1, JSON.stringify(unused));
  const unusedDir = tempTree({ 'a.md': `${SMALL_CONTRACT}\n<!-- clauselint-disable-next-line subcontracting -->\nNothing here.\n` });
  const u = cliJson(['a.md', '--report-unused-disable-directives'], { cwd: unusedDir });
  const found = u.file.diagnostics.find((d) => d.ruleId === 'inline-directive');
  assert.ok(found && found.severity === 'error', JSON.stringify(u.file.diagnostics.map((d) => d.ruleId)));
  assert.match(found.message, /Unused disable comment.*subcontracting/);
  assert.equal(u.code, 1);
  assert.ok(existsSync(join(unusedDir, 'a.md')));
});
