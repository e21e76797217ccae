/**
 * Errors in a configuration file or in the front matter in the reader's language (issue 10): the
 * document's for its front matter, --lang or the locale for the command, the editor's for the server;
 * each names the file and the line and says what to do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { ConfigError, parseConfig } from '../../server/src/config.js';
import { commandLanguage } from '../../server/src/cli/command-language.js';
import { configDiagnostic } from '../../server/src/lsp/diagnostics.js';
import { SMALL_CONTRACT, assertOneLine, cli, tempTree } from '../cli-fixtures/harness.js';

function configError(file: string, text: string): ConfigError {
  try { parseConfig(file, text); } catch (err) { if (err instanceof ConfigError) return err; throw err; }
  assert.fail(`${file} was accepted`);
}

test('the command says a configuration error in Dutch with --lang nl: file, line, what is wrong, what to do', () => {
  const dir = tempTree({ '.clauselintrc.json': '{\n  "type": "saas",\n  "colour": "red"\n}\n', 'c.md': SMALL_CONTRACT });
  const [nl] = assertOneLine(cli(['c.md', '--lang', 'nl'], { cwd: dir }).stderr);
  assert.match(nl, /^clauselint: fout in de configuratie \S*\.clauselintrc\.json regel 3: onbekende instelling “colour” in de configuratie; verbeter die regel en sla het bestand op\.$/);
  const [en] = assertOneLine(cli(['c.md', '--lang', 'en'], { cwd: dir }).stderr);
  assert.match(en, /^clauselint: configuration error in \S*\.clauselintrc\.json line 3: unknown setting “colour” in the configuration; correct that line and save the file\.$/);
});

test('without --lang the command follows the locale', () => {
  assert.equal(commandLanguage([], { LANG: 'nl_NL.UTF-8' }), 'nl');
  assert.equal(commandLanguage([], { LC_ALL: 'nl_BE.UTF-8', LANG: 'en_GB.UTF-8' }), 'nl');
  assert.equal(commandLanguage([], { LANG: 'C.UTF-8' }), 'en');
  assert.equal(commandLanguage(['--lang=en'], { LANG: 'nl_NL.UTF-8' }), 'en', '--lang wins');
});

test('every kind of configuration error has its Dutch words: no English, no parser message', () => {
  const cases: [string, string, RegExp][] = [
    ['.clauselintrc.json', '{ "type": ', /^fout in de configuratie .* regel 1: het is geen geldige JSON; /],
    ['.clauselintrc.yaml', 'type: saas\nlanguage: en: x\n', /regel 2: het is geen geldige YAML; /],
    ['.clauselintrc.json', '{\n  "rules": {\n    "liabilty": "off"\n  }\n}\n', /regel 3: “rules” noemt een onbekende regel “liabilty”: bedoelt u “liability”\?/],
    ['.clauselintrc.json', '{\n  "rules": { "liability": "fatal" }\n}\n', /“rules\.liability” moet een van deze waarden zijn: error, warning/],
    ['.clauselintrc.json', '{ "weakPhrases": [{ "topic": "liability", "phrase": "a ... b ... c ... d ... e ... f" }] }', /“weakPhrases\.0\.phrase” bevat 5 keer “\.\.\.”; ten hoogste 4 keer is toegestaan/],
    ['.clauselintrc.json', '{ "weakPhrases": [{ "phrase": "as soon as possible" }] }', /in “weakPhrases\.0” ontbreekt “topic”/],
    ['.clauselintrc.json', '{ "regimes": "nis2" }', /“regimes” moet een lijst zijn/],
    ['.clauselintrc.json', '{ "ignores": ["drafts/**", "+(a*)b"] }', /“ignores\.1” gebruikt het uitgebreide patroon “\+\(…\)”, dat niet wordt ondersteund/],
  ];
  for (const [file, text, expected] of cases) {
    const err = configError(file, text);
    assert.match(err.text('nl'), expected);
    assert.match(err.text('nl'), /; verbeter die regel en sla het bestand op\.$/);
    assert.doesNotMatch(err.text('nl'), /\b(?:unexpected|token|expected|must|unknown|setting|line)\b/i, err.text('nl'));
    assert.ok(err.problem && !/fout|regel/.test(err.problem), `the library's message stays English: ${err.problem}`);
  }
});

const DUTCH_CONTRACT = '# Verwerkersovereenkomst\n\nPartijen: Zorgdata B.V. ("Verwerker") en Stichting Thuiszorg West ("Verwerkingsverantwoordelijke").\n\n## Artikel 1 – Beveiliging\n\nVerwerker meldt een datalek onverwijld.\n';

test('a bad playbook is a configuration error in Dutch and in English, naming the file to correct', () => {
  const cases: [string, Record<string, string>, RegExp, RegExp][] = [
    ['clauses', { 'clauses/broken.yaml': 'id: x\ntitle: a: b\ntopic: liability\n' },
      /regel 2: het bestand clauses[\\/]broken\.yaml van “playbook” is geen geldige YAML \(regel 2\); verbeter dat bestand en sla het op\.$/,
      /line 2: playbook file clauses[\\/]broken\.yaml is not valid YAML \(line 2\); correct that file and save it\.$/],
    ['clauses', { 'clauses/incomplete.yaml': 'id: x\ntopic: liability\n' },
      /regel 2: in het bestand clauses[\\/]incomplete\.yaml van “playbook” ontbreekt “id”, een bekend “topic”, “title”, “heading” of “text” in “en” en “nl”; verbeter dat bestand/,
      /line 2: playbook file clauses[\\/]incomplete\.yaml needs id, a known topic, title, heading and text in en and nl; correct that file/],
    ['../clauses', {},
      /regel 2: “playbook” moet een map binnen de map van de configuratie zijn: een relatief pad zonder “\.\.”; verbeter die regel/,
      /line 2: “playbook” must be a folder inside the configuration's folder: a relative path without “\.\.”; correct that line/],
  ];
  for (const [folder, files, nl, en] of cases) {
    const dir = tempTree({ '.clauselintrc.yaml': `type: dpa\nplaybook: ${folder}\n`, 'c.md': DUTCH_CONTRACT, ...files });
    const dutch = cli(['c.md', '--lang', 'nl'], { cwd: dir });
    assert.equal(dutch.code, 2);
    const [line] = assertOneLine(dutch.stderr);
    assert.match(line, /^clauselint: fout in de configuratie \S*\.clauselintrc\.yaml /);
    assert.match(line, nl);
    assert.doesNotMatch(line.replace(/“[^”]*”/g, ''), /\b(?:playbook|file|needs|must|folder|line|correct)\b/, line);
    assert.match(assertOneLine(cli(['c.md', '--lang', 'en'], { cwd: dir }).stderr)[0], en);
  }
});

test('the editor shows a configuration error in its own language', () => {
  const err = configError('/work/.clauselintrc.json', '{\n  "type": "cloud"\n}\n');
  const problem = { file: err.file, line: err.line, reason: err.reason };
  assert.equal(String(configDiagnostic(problem, 'nl').message), 'Fout in de configuratie /work/.clauselintrc.json regel 2: “type” moet een van deze waarden zijn: saas, software, hardware, managed-services, dpa, other; verbeter die regel en sla het bestand op.');
  assert.match(String(configDiagnostic(problem, 'en').message), /^Configuration error in \/work\/\.clauselintrc\.json line 2: “type” must be one of: saas, /);
  const playbook = { file: '/work/.clauselintrc.json', line: 3, reason: { id: 'playbook-link', values: { folder: 'clauses' } } } as const;
  assert.equal(String(configDiagnostic(playbook, 'nl').message), 'Fout in de configuratie /work/.clauselintrc.json regel 3: de map “clauses” van “playbook” leidt buiten de map van de configuratie (een symbolische koppeling); verbeter die regel en sla het bestand op.');
});

test('a front-matter problem is said in the document\'s language', () => {
  const finding = (body: string, lang: 'en' | 'nl') => analyze(`---\nclauselint:\n${body}\n---\n# ${lang === 'nl' ? 'Overeenkomst' : 'Agreement'}\n`, { language: lang }).findings.find((f) => f.ruleId === 'front-matter');
  const fm = (body: string, lang: 'en' | 'nl') => finding(body, lang)?.message;
  assert.match(finding('  type: cloud', 'nl')!.details!, /^De kopgegevens zijn onleesbaar: type “cloud” is onbekend; kies uit saas, software, hardware, managed-services, dpa, other\./);
  assert.equal(fm('  type: cloud', 'en'), 'The front matter cannot be read: type “cloud” is not one of saas, software, hardware, managed-services, dpa, other.');
  assert.match(fm('  type: {toString: 1}', 'nl')!, /type “een mapping” is onbekend/);
  assert.match(fm('  type: [saas: x', 'nl')!, /^De kopgegevens zijn onleesbaar: ongeldige YAML op regel \d+ van de kopgegevens; verbeter de YAML tussen de ---regels\.$/);
});
