/**
 * Findings a drafter reads at a glance (issue 10): every message is one short sentence, one finding per
 * clause and topic, details one step away, and Dutch output that is Dutch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze.js';
import { allTemplates, MESSAGE_LIMIT } from '../../server/src/engine/messages.js';
import { loadRuleData, referencesOf } from '../../server/src/engine/rule-data.js';
import { ruleIndex } from '../../server/src/engine/rule-index.js';
import { builtInCatalogue } from '../../server/src/engine/catalogue.js';
import { citation } from '../../server/src/engine/citations.js';
import { allCliStrings } from '../../server/src/cli/strings.js';
import { allUiStrings } from '../../server/src/lsp/strings.js';
import { allProblemTexts } from '../../server/src/engine/setting-problems.js';
import { allDirectiveTexts } from '../../server/src/engine/directives.js';
import { allInputTexts } from '../../server/src/engine/input.js';
import { stylish } from '../../server/src/cli/formats/stylish.js';
import { sarif } from '../../server/src/cli/formats/sarif.js';
import { printCatalogue } from '../../server/src/cli/catalogue.js';
import { hover } from '../../server/src/lsp/hover.js';
import { coverageReport } from '../../server/src/lsp/coverage.js';
import { contractFacts } from '../../server/src/report/facts.js';
import { contractReport } from '../../server/src/report/model.js';
import { clauseChoices } from '../../server/src/lsp/completion.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO } from '../cli-fixtures/harness.js';
import type { Language } from '../../server/src/engine/types.js';

function markdown(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) markdown(p, out); else if (/\.md$/.test(e) && e !== 'README.md') out.push(p);
  }
  return out;
}

const FIXTURES = [...markdown(join(REPO, 'examples')), ...markdown(join(REPO, 'test', 'fixtures'))];
const CORPUS = markdown(join(REPO, '..', 'shared', 'corpus', 'open'));
const SAAS = readFileSync(join(REPO, 'examples', 'saas-agreement.md'), 'utf8');

test(`every message on the fixtures and examples is at most ${MESSAGE_LIMIT} characters, one sentence, in both languages`, () => {
  let n = 0;
  for (const file of [...FIXTURES, ...CORPUS.slice(0, 12)]) {
    const text = readFileSync(file, 'utf8');
    for (const language of ['en', 'nl'] as const) {
      for (const f of analyze(text, { language }).findings) {
        n++;
        assert.ok(f.message.length <= MESSAGE_LIMIT, `${file} (${language}): ${f.message.length} characters: ${f.message}`);
        assert.doesNotMatch(f.message, /\n|Why it matters|How to fix|Waarom:|Oplossing:/, `${file}: the details stay out of the message: ${f.message}`);
      }
    }
  }
  assert.ok(n > 500, `${n} findings checked`);
});

test('a finding on a topic has its details: why it matters (the references) and how to fix it', () => {
  for (const language of ['en', 'nl'] as const) {
    const r = analyze(SAAS, { language });
    for (const f of r.findings.filter((x) => x.topic && x.ruleId === x.topic)) {
      assert.ok(f.details, `${f.ruleId}: details`);
      assert.match(f.details!, language === 'nl' ? /Waarom: .*\S/ : /Why it matters: .*\S/);
      assert.match(f.details!, language === 'nl' ? /Oplossing:/ : /How to fix:/);
    }
  }
});

test('one finding per clause and topic on examples/saas-agreement.md; its weak phrases are related places with a fix each', () => {
  const r = analyze(SAAS);
  const lineOf = (offset: number) => r.model.lines.position(offset).line;
  const topicFindings = r.findings.filter((f) => f.topic && f.ruleId === f.topic && f.messageId !== 'missing');
  const seen = new Set<string>();
  for (const f of topicFindings) {
    const block = r.model.blocks.find((b) => b.span.start <= f.span.start && f.span.start < b.span.end)!;
    const key = `${f.topic}@${block.span.start}`;
    assert.ok(!seen.has(key), `two ${f.topic} findings in the clause on line ${lineOf(f.span.start)}`);
    seen.add(key);
  }
  // Line 56: the service levels clause with “best-effort” and “high availability” is one finding.
  const levels = r.findings.filter((f) => f.topic === 'service-levels');
  assert.equal(levels.length, 1, levels.map((f) => f.message).join('\n'));
  assert.match(levels[0].message, /“best-effort”.*“high availability”/);
  assert.equal(levels[0].related?.length, 2);
  for (const place of levels[0].related!) assert.ok(levels[0].span.start <= place.span.start && place.span.end <= levels[0].span.end);
  // Security measures: two phrases in one clause, each a related place with its own fix.
  const measures = r.findings.filter((f) => f.topic === 'security-measures' && (f.related?.length ?? 0) >= 2)[0];
  assert.ok(measures, 'the security measures clause names both phrases');
  assert.ok(measures.fixes.filter((x) => x.kind === 'replace-phrase').length <= measures.related!.length, 'at most one fix per phrase');
  for (const place of measures.related!) assert.match(place.message, /; /, 'each place says what is weak and its fix');
  // The coverage still counts per topic.
  assert.equal(r.topics['service-levels'].status, 'weak');
  assert.ok(r.findings.length <= 17, `${r.findings.length} findings (25 before issue 10)`);
});

test('no message makes a verb agree with a topic name ("Security updates is weak", "Beveiligingsupdates ontbreekt")', () => {
  const names = [...loadRuleData().topics.values()].flatMap((t) => [t.name.en, t.name.nl]);
  for (const file of FIXTURES) {
    const text = readFileSync(file, 'utf8');
    for (const language of ['en', 'nl'] as const) {
      for (const f of analyze(text, { language }).findings) {
        for (const name of names) {
          assert.ok(!new RegExp(`^${name} (is|ontbreekt|are|zijn)\\b`, 'i').test(f.message), `${file}: ${f.message}`);
        }
      }
    }
  }
});

/** English words that are not Dutch words too: one of them in a Dutch string is an untranslated fragment. */
const ENGLISH = new Set(`the and with without clause clauses annex schedule market practice guidance weak missing how why fix
  for from this that which must shall may its be has have does not are parliament role insurers front matter part
  chapter cap fees see also state add only any event within hours days years months notice supplier customer provider
  security breach report support return exit assistance time frame level levels rights
  right subcontractors subcontracting liability certification insurance encryption measures access control agreement
  mentions declared declare inferred little reads like almost well fits found line lines
  file files error errors warning warnings other total present weak missing coverage findings finding
  topic title variant balanced strict preferred playbook here use one figure defined term never lower case referred
  correct reference requirements check checking turn run lint once mark mark as free charge period least most
  at on by of to or is in`.split(/\s+/).filter(Boolean));
/** Words both languages write, and proper names, allowed in Dutch: regimes, standards, bodies, abbreviations. */
const ALLOWED = new Set(`in is of art ISO IEC SOC Type II III ISAE EUCC EUCS NEN BIO TLS AES SBOM TLPT RTO RPO DORA NIS2 AVG ICO DTC
  Digital Trust Center Bonterms YAML clauselint Clauselint catalogue json clauselintrc saas dpa mkb keurmerk type regimes
  variant status totaal baseline logging back ups exit least privilege cloud audit auditrecht support`.split(/\s+/).filter(Boolean));

function englishIn(text: string): string[] {
  // Option names ('--fix-dry-run') stay as the command takes them, in either language.
  const bare = text.replace(/--[\w-]+/g, ' ').replace(/“[^”]*”/g, ' ').replace(/`[^`]*`/g, ' ').replace(/\{\w+\}/g, ' ').replace(/\([^()]*clauselint:[^()]*\)/g, ' ').replace(/clauselint: \w+: \S+/g, ' ');
  return (bare.match(/\p{L}+/gu) ?? []).filter((w) => ENGLISH.has(w.toLowerCase()) && !ALLOWED.has(w) && !ALLOWED.has(w.toLowerCase()));
}

test('every Dutch string is Dutch: templates, the command, the editor, configuration errors, the rule data, the catalogue header', () => {
  const strings: { id: string; lang: Language; text: string }[] = [...allTemplates(), ...allCliStrings(), ...allUiStrings(), ...allProblemTexts(), ...allDirectiveTexts(), ...allInputTexts()];
  for (const t of loadRuleData().topics.values()) {
    strings.push({ id: `${t.id}.name`, lang: 'nl', text: t.name.nl }, { id: `${t.id}.missing`, lang: 'nl', text: t.missing.nl });
    for (const r of referencesOf(t, 'nl')) strings.push({ id: `${t.id}.references`, lang: 'nl', text: r });
    for (const p of t.strong) strings.push({ id: `${t.id}.${p.id}`, lang: 'nl', text: p.says.nl });
    for (const [i, w] of t.weak.entries()) strings.push({ id: `${t.id}.weak${i}`, lang: 'nl', text: w.says.nl });
  }
  for (const r of ruleIndex('nl')) strings.push({ id: `rule.${r.id}`, lang: 'nl', text: `${r.name} ${r.description} ${r.help ?? ''}` });
  for (const c of builtInCatalogue()) for (const r of c.references) strings.push({ id: `${c.id}.references`, lang: 'nl', text: citation(r, 'nl') });
  strings.push({ id: 'catalogue header', lang: 'nl', text: printCatalogue(undefined, 'nl', []).split('\n')[0] });
  const bad = strings.filter((s) => s.lang === 'nl').map((s) => ({ ...s, english: englishIn(s.text) })).filter((s) => s.english.length);
  assert.deepEqual(bad.map((s) => `${s.id}: ${s.english.join(', ')} in “${s.text}”`), []);
});

test('the Dutch findings and details on the Dutch fixtures are Dutch, with the AVG and not the GDPR', () => {
  for (const file of FIXTURES.filter((f) => /[\\/]nl[\\/]|verwerkersovereenkomst/.test(f))) {
    const r = analyze(readFileSync(file, 'utf8'), { language: 'nl' });
    for (const f of r.findings) {
      for (const text of [f.message, f.details ?? '']) {
        assert.deepEqual(englishIn(text), [], `${file}: ${text}`);
        assert.doesNotMatch(text, /\bGDPR\b|\bannex\b|market practice/, `${file}: ${text}`);
      }
    }
  }
});

test('the stylish summary of a Dutch contract is Dutch; --verbose shows the details', () => {
  const text = readFileSync(join(REPO, 'examples', 'verwerkersovereenkomst.md'), 'utf8');
  const result = analyze(text);
  const out = stylish([{ path: 'v.md', result, lines: result.model.lines }], { color: false, verbose: true });
  assert.match(out, /\d+ aanwezig · \d+ zwak · \d+ ontbrekend/);
  assert.match(out, /✖ \d+ bevindingen \(0 fouten, \d+ waarschuwingen, \d+ overig\) in 1 bestand/);
  assert.match(out, /Waarom: .*AVG/);
  assert.match(out, /^ {2}\d+:\d+ +waarschuwing +Zwakke bepaling/m, 'the severity in Dutch');
  assert.doesNotMatch(out, /\b(?:warning|error|information)\b/);
  const plain = stylish([{ path: 'v.md', result, lines: result.model.lines }], { color: false });
  assert.doesNotMatch(plain, /Waarom:/);
});

test('the regimes and the contract type by name, in the reader\'s language: stylish, the review report, the editor\'s coverage report', () => {
  // Without its front matter (gdpr only), so that the settings give two regimes.
  const text = readFileSync(join(REPO, 'examples', 'verwerkersovereenkomst.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const cases = [['nl', 'AVG, NIS2', 'verwerkersovereenkomst', 'Nederlands'], ['en', 'GDPR, NIS2', 'data processing agreement', 'English']] as const;
  for (const [language, regimes, type, name] of cases) {
    const result = analyze(text, { language, type: 'dpa', regimes: ['gdpr', 'nis2'] });
    const out = stylish([{ path: 'v.md', result, lines: result.model.lines }], { color: false });
    assert.match(out, new RegExp(`\\(${type}, [^,]+, regimes ${regimes}; ${name}\\)`), out);
    const facts = contractFacts(language, contractReport({ path: 'v.md', result }, 0, language));
    assert.equal(facts.find((f) => /wetgeving|Laws/.test(f.label))?.value.split(' (')[0], regimes);
    const editor = coverageReport('v.md', result, language);
    assert.match(editor, new RegExp(`: ${type} \\(`));
    assert.match(editor, new RegExp(`: ${regimes}\\n`));
    assert.doesNotMatch(out + editor + JSON.stringify(facts), /\bgdpr\b|\bnis2\b|\bdpa\b|front-matter/);
  }
});

test('SARIF: the short message per result, the details and related places beside it, the references in the rule help', () => {
  const result = analyze(SAAS);
  const log = JSON.parse(sarif([{ path: 'saas.md', result, lines: result.model.lines }], '0.0.0'));
  const run = log.runs[0];
  for (const r of run.results) assert.ok(r.message.text.length <= MESSAGE_LIMIT);
  assert.ok(run.results.some((r: { relatedLocations?: unknown[] }) => (r.relatedLocations?.length ?? 0) >= 2));
  assert.ok(run.results.every((r: { ruleId: string; properties?: { details?: string } }) => !result.findings.find((f) => f.ruleId === r.ruleId && f.details) || r.properties?.details));
  const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'incident-notification');
  assert.match(rule.help.text, /GDPR art\. 33\(2\)/);
  assert.match(rule.fullDescription.text, /A strong clause states/);
});

/** Every text Clauselint writes about a contract: messages, details, related places, fixes, hovers and clause previews. */
function ownWords(text: string, ui: Language): string[] {
  const r = analyze(text, {}, { uiLanguage: ui });
  const doc = TextDocument.create('file:///contract.md', 'markdown', 1, text);
  return [
    ...r.findings.flatMap((f) => [f.message, f.details ?? '', ...(f.related ?? []).map((x) => x.message), ...f.fixes.flatMap((x) => [x.title, ...x.edits.map((e) => e.text)])]),
    ...r.findings.map((f) => JSON.stringify(hover(doc, r, f.span.start, ui)?.contents ?? '')),
    ...clauseChoices(r, ui).flatMap((c) => [c.preview, ...c.references]),
  ];
}

const DPA_AVG = `# Verwerkersovereenkomst

Partijen: Zorgdata B.V. ("Verwerker") en Stichting Thuiszorg West ("Verwerkingsverantwoordelijke").

## Artikel 1 – Definities

AVG: de Algemene Verordening Gegevensbescherming (Verordening (EU) 2016/679).

## Artikel 2 – Verwerking

2.1 Verwerker verwerkt de persoonsgegevens uitsluitend in opdracht van Verwerkingsverantwoordelijke en overeenkomstig de AVG.

2.2 Verwerker meldt een datalek onverwijld aan Verwerkingsverantwoordelijke.
`;

test('a Dutch contract that names the AVG gets “AVG” everywhere: messages, details, fixes, hover, clause previews', () => {
  for (const ui of ['nl', 'en'] as const) {
    const words = ownWords(DPA_AVG, ui).join('\n');
    assert.doesNotMatch(words, /\bGDPR\b/, `editor in ${ui}`);
    assert.match(words, /\bAVG\b/, `editor in ${ui}: the references cite the AVG`);
  }
  assert.doesNotMatch(printCatalogue(undefined, 'nl', []) + printCatalogue('incident-notification', 'nl', []), /\bGDPR\b/, 'clauselint catalogue --lang nl');
});

test('an English contract that says “AVG” gets “GDPR”: the document’s language decides, the Dutch name is an alias', () => {
  const text = `# Data Processing Agreement

This Agreement is made between Zorgdata B.V. (the "Processor") and Thuiszorg West (the "Controller").

## 1. Processing

1.1 The Processor shall process personal data only on the Controller's instructions and in accordance with the AVG (the Dutch name of the General Data Protection Regulation).

1.2 The Processor shall notify the Controller of a personal data breach without undue delay.
`;
  for (const ui of ['en', 'nl'] as const) {
    const words = ownWords(text, ui).join('\n');
    assert.match(words, /\bGDPR\b/, `editor in ${ui}`);
    assert.doesNotMatch(words, /\bAVG\b/, `editor in ${ui}`);
  }
});
