/**
 * The review report (issue 11): the regimes' checklists as data (schema, consistency with the topics),
 * the checklist logic per regime on the fixture contracts in English and Dutch, and `clauselint report`
 * (self-contained, accessible HTML; Markdown; folders, many files and bad input; --compare).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../server/src/engine/analyze.js';
import { builtInCatalogue, fillClause } from '../../server/src/engine/catalogue.js';
import { checklistProblems, checklistRegimes, evaluateChecklists, explainer, loadChecklists, type Checklist, type ItemStatus } from '../../server/src/engine/checklists.js';
import { loadRuleData, rulesDir } from '../../server/src/engine/rule-data.js';
import { REGIMES, TOPIC_IDS, type Regime } from '../../server/src/engine/types.js';
import { PALETTE, TEXT } from '../../server/src/report/marks.js';
import { buildReport } from '../../server/src/report/model.js';
import { renderHtml } from '../../server/src/report/html.js';
import { renderMarkdown } from '../../server/src/report/markdown.js';
import { BUNDLE, NO_BUNDLE, cli, tempTree } from '../cli-fixtures/harness.js';
import { spawnSync } from 'node:child_process';

const FIXTURES = join(rulesDir(), '..', 'test', 'fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

function statuses(path: string, regimes?: Regime[]): Map<string, ItemStatus> {
  const result = analyze(fixture(path));
  return new Map(evaluateChecklists(result, regimes).flatMap((c) => c.items.map((i) => [i.item.id, i.status] as const)));
}

// ---------------------------------------------------------------- the data

test('one checklist per regime, each valid against its schema; the explainers too', () => {
  const dir = join(rulesDir(), 'checklists');
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(rulesDir(), 'schemas', 'checklist.schema.json'), 'utf8')));
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  assert.deepEqual(files, [...REGIMES].map((r) => `${r}.yaml`).sort());
  for (const f of files) {
    const data = parseYaml(readFileSync(join(dir, f), 'utf8')) as { regime: string };
    assert.ok(validate(data), `${f}: ${JSON.stringify(validate.errors)}`);
    assert.equal(`${data.regime}.yaml`, f);
  }
  const explainers = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(rulesDir(), 'schemas', 'explainers.schema.json'), 'utf8')));
  assert.ok(explainers(parseYaml(readFileSync(join(rulesDir(), 'explainers.yaml'), 'utf8'))), JSON.stringify(explainers.errors));
  for (const id of TOPIC_IDS) for (const lang of ['en', 'nl'] as const) assert.ok(explainer(id, lang), `no ${lang} explainer for ${id}`);
});

test('every topic and strong point a checklist names exists; an item no topic covers says why', () => {
  assert.deepEqual(checklistProblems(), []);
  for (const list of loadChecklists().values()) {
    for (const item of list.items) if (!item.satisfiedBy?.length) assert.ok(item.note, `${item.id} is not checked and says nothing about it`);
  }
  // The test itself catches a wrong name.
  const bad: Checklist = { regime: 'nis2', title: { en: 'x', nl: 'x' }, source: 'x', file: 'checklists/bad.yaml', items: [
    { id: 'a', article: 'x', text: { en: 'x', nl: 'x' }, satisfiedBy: [{ topic: 'no-such-topic' }] },
    { id: 'b', article: 'x', text: { en: 'x', nl: 'x' }, satisfiedBy: [{ topic: 'incident-notification', strong: ['deadline', 'no-such-point'] }] },
  ] };
  const problems = checklistProblems([bad], loadRuleData().topics);
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /no-such-topic/);
  assert.match(problems[1], /no-such-point/);
});

test('the checklists cover the articles the issue lists', () => {
  const articles = (r: Regime) => loadChecklists().get(r)!.items.map((i) => i.article).join(' | ');
  for (const l of 'abcdefghi') assert.match(articles('dora'), new RegExp(`30\\(2\\)\\(${l}\\)`));
  for (const l of 'abcdef') assert.match(articles('dora-critical'), new RegExp(`30\\(3\\)\\(${l}\\)`));
  for (const l of 'abcdefgh') assert.match(articles('nis2'), new RegExp(`5\\.1\\.4\\(${l}\\)`));
  for (const a of ['21\\(2\\)\\(d\\)', '21\\(2\\)\\(e\\)', '23\\(4\\)']) assert.match(articles('nis2'), new RegExp(a));
  for (const l of 'abcdefgh') assert.match(articles('gdpr'), new RegExp(`28\\(3\\)\\(${l}\\)`));
  for (const a of ['28\\(2\\)', '28\\(4\\)', 'art\\. 32', '33\\(2\\)']) assert.match(articles('gdpr'), new RegExp(a));
  for (let n = 1; n <= 8; n++) assert.match(articles('cra'), new RegExp(`part II \\(${n}\\)`));
  for (const a of ['13\\(8\\)', '13\\(21\\)', 'art\\. 14']) assert.match(articles('cra'), new RegExp(a));
  assert.deepEqual(checklistRegimes(['dora-critical']), ['dora', 'dora-critical']);
  assert.deepEqual(checklistRegimes(['gdpr', 'nis2']), ['nis2', 'gdpr']);
});

// ---------------------------------------------------------------- the logic, per regime

const CASES: { regime: string; file: string; item: string; status: ItemStatus; regimes?: Regime[] }[] = [
  // GDPR: the processor contract
  { regime: 'gdpr', file: 'en/dpa-gdpr-strong.md', item: 'gdpr-28-3-c', status: 'met' },
  { regime: 'gdpr', file: 'en/dpa-gdpr-weak.md', item: 'gdpr-28-3-c', status: 'partly-met' },
  { regime: 'gdpr', file: 'en/saas-gdpr-liability-certification-strong.md', item: 'gdpr-28-3-c', status: 'not-met' },
  { regime: 'gdpr', file: 'nl/verwerkersovereenkomst-sterk.md', item: 'gdpr-28-3-g', status: 'met' },
  { regime: 'gdpr', file: 'nl/verwerkersovereenkomst-afgeleid-zwak.md', item: 'gdpr-28-3-g', status: 'partly-met' },
  { regime: 'gdpr', file: 'en/dpa-gdpr-strong.md', item: 'gdpr-28-3-a', status: 'not-checked' },
  // DORA art. 30(2)
  { regime: 'dora', file: 'nl/managed-services-dora-sterk.md', item: 'dora-30-2-b', status: 'met' },
  { regime: 'dora', file: 'nl/managed-services-dora-zwak.md', item: 'dora-30-2-d', status: 'partly-met' },
  { regime: 'dora', file: 'en/managed-services-dora-weak.md', item: 'dora-30-2-a', status: 'not-met' },
  // DORA art. 30(3)
  { regime: 'dora-critical', file: 'en/saas-dora-critical-strong.md', item: 'dora-30-3-e', status: 'met' },
  { regime: 'dora-critical', file: 'en/saas-dora-critical-weak.md', item: 'dora-30-3-c', status: 'partly-met' },
  { regime: 'dora-critical', file: 'en/saas-dora-critical-weak.md', item: 'dora-30-3-a', status: 'not-met' },
  // NIS2
  { regime: 'nis2', file: 'en/saas-nis2-incident-strong.md', item: 'nis2-5-1-4-d', status: 'met' },
  { regime: 'nis2', file: 'nl/saas-nis2-melding-sterk.md', item: 'nis2-5-1-4-d', status: 'met' },
  { regime: 'nis2', file: 'nl/saas-nis2-dienstverlener-zwak.md', item: 'nis2-5-1-4-a', status: 'partly-met' },
  { regime: 'nis2', file: 'en/saas-nis2-incident-strong.md', item: 'nis2-5-1-4-c', status: 'not-met' },
  // CRA
  { regime: 'cra', file: 'en/software-cra-strong.md', item: 'cra-annex-1-2-1', status: 'met' },
  { regime: 'cra', file: 'nl/software-cra-sterk.md', item: 'cra-annex-1-2-1', status: 'met' },
  { regime: 'cra', file: 'en/software-cra-weak.md', item: 'cra-annex-1-2-2', status: 'partly-met' },
  { regime: 'cra', file: 'nl/licentieovereenkomst-software-afgeleid-zwak.md', item: 'cra-annex-1-2-2', status: 'not-met' },
  { regime: 'cra', file: 'en/software-cra-strong.md', item: 'cra-annex-1-2-7', status: 'not-checked' },
  { regime: 'cra', file: 'en/hardware-cra-product-conformity-strong.md', item: 'cra-13-21-notice', status: 'met' },
  { regime: 'cra', file: 'en/hardware-cra-product-conformity-strong.md', item: 'cra-13-21-remedy', status: 'met' },
  { regime: 'cra', file: 'nl/hardware-productconformiteit-wet-en-regelgeving-zwak.md', item: 'cra-13-21-remedy', status: 'partly-met', regimes: ['cra'] },
  { regime: 'cra', file: 'nl/software-cra-sterk.md', item: 'cra-13-21-notice', status: 'not-met' },
];

for (const c of CASES) {
  test(`${c.regime}: ${c.item} is ${c.status} in ${c.file}`, () => {
    const got = statuses(c.file, c.regimes);
    assert.ok(got.has(c.item), `${c.file} gets no ${c.item}: its regimes are ${analyze(fixture(c.file)).regimes}`);
    assert.equal(got.get(c.item), c.status);
  });
}

test('on every fixture: met means every topic it names is covered; not checked only for items no topic covers', () => {
  for (const lang of ['en', 'nl']) {
    for (const file of readdirSync(join(FIXTURES, lang)).filter((f) => f.endsWith('.md'))) {
      const result = analyze(fixture(`${lang}/${file}`));
      for (const list of evaluateChecklists(result, REGIMES)) {
        for (const it of list.items) {
          const where = `${lang}/${file} ${it.item.id}`;
          if (it.status === 'met') for (const r of it.requirements) assert.notEqual(r.topicStatus, 'missing', where);
          if (it.status === 'met') for (const r of it.requirements) assert.deepEqual([r.unmet, r.unchecked], [[], []], where);
          if (it.status === 'not-met') for (const r of it.requirements) assert.equal(r.verdict, 'not', where);
          assert.equal(it.status === 'not-checked', !it.item.satisfiedBy?.length, where);
        }
      }
    }
  }
});

test('a contract that says nothing meets no item; a strong point Clauselint does not check for the type never makes an item met', () => {
  const empty = analyze('# Agreement\n\nThe Supplier provides the services to the Customer. The Customer pays the fees.\n', { type: 'saas', regimes: [...REGIMES] });
  for (const list of evaluateChecklists(empty)) for (const it of list.items) assert.ok(it.status === 'not-met' || it.status === 'not-checked', `${it.item.id}: ${it.status}`);
  // The SBOM is checked in software and hardware contracts only: in a SaaS contract CRA annex I part II (1) is at best partly met.
  const saas = analyze(fixture('en/software-cra-strong.md'), { type: 'saas' });
  if (saas.type === 'saas') {
    const item = evaluateChecklists(saas, ['cra'])[0].items.find((i) => i.item.id === 'cra-annex-1-2-1')!;
    assert.notEqual(item.status, 'met');
  }
});

// ---------------------------------------------------------------- the HTML report

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('every status colour and the body text reach WCAG AA contrast (4.5:1)', () => {
  for (const [k, v] of Object.entries(PALETTE)) assert.ok(contrast(v.fg, v.bg) >= 4.5, `${k}: ${contrast(v.fg, v.bg).toFixed(2)}`);
  for (const fg of [TEXT.fg, TEXT.muted, TEXT.link]) assert.ok(contrast(fg, TEXT.bg) >= 4.5, fg);
});

const PORTFOLIO = ['en/dpa-gdpr-strong.md', 'en/saas-dora-critical-weak.md', 'nl/verwerkersovereenkomst-sterk.md', 'en/software-cra-weak.md', 'nl/saas-nis2-melding-sterk.md'];

function html(paths = PORTFOLIO, lang?: 'en' | 'nl'): string {
  const model = buildReport(paths.map((p) => ({ path: p, result: analyze(fixture(p)) })), { lang });
  return renderHtml(model, { version: 'test', date: '2026-01-01', forcedLanguage: Boolean(lang) });
}

test('the HTML report is self-contained: nothing it loads comes from elsewhere', () => {
  const page = html();
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.doesNotMatch(page, /<link\b/i);
  assert.doesNotMatch(page, /<(?:img|script|iframe|object|embed|audio|video|source)\b[^>]*\bsrc=/i);
  assert.doesNotMatch(page, /@import|url\(/i);
  assert.doesNotMatch(page, /@font-face/i);
  // Links only within the page.
  for (const m of page.matchAll(/href="([^"]*)"/g)) assert.match(m[1], /^#/, m[1]);
});

test('the HTML report is structured for assistive technology: language, headings in order, tables with headers', () => {
  const page = html();
  assert.match(page, /^<!doctype html>\n<html lang="en">/);
  assert.equal((page.match(/<h1\b/g) ?? []).length, 1);
  let last = 1;
  for (const m of page.matchAll(/<h([1-6])\b/g)) {
    const level = Number(m[1]);
    assert.ok(level <= last + 1, `heading level jumps from ${last} to ${level}`);
    last = level;
  }
  const tables = page.match(/<table\b[\s\S]*?<\/table>/g) ?? [];
  assert.ok(tables.length >= PORTFOLIO.length);
  for (const t of tables) {
    assert.match(t, /<thead><tr>(?:<th scope="col"[^>]*>[\s\S]*?<\/th>)+<\/tr><\/thead>/);
    assert.doesNotMatch(t, /<th(?=[\s>])(?![^>]*scope=)/);
  }
  // Every status is shown as a word (or, in the matrix, hidden text for screen readers) beside its icon, never colour alone.
  const cells = page.match(/<td class="cell m-[^"]+"[^>]*>[\s\S]*?<\/td>/g) ?? [];
  assert.equal(cells.length, PORTFOLIO.length * TOPIC_IDS.length);
  for (const c of cells) assert.match(c, /<span class="sr-only">[^<]+<\/span>/);
  // Each Dutch contract's section says it is Dutch and speaks Dutch.
  const nl = page.match(/<section class="contract" id="contract-3" lang="nl"[\s\S]*?<\/section>/)?.[0] ?? '';
  assert.match(nl, /Soort overeenkomst/);
  assert.match(nl, /AVG – de verwerkersovereenkomst/);
  assert.match(page, /@media print/);
  assert.match(page, /\.contract \{ break-before: page; \}/);
});

test('the HTML report holds the matrix, every contract, its checklists, evidence and the clauses to ask for', () => {
  const page = html();
  assert.match(page, /<table id="portfolio" class="matrix">/);
  for (const p of PORTFOLIO) assert.ok(page.includes(`<h2 id="contract-${PORTFOLIO.indexOf(p) + 1}-h">${p}</h2>`), p);
  assert.match(page, /Checklist: GDPR – the processor contract/);
  assert.match(page, /Checklist: DORA – critical or important functions/);
  assert.match(page, /DORA art\. 30\(3\)\(a\)/);
  assert.match(page, /not checked by Clauselint/);
  assert.match(page, /<blockquote class="clause">/);
  assert.match(page, /What to ask for/);
  assert.match(page, /line \d+/);
});

test('the HTML and Markdown reports open a contract with the same facts', () => {
  for (const path of ['en/dpa-gdpr-weak.md', 'nl/verwerkersovereenkomst-sterk.md']) {
    const model = buildReport([{ path, result: analyze(fixture(path)) }]);
    const page = renderHtml(model, { version: 't', date: 'd' });
    const facts = [...page.matchAll(/<dt>([^<]+)<\/dt><dd>([^<]+)<\/dd>/g)].map((m) => `- ${m[1]}: ${m[2].replace(/&#39;/g, "'")}`);
    assert.equal(facts.length, 4, path);
    const md = renderMarkdown(model, { version: 't', date: 'd' });
    assert.ok(md.includes(facts.join('\n')), `${path}: ${facts.join(' / ')}`);
  }
});

test('--lang nl puts the whole report in Dutch, English contracts too', () => {
  const page = html(['en/dpa-gdpr-weak.md'], 'nl');
  assert.match(page, /<html lang="nl">/);
  assert.match(page, /Wat u moet vragen/);
  assert.match(page, /deels voldaan/);
  assert.doesNotMatch(page, /What to ask for/);
  assert.match(page, /<td>art\. 28 lid 3 onder c AVG<\/td>/, 'articles as a Dutch lawyer cites them');
  assert.doesNotMatch(page, /GDPR art\./);
});

test('text from the contract is escaped', () => {
  const text = `---\nclauselint:\n  type: saas\n  regimes: [gdpr]\n---\n# <script>alert(1)</script> Agreement\n\nThe Supplier shall notify the Customer of any personal data breach within 24 hours <img src=x onerror=alert(1)>.\n`;
  const page = renderHtml(buildReport([{ path: '<b>x</b>.md', result: analyze(text) }]), { version: 't', date: 'd' });
  assert.doesNotMatch(page, /<img src=x/);
  assert.doesNotMatch(page, /<b>x<\/b>/);
  assert.doesNotMatch(page, /<script>alert/);
});

// ---------------------------------------------------------------- the command

const DPA = fixture('en/dpa-gdpr-weak.md');
const NL = fixture('nl/verwerkersovereenkomst-sterk.md');

test('clauselint report: a folder to one HTML file; Markdown; JSON', () => {
  const dir = tempTree({ 'contracts/a.md': DPA, 'contracts/b.md': NL, 'contracts/README.md': '# Notes\n\nNothing here.\n' });
  const r = cli(['report', 'contracts', '--output', 'report.html'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const page = readFileSync(join(dir, 'report.html'), 'utf8');
  assert.match(page, /contracts\/a\.md/);
  assert.match(page, /contracts\/b\.md/);
  assert.doesNotMatch(page, /README/);
  assert.match(r.stderr, /not marked as a contract, so not in the report: 1 Markdown file /);
  const md = cli(['report', 'contracts/a.md', '--format', 'markdown'], { cwd: dir });
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^# Security review: contracts\/a\.md/);
  assert.match(md.stdout, /\| GDPR art\. 28\(3\)\(c\) \|/);
  const json = JSON.parse(cli(['report', 'contracts', '--format', 'json', '--all'], { cwd: dir }).stdout);
  assert.equal(json.contracts.length, 3);
  assert.ok(json.contracts[0].checklists[0].items.length > 0);
});

test('clauselint report on a folder with no contracts: exit 2 and the lint command\'s "nothing checked" line, no report written', () => {
  const dir = tempTree({ 'notes/README.md': '# Notes\n\nNothing here.\n' });
  for (const lang of ['en', 'nl']) {
    const report = cli(['report', 'notes', '--output', 'report.html', '--lang', lang], { cwd: dir });
    const lint = cli(['notes', '--lang', lang], { cwd: dir });
    assert.equal(report.code, 2, report.stderr);
    assert.equal(lint.code, 2, lint.stderr);
    assert.equal(report.stderr, lint.stderr);
    assert.match(report.stderr, lang === 'en' ? /^clauselint: nothing checked in notes: 1 Markdown file, none marked/ : /^clauselint: niets gecontroleerd in notes: 1 Markdown-bestand/);
    assert.ok(!existsSync(join(dir, 'report.html')), 'a report was written');
  }
});

test('the bundled command carries the checklists and explainers: its report needs no rules folder', { skip: NO_BUNDLE }, () => {
  const dir = tempTree({ 'a.md': DPA });
  // The command's entry and the bundle it loads, alone in a folder.
  for (const bundle of ['cli.cjs', 'cli-command.cjs']) copyFileSync(join(dirname(BUNDLE), bundle), join(dir, bundle));
  const r = spawnSync(process.execPath, ['cli.cjs', 'report', 'a.md', '--format', 'markdown'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\| GDPR art\. 28\(3\)\(c\) \|/);
  assert.ok(r.stdout.includes(explainer('security-measures', 'en')!), 'the explainer of a topic');
});

test('clauselint report: usage errors in Dutch with --lang nl, in English with --lang en', () => {
  const dir = tempTree({ 'a.md': DPA });
  for (const [argv, en, nl] of [
    [['report', 'a.md', '--colour'], /^clauselint: unknown option --colour\nRun clauselint --help/, /^clauselint: onbekende optie --colour\nZie clauselint --help voor de opties\./],
    [['report', 'a.md', '--format', 'sarif'], /^clauselint: --format “sarif” is not one of html, markdown, json for a report\n/, /^clauselint: --format “sarif” is geen geldige waarde voor een rapport; kies uit html, markdown, json\n/],
    [['report', '--compare', 'a.md'], /^clauselint: --compare needs two files/, /^clauselint: --compare vraagt om twee bestanden: de oude versie en de nieuwe\n/],
  ] as const) {
    const english = cli([...argv, '--lang', 'en'], { cwd: dir });
    assert.equal(english.code, 2);
    assert.match(english.stderr, en);
    assert.match(cli([...argv, '--lang', 'nl'], { cwd: dir }).stderr, nl);
  }
});

test('clauselint report: a file not checked is said in the command\'s language (--lang, else the locale) and listed in the report\'s', () => {
  const dutch = fixture('nl/hardware-ondersteuning-vanaf-tot-kort-zwak.md');
  const dir = tempTree({ 'a.md': dutch, 'b.md': new Uint8Array([0, 1, 2, 0, 255, 254, 0, 0]) });
  const said = { en: 'clauselint: b.md: this is a binary file, not a Markdown contract\n', nl: 'clauselint: b.md: dit is een binair bestand, geen overeenkomst in Markdown\n' };
  const listed = { en: '## Files not checked\n\n- b.md: this is a binary file, not a Markdown contract\n', nl: '## Niet gecontroleerde bestanden\n\n- b.md: dit is een binair bestand, geen overeenkomst in Markdown\n' };
  const saved = process.env.LC_ALL;
  try {
    for (const [locale, argv, line, report] of [
      ['nl_NL.UTF-8', [], said.nl, listed.nl],
      // The report is in its contract's language, Dutch; the command speaks the reader's.
      ['C', [], said.en, listed.nl],
      ['C', ['--lang', 'nl'], said.nl, listed.nl],
      ['nl_NL.UTF-8', ['--lang', 'en'], said.en, listed.en],
    ] as const) {
      process.env.LC_ALL = locale;
      const r = cli(['report', 'a.md', 'b.md', '--format', 'markdown', ...argv], { cwd: dir });
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, line, `${locale} ${argv.join(' ')}`);
      assert.ok(r.stdout.includes(report), `${locale} ${argv.join(' ')}: ${r.stdout.slice(r.stdout.lastIndexOf('## '))}`);
    }
  } finally {
    if (saved === undefined) delete process.env.LC_ALL; else process.env.LC_ALL = saved;
  }
});

test('clauselint report: bad input is one line each, the rest is still reported, exit 2', () => {
  const dir = tempTree({ 'a.md': DPA, 'b.md': new Uint8Array([0, 1, 2, 0, 255, 254, 0, 0]) });
  const r = cli(['report', 'a.md', 'b.md', '-o', 'out.html'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /b\.md/);
  const page = readFileSync(join(dir, 'out.html'), 'utf8');
  assert.match(page, /a\.md/);
  assert.match(page, /Files not checked/);
  assert.equal(cli(['report'], { cwd: dir }).code, 2);
  assert.equal(cli(['report', 'a.md', '--format', 'sarif'], { cwd: dir }).code, 2);
  assert.equal(cli(['report', 'missing.md'], { cwd: dir }).code, 2);
  assert.equal(cli(['report', '--compare', 'a.md'], { cwd: dir }).code, 2);
  assert.match(cli(['report', '--help', '--lang', 'en']).stdout, /--compare OLD NEW/);
  const dutch = cli(['report', '--help', '--lang', 'nl']).stdout;
  assert.match(dutch, /^Gebruik: clauselint report \[opties\]/);
  assert.match(dutch, /--compare OUD NIEUW {4}twee versies van een overeenkomst/);
});

test('clauselint report: many contracts in one file', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 120; i++) files[`c/${String(i).padStart(3, '0')}.md`] = i % 2 ? DPA : NL;
  const dir = tempTree(files);
  const r = cli(['report', 'c', '-o', 'all.html'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const page = readFileSync(join(dir, 'all.html'), 'utf8');
  assert.equal((page.match(/<section class="contract"/g) ?? []).length, 120);
  assert.equal((page.match(/<tr><th scope="row"/g) ?? []).length, 120);
});

test('clauselint report --compare: one topic better and one worse show as exactly those two', () => {
  const clause = (topic: string) => fillClause(builtInCatalogue().find((c) => c.topic === topic && c.preferred)!, 'en', { supplier: 'the Supplier', customer: 'the Customer' });
  const head = `---\nclauselint:\n  type: saas\n  regimes: [gdpr]\n---\n# Services Agreement\n\nThis Agreement is made between Example Supplier B.V. (the "Supplier") and Example Customer N.V. (the "Customer").\n\n## 1. Subject\n\n1.1 The Supplier provides the services described in this Agreement to the Customer.\n\n`;
  const dir = tempTree({
    'v1.md': `${head}## 2. Audit\n\n2.1 ${clause('audit-rights')}\n`,
    'v2.md': `${head}## 2. Encryption\n\n2.1 ${clause('encryption')}\n`,
  });
  const r = cli(['report', '--compare', 'v1.md', 'v2.md', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const diff = JSON.parse(r.stdout);
  const changed = diff.topics.filter((t: { change: string }) => t.change !== 'unchanged').map((t: { id: string; change: string }) => `${t.id}:${t.change}`);
  assert.deepEqual(changed.sort(), ['audit-rights:worse', 'encryption:better']);
  const items = diff.items.filter((t: { change: string }) => t.change !== 'unchanged').map((t: { id: string; change: string }) => `${t.id}:${t.change}`);
  assert.ok(items.includes('gdpr-28-3-h:worse') && items.includes('gdpr-32-1-a:better'), items.join(', '));
  const md = cli(['report', '--compare', 'v1.md', 'v2.md', '--format', 'markdown'], { cwd: dir }).stdout;
  assert.match(md, /### Audit rights: worse/);
  assert.match(md, /### Encryption: better/);
  const page = cli(['report', '--compare', 'v1.md', 'v2.md'], { cwd: dir }).stdout;
  assert.match(page, /^<!doctype html>/);
  assert.ok(existsSync(dir));
});

test('clauselint report --baseline: per contract what changed since an earlier run (its JSON, SARIF or report)', () => {
  const dir = tempTree({ 'a.md': DPA });
  for (const [file, argv] of [['lint.json', ['--format', 'json']], ['lint.sarif', ['--format', 'sarif']], ['report.json', ['report', '--format', 'json']]] as const) {
    const r = cli([...argv, 'a.md'], { cwd: dir });
    assert.ok(r.code < 2, r.stderr);
    writeFileSync(join(dir, file), r.stdout);
  }
  // The draft now names a standard (security measures: weak to present) and loses its audit clause.
  const text = DPA.replace('shall take industry standard security measures', 'shall implement and maintain an information security management system certified to ISO/IEC 27001, with the technical and organisational measures of Annex 2,')
    .replace(/^6\.1 The Controller may audit.*$/m, '');
  writeFileSync(join(dir, 'a.md'), text);
  writeFileSync(join(dir, 'b.md'), DPA);
  const md = cli(['report', 'a.md', 'b.md', '--baseline', 'lint.json', '--format', 'markdown'], { cwd: dir });
  assert.equal(md.code, 0, md.stderr);
  const a = md.stdout.slice(md.stdout.indexOf('## a.md'), md.stdout.indexOf('## b.md'));
  assert.match(a, /### Since the baseline\n\n- \d+ new findings · \d+ changed · [1-9]\d* resolved/);
  assert.match(a, /- Security measures: weak → present \(better\)/);
  assert.match(a, /- Audit rights: weak → missing \(worse\)/);
  assert.match(md.stdout.slice(md.stdout.indexOf('## b.md')), /Not in the baseline: checked for the first time/);
  const fromReport = cli(['report', 'a.md', '--baseline', 'report.json', '--format', 'markdown'], { cwd: dir }).stdout;
  assert.match(fromReport, /- Security measures: weak → present \(better\)/);
  assert.doesNotMatch(fromReport, /new findings/, 'a report has no findings to compare');
  const fromSarif = cli(['report', 'a.md', '--baseline', 'lint.sarif', '--format', 'markdown'], { cwd: dir }).stdout;
  assert.match(fromSarif, /\d+ new findings · \d+ changed · [1-9]\d* resolved/);
  assert.match(cli(['report', 'a.md', '--baseline', 'a.md'], { cwd: dir }).stderr, /--baseline a\.md: not JSON/);
  assert.equal(cli(['report', 'a.md', '--baseline', 'none.json'], { cwd: dir }).code, 2);
  const nl = cli(['report', 'a.md', '--baseline', 'lint.json', '--lang', 'nl'], { cwd: dir }).stdout;
  assert.match(nl, /<h3 id="contract-1-since">Sinds de vorige controle<\/h3>/);
});

test('clauselint --baseline: SARIF marks each result new, unchanged, updated or absent; the other formats show and count only what is new or changed, JSON with its baselineState and the absent findings', () => {
  const dir = tempTree({ 'a.md': DPA });
  const before = cli(['--format', 'json', 'a.md'], { cwd: dir });
  writeFileSync(join(dir, 'before.json'), before.stdout);
  writeFileSync(join(dir, 'before.sarif'), cli(['--format', 'sarif', 'a.md'], { cwd: dir }).stdout);
  assert.equal(cli(['a.md', '--baseline', 'before.json'], { cwd: dir }).code, 0, 'nothing new: nothing fails');
  // Audit clause gone (updated: weak to missing), security measures now name a standard (absent), a new weak phrase.
  writeFileSync(join(dir, 'a.md'), DPA.replace(/^6\.1 The Controller may audit.*$/m, '')
    .replace('shall take industry standard security measures', 'shall implement and maintain an information security management system certified to ISO/IEC 27001, with the technical and organisational measures of Annex 2,'));
  for (const baseline of ['before.json', 'before.sarif']) {
    const log = JSON.parse(cli(['--format', 'sarif', 'a.md', '--baseline', baseline], { cwd: dir }).stdout);
    const states = log.runs[0].results.map((r: { ruleId: string; baselineState: string }) => `${r.ruleId}:${r.baselineState}`);
    assert.ok(states.includes('audit-rights:updated'), `${baseline}: ${states}`);
    assert.ok(states.includes('security-measures:absent'), `${baseline}: ${states}`);
    assert.ok(states.filter((x: string) => x.endsWith(':unchanged')).length >= 5, `${baseline}: ${states}`);
    assert.ok(states.every((x: string) => /:(new|unchanged|updated|absent)$/.test(x)));
  }
  // JSON: the same shape with two optional fields, each diagnostic's baselineState and the file's absent findings.
  const json = JSON.parse(cli(['--format', 'json', 'a.md', '--baseline', 'before.json'], { cwd: dir }).stdout);
  assert.deepEqual(json.files[0].diagnostics.map((d: { ruleId: string; baselineState: string }) => `${d.ruleId}:${d.baselineState}`), ['audit-rights:updated']);
  assert.deepEqual(json.files[0].absent.map((a: { ruleId: string; topic: string; line: number }) => `${a.ruleId}:${a.topic}:${typeof a.line}`), ['security-measures:security-measures:number']);
  assert.deepEqual(Object.keys(json.files[0]), [...Object.keys(JSON.parse(before.stdout).files[0]), 'absent']);
  const plain = JSON.parse(before.stdout).files[0];
  assert.ok(!('absent' in plain) && plain.diagnostics.every((d: object) => !('baselineState' in d)), 'no baseline, no baseline fields');
  writeFileSync(join(dir, 'new.md'), DPA);
  const added = JSON.parse(cli(['--format', 'json', 'new.md', '--baseline', 'before.json'], { cwd: dir }).stdout).files[0];
  assert.ok(added.diagnostics.length > 0 && added.diagnostics.every((d: { baselineState: string }) => d.baselineState === 'new') && added.absent.length === 0, 'a file the baseline lacks: every finding new');
  assert.equal(cli(['a.md', '--baseline', 'before.json', '--max-warnings', '0'], { cwd: dir }).code, 1, 'the changed finding counts');
  assert.match(cli(['a.md', '--baseline', 'a.md'], { cwd: dir }).stderr, /--baseline a\.md: not JSON/);
  assert.match(cli(['a.md', '--baseline', 'a.md', '--lang', 'nl'], { cwd: dir }).stderr, /^clauselint: --baseline a\.md: geen JSON\nZie clauselint --help/);
});

test('the language server\'s Markdown coverage report (for editors without a webview) shows the same checklists', async () => {
  const { coverageReport } = await import('../../server/src/lsp/coverage.js');
  const md = coverageReport('dpa.md', analyze(DPA), 'en');
  assert.match(md, /^# Security coverage: dpa\.md/);
  assert.match(md, /## Checklist: GDPR – the processor contract and security of processing — \d+%/);
  assert.match(md, /\| GDPR art\. 28\(3\)\(a\) \| .* \| \? not checked by Clauselint \|/);
  assert.match(coverageReport('vwo.md', analyze(NL), 'nl'), /## Checklist: AVG – de verwerkersovereenkomst/);
});
