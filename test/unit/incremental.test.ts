/**
 * Incremental analysis: after each edit of a sequence, the analysis made with what earlier versions left
 * in the caches equals a fresh one with every cache cleared, findings, fixes and topic verdicts alike, and
 * so do the answers to the editor's requests (hover, code actions, completion, symbols, coverage), which
 * are also asked between the edits, as an editor asks them. On contracts with headings, and on plain
 * text without a single heading, which is cut into pieces at paragraph boundaries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzeStepwise, clearCaches, type AnalysisDetails } from '../../server/src/engine/analyze.js';
import type { Steps } from '../../server/src/engine/steps.js';
import { forgetReplacedChunks, type DocumentModel } from '../../server/src/engine/markdown.js';
import { codeActions } from '../../server/src/lsp/code-actions.js';
import { clauseCompletions } from '../../server/src/lsp/completion.js';
import { coverageOf } from '../../server/src/lsp/coverage.js';
import { hover } from '../../server/src/lsp/hover.js';
import { documentSymbols } from '../../server/src/lsp/symbols.js';
import { largeContract } from '../bench/large-contract.js';

/** What the editor asks of an analysis: hovers and code actions over the findings, a completion, the outline, the coverage. */
function requests(text: string, r: AnalysisDetails) {
  const doc = TextDocument.create('untitled:contract.md', 'markdown', 1, text);
  const everywhere = { start: doc.positionAt(0), end: doc.positionAt(text.length) };
  const paragraph = text.indexOf('\n\n', text.length / 2) + 2;
  return {
    hovers: r.findings.slice(0, 40).map((f) => hover(doc, r, f.span.start, 'en')),
    actions: codeActions(doc, doc.uri, r, everywhere, { diagnostics: [] }, 'en'),
    completion: clauseCompletions(doc, doc.positionAt(paragraph), r, 'nl'),
    symbols: documentSymbols(doc, r.model),
    coverage: coverageOf(r, 'en'),
  };
}

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

/** Runs an analysis in steps, as the language server does; with `stopAfter`, dropped after that many steps. */
function stepwise(steps: Steps<AnalysisDetails>, stopAfter = Infinity): { result?: AnalysisDetails; steps: number } {
  for (let n = 0; ; n++) {
    if (n >= stopAfter) return { steps: n };
    const step = steps.next();
    if (step.done) return { result: step.value, steps: n };
  }
}

/** How many steps the last analysis in steps took: a dropped one stops after half as many. */
let lastSteps = 0;

/** The model of the last analysis in steps: the chunks the next one replaced are forgotten, as the server forgets them. */
let lastModel: DocumentModel | undefined;

/** An analysis in steps to its end, as the language server runs it. */
function analyzedInSteps(text: string): AnalysisDetails {
  const run = stepwise(analyzeStepwise(text));
  lastSteps = run.steps;
  if (lastModel) forgetReplacedChunks(lastModel, run.result!.model);
  lastModel = run.result!.model;
  return run.result!;
}

/**
 * Analyses `text` in steps with the caches as the edits before left them, and as an analysis dropped
 * halfway left them (the server's, of a text with one more keystroke, which a newer change superseded);
 * then fresh with analyze(), and compares.
 */
function assertSameAsFresh(text: string, step: string): void {
  const dropped = stepwise(analyzeStepwise(insertAt(text, text.length >> 1, 'x')), lastSteps >> 1);
  assert.equal(dropped.result, undefined, `the analysis dropped before ${step} did not finish`);
  const incremental = analyzedInSteps(text);
  const cached = { analysis: snapshot(incremental), requests: requests(text, incremental) };
  clearCaches();
  const analysed = analyze(text);
  const fresh = { analysis: snapshot(analysed), requests: requests(text, analysed) };
  assert.deepStrictEqual(cached, fresh, `after ${step}`);
}

/** An edit's analysis, then the requests an editor sends after it (their answers are compared after the next edit). */
function analyseAsTheEditorDoes(text: string): void {
  requests(text, analyzedInSteps(text));
}

function insertAt(text: string, at: number, inserted: string): string {
  return text.slice(0, at) + inserted + text.slice(at);
}

type Edit = [string, (text: string) => string];

/** Where the typing goes: after these words, which it leaves as they are. */
const TYPED_AFTER = '\n16.1 The Customer shall pay the Fees ';

/** A word typed a keystroke at a time after TYPED_AFTER, then a sentence with a deadline added to article 20. */
function typingThenASentence(word: string): Edit[] {
  return [
    ...[...word].map((ch, i): Edit => [
      `typing "${ch}" within a sentence`,
      (text) => insertAt(text, text.indexOf(TYPED_AFTER) + TYPED_AFTER.length + i, ch),
    ]),
    ['adding a sentence with a deadline', (text) => {
      const end = text.indexOf('\n', text.indexOf('\n20.1 ') + 1);
      return insertAt(text, end, ' The Provider shall notify the Customer of any Security Incident within 36 hours.');
    }],
  ];
}

/** Edits of one contract, each applied to the text the one before left. */
const EDITS: Edit[] = [
  ...typingThenASentence('quarterly '),
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

/** Applies the edits one after another, each analysed with the requests after it, then compared with a fresh analysis. */
function assertEditsSameAsFresh(start: string, edits: Edit[]): void {
  let text = start;
  clearCaches();
  analyseAsTheEditorDoes(text);
  for (const [step, edit] of edits) {
    const next = edit(text);
    assert.notEqual(next, text, `${step} changes the text`);
    text = next;
    analyseAsTheEditorDoes(text);
    assertSameAsFresh(text, step);
  }
}

test('an edited contract is analysed as a fresh analysis would', () => {
  assertEditsSameAsFresh(largeContract(24_000), EDITS);
});

/**
 * A contract as CUAD's are: plain text, numbered paragraphs, not one heading (the synthetic contract with
 * its heading lines left out), so that it is cut into pieces at paragraph boundaries alone.
 */
function withoutHeadings(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n\n/, '').replace(/^#{1,6} [^\n]*\n\n?/gm, '');
}

/** Edits that move paragraph boundaries, and so the pieces the text is cut into. */
const PLAIN_EDITS: Edit[] = [
  ...typingThenASentence('monthly '),
  ['joining two paragraphs (a blank line deleted)', (text) => text.replace(/(\n9\.1 [^\n]*)\n\n/, '$1 ')],
  ['splitting a paragraph (a blank line typed)', (text) => {
    const at = text.indexOf('. ', text.indexOf('\n9.1 ')) + 1;
    return `${text.slice(0, at)}\n\n${text.slice(at + 1)}`;
  }],
  ['a blank line at every paragraph turned into two', (text) => text.replace(/\n\n(?=17\.)/g, '\n\n\n')],
  ['pasting a long passage without blank lines', (text) => insertAt(text, text.indexOf('\n12.1 ') + 1, `${'The Provider shall keep the Customer Data confidential. '.repeat(80)}\n\n`)],
  ['an unclosed fence, then its close', (text) => insertAt(text, text.indexOf('\n19.1 ') + 1, '```\n')],
  ['closing the fence', (text) => insertAt(text, text.indexOf('\n22.1 ') + 1, '```\n\n')],
  ['an unclosed comment', (text) => insertAt(text, text.indexOf('\n23.1 ') + 1, '<!-- draft note\n\n')],
  ['deleting a run of paragraphs', (text) => text.slice(0, text.indexOf('\n5.1 ')) + text.slice(text.indexOf('\n8.1 '))],
  ['a Dutch paragraph', (text) => insertAt(text, text.indexOf('\n21.1 ') + 1, 'Leverancier neemt passende technische en organisatorische maatregelen en meldt elk beveiligingsincident binnen 24 uur.\n\n')],
  // A defined term whose meaning names a concept stands for it wherever it is used: the sentences that use
  // it are read again when its definition changes, and only those are.
  ['a definition that makes a term stand for a security incident', (text) => text.replace('- "EEA" means', '- "Breach" means any personal data breach or security incident affecting Customer Data.\n- "EEA" means')],
  ['the defined term used in a clause', (text) => insertAt(text, text.indexOf('\n14.1 ') + 1, 'The Provider shall notify the Customer of any Breach within 48 hours.\n\n')],
  ['a sentence added to the definition', (text) => text.replace('affecting Customer Data.\n- "EEA"', 'affecting Customer Data. It includes any loss of Customer Data.\n- "EEA"')],
  ['the definition no longer naming a security incident', (text) => text.replace('any personal data breach or security incident affecting Customer Data. It includes any loss of Customer Data.', 'any failure to pay the Fees on time.')],
  ['front matter added', (text) => `---\nclauselint:\n  type: saas\n---\n\n${text}`],
];

test('an edited contract without headings is analysed as a fresh analysis would', () => {
  const plain = withoutHeadings(largeContract(24_000));
  assert.doesNotMatch(plain, /^#/m, 'not one heading');
  assertEditsSameAsFresh(plain, PLAIN_EDITS);
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
