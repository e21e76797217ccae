/** The `clauselint` command: output formats, options and exit codes (spec: issue 2, items 10–11). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPIC_IDS } from '../../server/src/engine/types.js';
import { VERSION } from '../../server/src/cli/main.js';
import { CLI_FIXTURES, NO_BUNDLE, REPO, SMALL_CONTRACT, cli, cliJson, spawnCli, tempTree } from '../cli-fixtures/harness.js';

const CONTRACT = 'contract.md'; // test/cli-fixtures/contract.md: warnings only, no front matter
const ANSI = /\u001b\[/;

// ---------------------------------------------------------------- formats

test('json: the public shape, exactly', () => {
  const { code, report } = cliJson([CONTRACT]);
  assert.equal(code, 0);
  assert.deepEqual(Object.keys(report).sort(), ['files', 'version']);
  assert.equal(report.version, 1);
  assert.equal(report.files.length, 1);
  const file = report.files[0];
  assert.deepEqual(Object.keys(file).sort(), ['diagnostics', 'language', 'path', 'regimes', 'topics', 'type', 'typeSource']);
  assert.equal(file.path, 'contract.md');
  assert.ok(['en', 'nl'].includes(file.language));
  assert.ok(['saas', 'software', 'hardware', 'managed-services', 'dpa', 'other'].includes(file.type));
  assert.ok(['front-matter', 'config', 'inferred'].includes(file.typeSource));
  assert.ok(Array.isArray(file.regimes));
  assert.deepEqual(Object.keys(file.topics).sort(), [...TOPIC_IDS].sort());
  assert.equal(Object.keys(file.topics).length, 23);
  for (const [id, t] of Object.entries(file.topics)) {
    assert.deepEqual(Object.keys(t).sort(), ['evidence', 'status'], id);
    assert.ok(['present', 'weak', 'missing', 'not-applicable'].includes(t.status), `${id}: ${t.status}`);
    for (const e of t.evidence) {
      assert.deepEqual(Object.keys(e).sort(), ['endLine', 'line', 'text'], id);
      assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.endLine >= e.line, `${id}: ${JSON.stringify(e)}`);
      assert.equal(typeof e.text, 'string');
    }
  }
  assert.ok(file.diagnostics.length > 0);
  for (const d of file.diagnostics) {
    assert.deepEqual(Object.keys(d).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity', 'topic']);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
    assert.ok(d.topic === null || (TOPIC_IDS as readonly string[]).includes(d.topic));
    assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line && d.endColumn >= 1, JSON.stringify(d));
    assert.ok(d.message.length > 0);
  }
});

test('json: lines are 1-based and point at the clause', () => {
  const { file } = cliJson([CONTRACT]);
  const source = readFileSync(join(CLI_FIXTURES, CONTRACT), 'utf8').split('\n');
  // contract.md line 11 is the incident clause ("2.1 The Supplier shall notify ...").
  assert.match(source[10], /^2\.1 The Supplier shall notify/);
  assert.equal(file.topics['incident-notification'].status, 'weak');
  assert.equal(file.topics['incident-notification'].evidence[0].line, 11);
  const incident = file.diagnostics.find((d) => d.ruleId === 'incident-notification');
  assert.ok(incident);
  assert.equal(incident.line, 11);
  assert.equal(incident.column, 1);
  // A missing topic is reported on the title line, line 1.
  const missing = file.diagnostics.find((d) => d.ruleId === 'encryption');
  assert.ok(missing);
  assert.equal(missing.line, 1);
});

test('sarif: valid 2.1.0 with rule metadata and help links', () => {
  const { code, stdout } = cli([CONTRACT, '--format', 'sarif']);
  assert.equal(code, 0);
  const log = JSON.parse(stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const { driver } = log.runs[0].tool;
  assert.equal(driver.name, 'clauselint');
  const ruleIds = driver.rules.map((r: { id: string }) => r.id);
  for (const id of TOPIC_IDS) assert.ok(ruleIds.includes(id), `rule ${id} in driver.rules`);
  for (const r of driver.rules) {
    assert.equal(typeof r.id, 'string');
    assert.match(r.helpUri, /^https?:\/\/\S+$/, r.id);
  }
  const { results } = log.runs[0];
  assert.ok(results.length > 0);
  for (const r of results) {
    assert.ok(ruleIds.includes(r.ruleId), r.ruleId);
    if (r.ruleIndex !== undefined) assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(r.level), r.level);
    assert.equal(typeof r.message.text, 'string');
    const loc = r.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'contract.md');
    assert.ok(Number.isInteger(loc.region.startLine) && loc.region.startLine >= 1);
  }
});

test('github: one workflow annotation per finding, errors first, at most ten of each kind (GitHub shows ten)', () => {
  const { code, stdout } = cli([CONTRACT, '--format', 'github']);
  assert.equal(code, 0);
  const lines = stdout.trimEnd().split('\n');
  const findings = cliJson([CONTRACT]).file.diagnostics;
  const kinds = lines.map((l) => /^::(\w+)/.exec(l)![1]);
  assert.deepEqual(kinds, [...kinds].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)), 'errors first');
  for (const kind of ['error', 'warning', 'notice']) assert.ok(kinds.filter((k) => k === kind).length <= 10, `at most ten ${kind} annotations`);
  const more = lines.filter((l) => /more (errors|warnings|notices) are not shown/.test(l));
  const warnings = findings.filter((d) => d.severity === 'warning').length;
  assert.equal(more.length, warnings > 10 ? 1 : 0);
  assert.equal(lines.length - more.length + (more.length ? Number(/::(\d+) more/.exec(more[0])![1]) : 0), findings.length, 'every finding is an annotation or counted in the last one');
  lines.splice(lines.indexOf(more[0]), more.length);
  for (const line of lines) {
    assert.match(line, /^::(warning|error|notice) /);
    assert.match(line, /file=contract\.md,/);
    assert.match(line, /,line=\d+,/);
  }
});

test('junit: XML test suites', () => {
  const { code, stdout } = cli([CONTRACT, '--format', 'junit']);
  assert.equal(code, 0);
  assert.match(stdout, /^<\?xml /);
  assert.match(stdout, /<testsuites[\s>]/);
  assert.match(stdout, /<testsuite name="contract\.md"/);
  assert.match(stdout, /<\/testsuites>\s*$/);
});

test('stylish: findings, a coverage line, no colour when not a terminal', () => {
  const { code, stdout } = cli([CONTRACT]);
  assert.equal(code, 0);
  assert.match(stdout, /^contract\.md$/m);
  assert.match(stdout, /^\s+11:1\s+warning\s+.*incident-notification$/m);
  assert.match(stdout, /\d+ present · \d+ weak · \d+ missing/);
  assert.doesNotMatch(stdout, ANSI);
});

test('stylish: colour on a terminal (unless NO_COLOR)', (t) => {
  if (process.env.NO_COLOR) return t.skip('NO_COLOR is set in this environment');
  const { stdout } = cli([CONTRACT], { isTTY: true });
  assert.match(stdout, ANSI);
});

test('--output writes the report to a file, not to stdout', () => {
  const dir = tempTree();
  const out = join(dir, 'report.json');
  const { code, stdout } = cli([CONTRACT, '--format', 'json', '--output', out]);
  assert.equal(code, 0);
  assert.equal(stdout, '');
  assert.ok(existsSync(out));
  const report = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(report.version, 1);
  assert.equal(report.files[0].path, 'contract.md');
});

test('--output, --config, --print-config and --stdin-filename are read against the working folder given, not the process\'s', () => {
  const dir = tempTree({ 'c.md': SMALL_CONTRACT, 'conf/strict.json': '{ "type": "dpa" }\n', 'out/.keep': '' });
  assert.notEqual(process.cwd(), dir);
  const { code, stdout, stderr } = cli(['c.md', '--format', 'json', '-o', 'out/report.json', '--config', 'conf/strict.json'], { cwd: dir });
  assert.equal(code, 0, stderr);
  assert.equal(stdout, '');
  assert.ok(!existsSync(join(process.cwd(), 'out', 'report.json')), 'written in the process\'s folder');
  const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
  assert.equal(report.files[0].path, 'c.md');
  assert.equal(report.files[0].type, 'dpa', 'the --config file was found in the working folder');
  assert.equal(JSON.parse(cli(['--print-config', join(dir, 'c.md'), '--config', 'conf/strict.json'], { cwd: dir }).stdout).type, 'dpa', 'an absolute path stays absolute');
  const piped = cliJson(['--stdin', '--stdin-filename', join(dir, 'c.md'), '--config', 'conf/strict.json'], { cwd: dir, stdin: SMALL_CONTRACT });
  assert.equal(piped.file.type, 'dpa');
});

// ---------------------------------------------------------------- exit codes

test('exit 0 with warnings only', () => {
  const { code, file } = cliJson([CONTRACT]);
  assert.ok(file.diagnostics.some((d) => d.severity === 'warning'));
  assert.ok(!file.diagnostics.some((d) => d.severity === 'error'));
  assert.equal(code, 0);
});

test('exit 1 with --max-warnings 0 when there are warnings; 0 when the limit is high enough', () => {
  assert.equal(cli([CONTRACT, '--max-warnings', '0']).code, 1);
  assert.equal(cli([CONTRACT, '--max-warnings', '1000']).code, 0);
});

test('exit 1 when a rule set to "error" in a configuration fires', () => {
  const dir = tempTree({ '.clauselintrc.json': '{ "rules": { "encryption": "error" } }', 'c.md': SMALL_CONTRACT });
  const { code, file } = cliJson(['c.md'], { cwd: dir });
  assert.equal(code, 1);
  assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId), ['encryption']);
});

for (const [what, argv, mentions] of [
  ['an unknown option', [CONTRACT, '--colour'], /colour/],
  ['an unknown --format', [CONTRACT, '--format', 'xml'], /xml/],
  ['a missing file', ['no-such-contract.md'], /no-such-contract\.md/],
  ['--type bogus', [CONTRACT, '--type', 'bogus'], /bogus/],
  ['--regimes bogus', [CONTRACT, '--regimes', 'nis2,bogus'], /bogus/],
  ['--lang de', [CONTRACT, '--lang', 'de'], /“de”/],
  ['--max-warnings abc', [CONTRACT, '--max-warnings', 'abc'], /max-warnings/],
  ['no paths at all', [], /clauselint/],
] as const) {
  test(`exit 2 for ${what}, with a message and no stack trace`, () => {
    const { code, stdout, stderr } = cli([...argv]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^clauselint: /);
    assert.match(stderr, mentions);
    assert.ok(!stderr.includes('    at '), stderr);
  });
}

/** Runs `body` with the locale set to `locale` (LC_ALL, LC_MESSAGES and LANG), then puts them back. */
function withLocale<T>(locale: string, body: () => T): T {
  const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  delete process.env.LC_ALL; delete process.env.LC_MESSAGES;
  process.env.LANG = locale;
  try { return body(); } finally {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
}

test('--help in Dutch with --lang nl or a Dutch locale, in English otherwise; the option names unchanged', () => {
  const dutch = cli(['--help', '--lang', 'nl']);
  assert.equal(dutch.code, 0);
  assert.match(dutch.stdout, /^Gebruik: clauselint \[opties\]/);
  assert.match(dutch.stdout, /^Afsluitcodes: 0 geen fouten/m);
  assert.match(dutch.stdout, /--all {18}controleer in mappen en globpatronen elk Markdown-bestand/);
  const english = cli(['--help']).stdout;
  const options = (help: string) => [...help.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]);
  assert.deepEqual(options(dutch.stdout), options(english), 'the same options, in the same order');
  assert.match(withLocale('nl_NL.UTF-8', () => cli(['--help']).stdout), /^Gebruik: clauselint/);
  assert.match(withLocale('nl_NL.UTF-8', () => cli(['--help', '--lang', 'en']).stdout), /^Usage: clauselint/, '--lang wins');
  assert.match(withLocale('de_DE.UTF-8', () => cli(['--help']).stdout), /^Usage: clauselint/);
});

for (const [what, argv, en, nl] of [
  ['an unknown option', [CONTRACT, '--colour'], /^clauselint: unknown option --colour\nRun clauselint --help for the options\.\n$/, /^clauselint: onbekende optie --colour\nZie clauselint --help voor de opties\.\n$/],
  ['a missing value', [CONTRACT, '--format'], /^clauselint: --format needs a value\n/, /^clauselint: na --format ontbreekt de waarde\n/],
  ['a bad value', [CONTRACT, '--type', 'dap'], /^clauselint: --type “dap” is not one of saas, .*: did you mean “dpa”\?\n/, /^clauselint: --type “dap” is geen geldige waarde; kies uit saas, .*\. Bedoelt u “dpa”\?\n/],
  ['a value for a switch', [CONTRACT, '--quiet=yes'], /^clauselint: --quiet takes no value\n/, /^clauselint: bij --quiet hoort geen waarde\n/],
  ['no whole number', [CONTRACT, '--max-warnings', 'abc'], /^clauselint: --max-warnings needs a whole number\n/, /^clauselint: --max-warnings vraagt om een geheel getal\n/],
] as const) {
  test(`usage error for ${what}: Dutch with --lang nl or a Dutch locale, English otherwise`, () => {
    const english = withLocale('en_GB.UTF-8', () => cli([...argv]));
    assert.equal(english.code, 2);
    assert.match(english.stderr, en);
    assert.match(cli(['--lang', 'nl', ...argv]).stderr, nl);
    assert.match(withLocale('nl_BE.UTF-8', () => cli([...argv])).stderr, nl);
  });
}

test('a file the command cannot write is one line in the command\'s language, exit 2', () => {
  const english = cli([CONTRACT, '--output', join(tempTree(), 'no', 'such', 'out.txt'), '--lang', 'en']);
  assert.equal(english.code, 2);
  assert.match(english.stderr, /^clauselint: cannot read or write .*out\.txt\.\d+\.tmp \(ENOENT\)\n$/);
  assert.match(cli([CONTRACT, '--output', join(tempTree(), 'no', 'such', 'out.txt'), '--lang', 'nl']).stderr, /^clauselint: kan .*out\.txt\.\d+\.tmp niet lezen of schrijven \(ENOENT\)\n$/);
});

test('--help and --version exit 0', () => {
  const help = cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: clauselint/);
  for (const option of ['--format', '--output', '--config', '--type', '--regimes', '--lang', '--max-warnings', '--quiet', '--stdin', '--stdin-filename']) {
    assert.ok(help.stdout.includes(option), option);
  }
  const version = cli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), VERSION);
  assert.equal(VERSION, JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
});

// ---------------------------------------------------------------- options

test('--stdin with --stdin-filename reports that name and uses its configuration', () => {
  const dir = tempTree({ '.clauselintrc.json': '{ "type": "dpa" }' });
  const { code, file } = cliJson(['--stdin', '--stdin-filename', 'x.md'], { cwd: dir, stdin: SMALL_CONTRACT });
  assert.equal(code, 0);
  assert.equal(file.path, 'x.md');
  assert.equal(file.type, 'dpa');
  assert.equal(file.typeSource, 'config');
  assert.equal(file.topics['incident-notification'].evidence[0].line, 7);
});

test('--stdin without a name still gives a result', () => {
  const { code, file } = cliJson(['--stdin'], { cwd: tempTree(), stdin: SMALL_CONTRACT });
  assert.equal(code, 0);
  assert.equal(file.topics['incident-notification'].status, 'weak');
});

test('--quiet leaves only errors', () => {
  const dir = tempTree({ '.clauselintrc.json': '{ "rules": { "encryption": "error" } }', 'c.md': SMALL_CONTRACT });
  const loud = cliJson(['c.md'], { cwd: dir }).file.diagnostics;
  assert.ok(loud.some((d) => d.severity === 'warning'));
  const quiet = cliJson(['c.md', '--quiet'], { cwd: dir });
  assert.equal(quiet.code, 1);
  assert.deepEqual(quiet.file.diagnostics.map((d) => `${d.severity} ${d.ruleId}`), ['error encryption']);
  // Without errors, --quiet prints no findings at all.
  assert.deepEqual(cliJson([CONTRACT, '--quiet']).file.diagnostics, []);
  assert.doesNotMatch(cli([CONTRACT, '--quiet']).stdout, /warning/);
});

test('--type overrides the inferred type and the configuration', () => {
  const inferred = cliJson([CONTRACT]).file;
  assert.equal(inferred.type, 'saas');
  assert.equal(inferred.typeSource, 'inferred');
  const forced = cliJson([CONTRACT, '--type', 'hardware']).file;
  assert.equal(forced.type, 'hardware');
  assert.notEqual(forced.typeSource, 'inferred');
  assert.equal(forced.topics['data-location'].status, 'not-applicable'); // hardware has no data-location
  const dir = tempTree({ '.clauselintrc.json': '{ "type": "dpa" }', 'c.md': SMALL_CONTRACT });
  assert.equal(cliJson(['c.md', '--type', 'software'], { cwd: dir }).file.type, 'software');
});

test('--regimes adds the regimes and their topics', () => {
  const plain = cliJson([CONTRACT, '--type', 'other']).file;
  assert.deepEqual(plain.regimes, []);
  assert.equal(plain.topics.subcontracting.status, 'not-applicable');
  const withRegimes = cliJson([CONTRACT, '--type', 'other', '--regimes', 'nis2,gdpr']).file;
  assert.deepEqual([...withRegimes.regimes].sort(), ['gdpr', 'nis2']);
  assert.equal(withRegimes.topics.subcontracting.status, 'weak'); // NIS2 and GDPR add subcontracting
  assert.equal(withRegimes.topics['audit-rights'].status, 'missing'); // GDPR adds audit rights
});

test('--lang overrides the detected language (messages follow it)', () => {
  assert.equal(cliJson([CONTRACT]).file.language, 'en');
  const nl = cliJson([CONTRACT, '--lang', 'nl']).file;
  assert.equal(nl.language, 'nl');
  const missing = nl.diagnostics.find((d) => d.ruleId === 'encryption');
  assert.ok(missing);
  assert.notEqual(missing.message, cliJson([CONTRACT]).file.diagnostics.find((d) => d.ruleId === 'encryption')!.message);
});

// ---------------------------------------------------------------- paths

test('a folder is searched recursively for Markdown, skipping hidden folders and other files', () => {
  const { code, report } = cliJson(['tree', '--all']);
  assert.equal(code, 0);
  assert.deepEqual(report.files.map((f) => f.path).sort(), ['tree/a.md', 'tree/sub/b.md', 'tree/sub/deeper/c.markdown']);
});

test('a glob argument matches files', () => {
  assert.deepEqual(cliJson(['tree/**/*.md', '--all']).report.files.map((f) => f.path).sort(), ['tree/a.md', 'tree/sub/b.md']);
  assert.deepEqual(cliJson(['tree/*.md', '--all']).report.files.map((f) => f.path), ['tree/a.md']);
});

test('an absolute glob argument matches files too', () => {
  const dir = tempTree({ 'x/one.md': SMALL_CONTRACT, 'x/two.md': SMALL_CONTRACT });
  const { code, stderr, stdout } = cli([join(dir, 'x', '*.md'), '--all', '--format', 'json'], { cwd: tempTree() });
  assert.equal(code, 0, stderr);
  assert.equal(JSON.parse(stdout).files.length, 2);
});

test('in a folder only contracts are checked, as in the editor; a file named on the command line always; --all checks every file', () => {
  const dir = tempTree({ 'README.md': '# Notes\n\nThe provider shall notify us without undue delay.\n', 'deal.md': `---\nclauselint:\n  type: other\n---\n${SMALL_CONTRACT}` });
  assert.deepEqual(JSON.parse(cli(['.', '--format', 'json'], { cwd: dir }).stdout).files.map((f: { path: string }) => f.path), ['deal.md']);
  assert.deepEqual(JSON.parse(cli(['README.md', '--format', 'json'], { cwd: dir }).stdout).files.map((f: { path: string }) => f.path), ['README.md']);
  assert.deepEqual(JSON.parse(cli(['.', '--all', '--format', 'json'], { cwd: dir }).stdout).files.map((f: { path: string }) => f.path).sort(), ['README.md', 'deal.md']);
});

test('a folder where nothing is checked is no pass: one line on stderr naming it and why, exit 2 (as ESLint without matching files)', () => {
  const notes = tempTree({ 'notes/a.md': SMALL_CONTRACT });
  const none = cli(['notes'], { cwd: notes });
  assert.equal(none.code, 2);
  assert.equal(none.stdout, '', 'no "no problems in 0 files"');
  assert.match(none.stderr, /^clauselint: nothing checked in notes: 1 Markdown file, none marked as a contract \(no clauselint front matter or configuration\); .*use --all to check every Markdown file\n$/);
  const dutch = cli(['notes', '--lang', 'nl'], { cwd: notes });
  assert.equal(dutch.code, 2);
  assert.match(dutch.stderr, /^clauselint: niets gecontroleerd in notes: 1 Markdown-bestand, geen daarvan als overeenkomst gemarkeerd .*gebruik --all om elk Markdown-bestand te controleren\n$/);
  assert.equal(cli(['notes', '--all', '--format', 'json'], { cwd: notes }).code, 0, '--all checks it');
  const empty = tempTree({ 'empty/readme.txt': 'no Markdown here' });
  const nothing = cli(['empty'], { cwd: empty });
  assert.equal(nothing.code, 2);
  assert.match(nothing.stderr, /^clauselint: no Markdown files found in empty\n/);
  assert.match(cli(['empty', '--lang', 'nl'], { cwd: empty }).stderr, /^clauselint: geen Markdown-bestanden gevonden in empty\nZie clauselint --help voor de opties\.\n$/);
});

test('github: the job summary has the coverage per contract when GITHUB_STEP_SUMMARY is set', () => {
  const dir = tempTree();
  const summary = join(dir, 'summary.md');
  process.env.GITHUB_STEP_SUMMARY = summary;
  let code: number;
  try { ({ code } = cli([CONTRACT, 'declared.md', '--format', 'github'])); } finally { delete process.env.GITHUB_STEP_SUMMARY; }
  assert.equal(code, 0);
  const text = readFileSync(summary, 'utf8');
  assert.match(text, /^## Clauselint: security coverage/);
  assert.match(text, /\| contract\.md \| (?:SaaS \/ cloud service|software licence|hardware \/ product|managed services|data processing agreement|other) \| \d+ \| \d+ \| \d+ \| \d+ \|/, 'the type by name');
  assert.match(text, /\| \*\*Total\*\* \|/);
  assert.match(text, /<details><summary>contract\.md: \d+ problems<\/summary>/);
});

test('a glob that matches nothing is a usage error (exit 2)', () => {
  const { code, stderr } = cli(['tree/**/*.docx']);
  assert.equal(code, 2);
  assert.match(stderr, /no Markdown files/);
});

test('several files: one entry per file, exit code over all of them', () => {
  const { code, report } = cliJson([CONTRACT, 'declared.md']);
  assert.equal(code, 0);
  assert.deepEqual(report.files.map((f) => f.path), ['contract.md', 'declared.md']);
  assert.equal(report.files[1].typeSource, 'front-matter');
  assert.equal(cli([CONTRACT, 'declared.md', '--max-warnings', '0']).code, 1);
});

// ---------------------------------------------------------------- the built bundle

test('bundle: json report and exit 0', { skip: NO_BUNDLE }, () => {
  const { code, stdout, stderr } = spawnCli([CONTRACT, '--format', 'json']);
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report.files[0].topics).sort(), [...TOPIC_IDS].sort());
  assert.deepEqual(report, cliJson([CONTRACT]).report); // the bundle and the sources agree
});

test('bundle: exit 1 with --max-warnings 0, exit 2 for a missing file', { skip: NO_BUNDLE }, () => {
  assert.equal(spawnCli([CONTRACT, '--max-warnings', '0']).code, 1);
  const missing = spawnCli(['no-such-contract.md']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no-such-contract\.md/);
  assert.ok(!missing.stderr.includes('    at '), missing.stderr);
});

test('bundle: --stdin reads a piped contract', { skip: NO_BUNDLE }, () => {
  const { code, stdout, stderr } = spawnCli(['--stdin', '--stdin-filename', 'piped.md', '--format', 'json'], { cwd: tempTree(), input: SMALL_CONTRACT });
  assert.equal(code, 0, stderr);
  const file = JSON.parse(stdout).files[0];
  assert.equal(file.path, 'piped.md');
  assert.equal(file.topics['incident-notification'].status, 'weak');
});

test('bundle: --version and --help', { skip: NO_BUNDLE }, () => {
  const version = spawnCli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), VERSION);
  const help = spawnCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: clauselint/);  assert.match(spawnCli(['--help', '--lang', 'nl']).stdout, /^Gebruik: clauselint/, 'the entry point answers --help --lang itself');
  assert.match(spawnCli(['--lang=nl', '-h']).stdout, /^Gebruik: clauselint/);
});

test('bundle: stylish output has no colour when piped', { skip: NO_BUNDLE }, () => {
  const { stdout } = spawnCli([CONTRACT]);
  assert.match(stdout, /\d+ present · \d+ weak · \d+ missing/);
  assert.doesNotMatch(stdout, ANSI);
});
