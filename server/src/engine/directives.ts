/**
 * What the command and the language server say of the disable comments in a contract (as ESLint does):
 * an id that names no rule or topic is a warning, always; with --report-unused-disable-directives (in the
 * editor, always), a disable comment that switched nothing off is an error.
 * Both are findings of the pseudo-rule `inline-directive`, on the comment.
 */
import { analyze, DOCUMENT_RULES, type AnalysisDetails, type AnalyzeOptions } from './analyze.js';
import { directivesOf, unusedDirectives } from './inline-control.js';
import { TOPIC_IDS, type Finding, type Language, type Settings } from './types.js';
import { didYouMean } from './did-you-mean.js';
import { phrasebook } from './words.js';

export const DIRECTIVE_RULE = 'inline-directive';

/** Every id a comment may name: the topics and the document rules. */
export function knownRuleIds(): string[] {
  return [...TOPIC_IDS, ...Object.keys(DOCUMENT_RULES)];
}

/** What is said of a comment, in the document's language; {comment} is the comment's own word ("clauselint-disable-next-line"). */
const TEXTS = {
  'unknown-rule': { en: 'Unknown rule “{id}” in a {comment} comment.', nl: 'Onbekende regel “{id}” in een {comment}-commentaar.' },
  'unknown-rule-guess': {
    en: 'Unknown rule “{id}” in a {comment} comment: did you mean “{guess}”?',
    nl: 'Onbekende regel “{id}” in een {comment}-commentaar: bedoelt u “{guess}”?',
  },
  'unused-ids': { en: 'Unused disable comment: no finding of {ids} to switch off.', nl: 'Ongebruikt uitschakelcommentaar: geen bevinding van {ids} om uit te schakelen.' },
  unused: { en: 'Unused disable comment: no finding to switch off.', nl: 'Ongebruikt uitschakelcommentaar: er is geen bevinding om uit te schakelen.' },
} as const;
const say = phrasebook(TEXTS);

const COMMENT_WORD = { 'next-line': 'clauselint-disable-next-line', file: 'clauselint-disable-file', disable: 'clauselint-disable', enable: 'clauselint-enable' } as const;

/** Every text in both languages, for the test that reads Dutch strings as Dutch. */
export function allDirectiveTexts(): { id: string; lang: Language; text: string }[] {
  return Object.entries(TEXTS).flatMap(([id, e]) => (['en', 'nl'] as const).map((lang) => ({ id: `directive.${id}`, lang, text: e[lang] })));
}

const finding = (messageId: string, severity: Finding['severity'], message: string, span: Finding['span']): Finding =>
  ({ ruleId: DIRECTIVE_RULE, topic: null, severity, messageId, message, span, fixes: [] });

/** The findings on the disable comments of an analysed text. */
export function directiveFindings(text: string, result: AnalysisDetails, settings: Settings, options: AnalyzeOptions, reportUnused: boolean): Finding[] {
  const { comments, lines } = result.model;
  const directives = directivesOf(comments, lines);
  if (!directives.length) return [];
  const lang = result.language;
  const known = new Set(knownRuleIds());
  const out: Finding[] = [];
  for (const d of directives) {
    for (const id of d.ids) {
      if (known.has(id)) continue;
      const guess = didYouMean(id, [...known]);
      const values = { id, comment: COMMENT_WORD[d.kind], ...(guess && { guess }) };
      out.push(finding('unknown-rule', 'warning', say(lang, guess ? 'unknown-rule-guess' : 'unknown-rule', values), d.span));
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
      const message = ids.length ? say(lang, 'unused-ids', { ids: ids.map((i) => `“${i}”`).join(', ') }) : say(lang, 'unused');
      out.push(finding('unused-directive', 'error', message, d.span));
    }
  }
  return out;
}
