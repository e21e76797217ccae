/**
 * What the HTML and Markdown reports both say in words: the facts that open a contract's section and
 * what a checklist item still lacks, and what changed since a baseline. Each renderer only marks them up.
 */
import type { Language, Source } from '../engine/types.js';
import type { ContractReport, ItemRow, TopicRow } from './model.js';
import { markLabel } from './marks.js';
import { s } from './strings.js';
import { regimeNames } from '../engine/words.js';

/** Where a type or the regimes came from; null: chosen on the command line for this report. */
function sourceText(lang: Language, source: Source | null): string {
  return source ? s(lang, `source.${source}`) : s(lang, 'source.command');
}

/** The opening of a contract's section: type, laws, language and topic score, each as label and value. */
export function contractFacts(lang: Language, c: ContractReport): { label: string; value: string }[] {
  return [
    { label: s(lang, 'type'), value: `${s(lang, `type.${c.type}`)} (${sourceText(lang, c.typeSource)})` },
    { label: s(lang, 'regimes'), value: c.regimes.length ? `${regimeNames(c.regimes, lang)} (${sourceText(lang, c.regimesSource)})` : s(lang, 'none') },
    { label: s(lang, 'language'), value: s(lang, `lang.${c.language}`) },
    { label: s(lang, 'topicsScore'), value: `${c.score ?? '–'}% — ${s(lang, 'topicCounts', { present: c.counts.present, weak: c.counts.weak, missing: c.counts.missing })}` },
  ];
}

/** What a checklist item lacks: per topic it names no clause or the strong points it misses, what Clauselint does not check, the item's note. */
export function itemGaps(lang: Language, it: ItemRow): string[] {
  const out: string[] = [];
  for (const t of it.topics) {
    if (t.status === 'missing') out.push(s(lang, 'topicMissing', { topic: t.name }));
    else for (const l of t.lacks) out.push(`${t.name}: ${l}`);
    if (t.unchecked.length) out.push(s(lang, 'notCheckedFor', { points: t.unchecked.join('; ') }));
  }
  if (it.note) out.push(it.note);
  return out;
}

/** What a weak topic's best clause lacks, and its weak wording quoted. */
export function topicGaps(lang: Language, t: TopicRow): string[] {
  return [...t.lacks, ...(t.wording.length ? [s(lang, 'weakWording', { phrases: t.wording.join(', ') })] : [])];
}

/** What changed since the baseline, one line each: the findings compared, then every topic that changed status. */
export function sinceLines(lang: Language, c: ContractReport): string[] {
  const since = c.since;
  if (!since) return [];
  if (!since.known) return [s(lang, 'sinceUnknown')];
  const f = since.findings;
  return [
    ...(f ? [s(lang, 'sinceFindings', f)] : []),
    ...(since.topics.length ? since.topics.map((t) => s(lang, 'sinceTopic', {
      topic: t.name, before: markLabel(lang, t.before), after: markLabel(lang, t.after), change: s(lang, `change.${t.change}`),
    })) : [s(lang, 'sinceNoTopic')]),
  ];
}
