/** One contract through the --fix logic, twice, with the checks of `npm run fix:check`. */
import { analyze, type AnalysisDetails } from '../../server/src/engine/analyze.js';
import { dirname } from 'node:path';
import { configFor, type LoadedConfig } from '../../server/src/config.js';
import { playbookFor } from '../../server/src/cli/catalogue.js';
import { configMarksStandard, fixFile, type FixType } from '../../server/src/cli/fix.js';
import type { Span, TextEdit } from '../../server/src/engine/types.js';

export interface FixCheck {
  wordsKept: boolean;
  lostWords: string[];
  idempotent: boolean;
  stillMissing: string[];
  /** Rule ids of findings that stand inside inserted text. */
  insertedFindings: string[];
  newContradictions: number;
  inserted: number;
  completed: number;
  suggestions: number;
  standardText: boolean;
  fixed: string;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
export const words = (text: string): string[] => (text.toLowerCase().match(WORD_RE) ?? []);

/** The original words missing from the fixed text, taken in order (a subsequence check). */
export function lostWords(before: string, after: string): string[] {
  const a = words(before), b = words(after);
  const lost: string[] = [];
  let j = 0;
  for (const w of a) {
    let k = j;
    while (k < b.length && b[k] !== w) k++;
    if (k < b.length) j = k + 1; else lost.push(w);
  }
  return lost;
}

/** Where each edit's text stands in the edited text. */
export function insertedSpans(edits: TextEdit[]): Span[] {
  let delta = 0;
  const out: Span[] = [];
  for (const e of [...edits].sort((x, y) => x.span.start - y.span.start)) {
    const start = e.span.start + delta;
    out.push({ start, end: start + e.text.length });
    delta += e.text.length - (e.span.end - e.span.start);
  }
  return out;
}

/** The shared corpus has no configuration of its own: its standard texts are marked as a user would, by `standardTexts` globs. */
export const CORPUS_STANDARD_TEXTS = ['eu__scc-*.md', 'logfire__standard-contractual-clauses.md'];

export function checkFix(file: string, source: string, options: { standardTexts?: string[]; types?: FixType[] } = {}): FixCheck {
  const found = configFor(file);
  const config: LoadedConfig = options.standardTexts ? { ...found, dir: found.file ? found.dir : dirname(file), settings: { ...found.settings, standardTexts: options.standardTexts } } : found;
  const settings = config.settings;
  const analyzeOptions = { playbook: playbookFor(config) };
  const types = options.types ?? ['fix'];
  const standard = configMarksStandard(config, file);
  const before: AnalysisDetails = analyze(source, settings, analyzeOptions);
  const { plan, fixed } = fixFile(source, before, types, standard);
  const after = analyze(fixed, settings, analyzeOptions);
  const stillMissing = [...after.applicable].filter((id) => after.topics[id].status === 'missing');
  const spans = insertedSpans(plan.edits);
  const insertedFindings = after.findings.filter((f) => f.messageId !== 'missing' && spans.some((s) => f.span.start >= s.start && f.span.end <= s.end)).map((f) => `${f.ruleId}/${f.messageId}`);
  const contradictionsOf = (r: AnalysisDetails) => r.findings.filter((f) => f.ruleId === 'contradiction').length;
  const second = fixFile(fixed, after, types, standard);
  const lost = lostWords(source, fixed);
  return {
    wordsKept: lost.length === 0, lostWords: lost, idempotent: second.fixed === fixed, stillMissing, insertedFindings,
    newContradictions: Math.max(0, contradictionsOf(after) - contradictionsOf(before)),
    inserted: plan.inserted, completed: plan.completed, suggestions: plan.suggestions.length, standardText: plan.standardText, fixed,
  };
}
