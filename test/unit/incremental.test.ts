/**
 * Incremental analysis: after each edit of a sequence, the analysis made with what earlier versions left
 * in the caches equals a fresh one with every cache cleared, findings, fixes and topic verdicts alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, clearCaches, type AnalysisDetails } from '../../server/src/engine/analyze.js';
import { largeContract } from '../bench/large-contract.js';

/** What an analysis tells: the public result with every fix, the model, parties and each topic's clauses. */
function snapshot(r: AnalysisDetails) {
  const { model } = r;
  return {
    result: { language: r.language, type: r.type, typeSource: r.typeSource, regimes: r.regimes, regimesSource: r.regimesSource, topics: r.topics },
    findings: r.findings,
    parties: r.parties,
    applicable: [...r.applicable],
    model: {
      sections: model.sections.map((s) => ({ ...s, parent: s.parent?.index ?? null })),
      blocks: model.blocks.map((b) => ({ kind: b.kind, span: b.span, text: b.text, section: b.section.index })),
      comments: model.comments, protectedSpans: model.protectedSpans, frontMatter: model.frontMatter, title: model.title?.span,
    },
    evaluations: [...r.evaluations].map(([id, e]) => ({
      id, status: e.status, matched: e.matched.map((s) => s.span),
      clauses: e.clauses.map((c) => ({ sentences: c.sentences.map((s) => s.span), unmet: c.unmet.map((p) => p.id), problems: c.problems, status: c.status })),
    })),
  };
}

/** Analyses `text` with the caches as the edits before left them, then fresh, and compares. */
function assertSameAsFresh(text: string, step: string): void {
  const cached = snapshot(analyze(text));
  clearCaches();
  const fresh = snapshot(analyze(text));
  assert.deepStrictEqual(cached, fresh, `after ${step}`);
}

function insertAt(text: string, at: number, inserted: string): string {
  return text.slice(0, at) + inserted + text.slice(at);
}

/** Where the typing goes: after these words, which it leaves as they are. */
const TYPED_AFTER = '\n16.1 The Customer shall pay the Fees ';

/** Edits of one contract, each applied to the text the one before left. */
const EDITS: [string, (text: string) => string][] = [
  ...[...'quarterly '].map((ch, i): [string, (text: string) => string] => [
    `typing "${ch}" within a sentence`,
    (text) => insertAt(text, text.indexOf(TYPED_AFTER) + TYPED_AFTER.length + i, ch),
  ]),
  ['adding a sentence with a deadline', (text) => {
    const end = text.indexOf('\n', text.indexOf('\n20.1 ') + 1);
    return insertAt(text, end, ' The Provider shall notify the Customer of any Security Incident within 36 hours.');
  }],
  ['deleting a sentence', (text) => text.replace(/ The Provider shall notify the Customer of any Security Incident within 36 hours\./, '')],
  ['adding a definition', (text) => text.replace('- "EEA" means', '- "Breach" means any personal data breach or security incident affecting Customer Data.\n- "EEA" means')],
  ['deleting a heading', (text) => text.replace(/\n## 18\. [^\n]*\n/, '\n')],
  ['inserting a heading', (text) => insertAt(text, text.indexOf('\n15.2 ') + 1, '## 15A. Security testing\n\n15A.1 The Provider shall have its systems tested by an independent party once a year.\n\n')],
  ['a list with a lead-in', (text) => insertAt(text, text.indexOf('\n21.1 ') + 1, '21.0 Upon termination, the Provider shall:\n\n- return all Customer Data within 30 days;\n- delete all copies.\n\n')],
  ['a Dutch article', (text) => insertAt(text, text.indexOf('\n## 22.'), '\n\n## 21A. Beveiliging\n\nLeverancier neemt passende technische en organisatorische maatregelen om de gegevens van Opdrachtgever te beveiligen en meldt elk beveiligingsincident binnen 24 uur.\n')],
  ['a comment that disables a rule', (text) => insertAt(text, text.indexOf('\n12.1 ') + 1, '<!-- clauselint-disable-next-line liability -->\n')],
  ['editing the front matter', (text) => text.replace('regimes: [gdpr]', 'regimes: [gdpr, nis2]')],
  ['removing the declared type', (text) => text.replace('  type: saas\n', '')],
  ['breaking the front matter', (text) => text.replace('regimes: [gdpr, nis2]', 'regimes: [gdpr, nis2')],
  ['deleting the front matter', (text) => text.replace(/^---\n[\s\S]*?\n---\n/, '')],
];

test('an edited contract is analysed as a fresh analysis would', () => {
  let text = largeContract(24_000);
  clearCaches();
  analyze(text);
  for (const [step, edit] of EDITS) {
    const next = edit(text);
    assert.notEqual(next, text, `${step} changes the text`);
    text = next;
    assertSameAsFresh(text, step);
  }
});

test('an edited CRLF contract is analysed as a fresh analysis would', () => {
  let text = largeContract(24_000).replace(/\n/g, '\r\n');
  clearCaches();
  analyze(text);
  const at = text.indexOf('annually', text.indexOf('\r\n16.1 '));
  for (const [i, ch] of [...'in full '].entries()) {
    text = insertAt(text, at + i, ch);
    assertSameAsFresh(text, `typing "${ch}" in a CRLF text`);
  }
  text = text.replace(/\r\n## 18\. [^\r\n]*\r\n/, '\r\n');
  assertSameAsFresh(text, 'deleting a heading in a CRLF text');
  text = text.replace('regimes: [gdpr]', 'regimes: [gdpr, dora]');
  assertSameAsFresh(text, 'editing the front matter of a CRLF text');
});
