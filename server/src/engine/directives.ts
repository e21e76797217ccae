/**
 * What the command and the language server say of the disable comments in a contract (as ESLint does):
 * an id that names no rule or topic is a warning, always; with --report-unused-disable-directives (in the
 * editor, always), a disable comment that switched nothing off is an error.
 * Both are findings of the pseudo-rule `inline-directive`, on the comment.
 */
import { analyze, DOCUMENT_RULES, type AnalysisDetails, type AnalyzeOptions } from './analyze.js';
import { directivesOf, unusedDirectives } from './inline-control.js';
import { TOPIC_IDS, type Finding, type Settings } from './types.js';
import { didYouMean } from './did-you-mean.js';

export const DIRECTIVE_RULE = 'inline-directive';

/** Every id a comment may name: the topics and the document rules. */
export function knownRuleIds(): string[] {
  return [...TOPIC_IDS, ...Object.keys(DOCUMENT_RULES)];
}

const finding = (messageId: string, severity: Finding['severity'], message: string, span: Finding['span']): Finding =>
  ({ ruleId: DIRECTIVE_RULE, topic: null, severity, messageId, message, span, fixes: [] });

/** The findings on the disable comments of an analysed text. */
export function directiveFindings(text: string, result: AnalysisDetails, settings: Settings, options: AnalyzeOptions, reportUnused: boolean): Finding[] {
  const { comments, lines } = result.model;
  const directives = directivesOf(comments, lines);
  if (!directives.length) return [];
  const nl = result.language === 'nl';
  const known = new Set(knownRuleIds());
  const out: Finding[] = [];
  for (const d of directives) {
    for (const id of d.ids) {
      if (known.has(id)) continue;
      const guess = didYouMean(id, [...known]);
      out.push(finding('unknown-rule', 'warning', nl
        ? `Onbekende regel “${id}” in een clauselint-${d.kind === 'next-line' ? 'disable-next-line' : d.kind === 'file' ? 'disable-file' : d.kind}-commentaar${guess ? `: bedoelt u “${guess}”?` : '.'}`
        : `Unknown rule “${id}” in a clauselint-${d.kind === 'next-line' ? 'disable-next-line' : d.kind === 'file' ? 'disable-file' : d.kind} comment${guess ? `: did you mean “${guess}”?` : '.'}`, d.span));
    }
  }
  if (reportUnused) {
    // The findings before inline control: the same text with its directives made inert (same length, same offsets).
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let inert = '', from = 0;
    for (const c of comments) {
      inert += body.slice(from, c.span.start) + body.slice(c.span.start, c.span.end).replace(/clauselint-(disable|enable)/, 'clauselint_$1');
      from = c.span.end;
    }
    inert += body.slice(from);
    const raw = analyze(inert, settings, options).findings;
    for (const { directive: d, unusedIds } of unusedDirectives(raw, comments, lines)) {
      const ids = unusedIds.filter((id) => known.has(id));
      if (unusedIds.length && !ids.length) continue; // only unknown ids: reported above
      out.push(finding('unused-directive', 'error', nl
        ? `Ongebruikt uitschakelcommentaar: ${ids.length ? `geen bevinding van ${ids.map((i) => `“${i}”`).join(', ')} om uit te schakelen` : 'er is geen bevinding om uit te schakelen'}.`
        : `Unused disable comment: ${ids.length ? `no finding of ${ids.map((i) => `“${i}”`).join(', ')} to switch off` : 'no finding to switch off'}.`, d.span));
    }
  }
  return out;
}
