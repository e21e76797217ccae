/** Two clauses that set a topic's parameter differently (24 hours here, 72 hours there). */
import { BoundedCache } from './bounded-cache.js';
import { runCheck } from './checks.js';
import type { RawFinding } from './document-checks.js';
import type { DocumentModel } from './markdown.js';
import { formatHours, formatYears } from './messages.js';
import { findDurations, inHours } from './numbers.js';
import { conceptTerms, type StrongPoint, type TopicRule } from './rule-data.js';
import { findTerms, hasTerm } from './terms.js';
import type { TopicEvaluation } from './topic-evaluation.js';
import type { Language, Span } from './types.js';
import type { Sentence } from './units.js';

const FOLLOW_UP_RE = /\b(?:full|final|further|follow-up|detailed|written report|root[- ]cause|update|aanvullend\w*|vervolg\w*|definitie\w*|volledig\w*|rapport\w*|eindrapport\w*)\b/i;
/** A deadline is written "within 24 hours", "no later than", "binnen 24 uur", "uiterlijk": a figure without it sets something else. */
const DEADLINE_LEAD_RE = /(?:within|no later than|not later than|at the latest|binnen|uiterlijk|ten laatste)\s+(?:\S+\s+){0,2}$/i;

interface Figure { value: number; span: Span }

export function contradictions(rule: TopicRule, ev: TopicEvaluation, lang: Language, model: DocumentModel): RawFinding[] {
  if (!rule.parameter || ev.matched.length < 2) return [];
  const point = rule.strong.find((p) => p.id === rule.parameter!.check);
  if (!point || point.check !== 'duration') return [];
  const stated: Figure[] = [];
  const among = rule.parameter.among;
  for (const s of ev.matched) {
    if (FOLLOW_UP_RE.test(s.text)) continue;
    if (among && !hasTerm(conceptTerms(rule, among, s.lang), s.tokens)) continue;
    const figure = cachedFigure(point, rule, s);
    if (figure) stated.push(figure);
  }
  const first = stated[0];
  const other = stated.find((x) => x.value !== first.value);
  if (!other) return [];
  const fmt = point.unit === 'period' ? formatYears : formatHours;
  return [{ ruleId: 'contradiction', topic: rule.id, messageId: 'contradiction', span: other.span, values: { topic: rule.name[lang].toLowerCase(), value: fmt(other.value, lang), other: fmt(first.value, lang), otherLine: model.lines.position(first.span.start).line } }];
}

/** Figures by topic and sentence key, relative to the sentence: a sentence states the same figure whatever is edited elsewhere. */
const figures = new BoundedCache<string, { value: number; start: number; end: number } | null>(50_000);

function cachedFigure(point: StrongPoint, rule: TopicRule, s: Sentence): Figure | undefined {
  const key = `${rule.id}/${s.key}`;
  let relative = figures.get(key);
  if (relative === undefined) {
    const figure = statedFigure(point, rule, s);
    relative = figure ? { value: figure.value, start: figure.span.start - s.span.start, end: figure.span.end - s.span.start } : null;
    figures.set(key, relative);
  }
  return relative ? { value: relative.value, span: { start: s.span.start + relative.start, end: s.span.start + relative.end } } : undefined;
}

/** The figure one sentence sets for the parameter: a deadline after the duty's own words, or a period. */
function statedFigure(point: StrongPoint, rule: TopicRule, s: Sentence): Figure | undefined {
  if (point.unit === 'period') {
    const r = runCheck({ ...point, minYears: 0 }, rule, [s], []);
    return r.value !== undefined && r.span ? { value: r.value, span: r.span } : undefined;
  }
  const dutyAt = point.near ? findTerms(conceptTerms(rule, point.near, s.lang), s.tokens).map((m) => s.tokens[m.first].start) : [s.span.start];
  if (!dutyAt.length) return undefined;
  const after = Math.min(...dutyAt);
  for (const d of findDurations(s.text, s.span.start)) {
    if (d.span.start < after || !['minutes', 'hours', 'days', 'business-days', 'weeks'].includes(d.unit)) continue;
    if (!DEADLINE_LEAD_RE.test(s.text.slice(Math.max(0, d.span.start - s.span.start - 40), d.span.start - s.span.start))) continue;
    return { value: inHours(d), span: d.span };
  }
  return undefined;
}
