/**
 * The review report as plain data: per contract its type and regimes, the score, every topic with its
 * evidence and what is missing, and each regime's checklist. The HTML and Markdown renderers and the
 * language server's coverage report all read this; nothing here knows about files or VS Code.
 */
import type { AnalysisDetails } from '../engine/analyze.js';
import { clausesFor, fillClause, type CatalogueClause } from '../engine/catalogue.js';
import { evaluateChecklists, explainer, topicScore, type ItemStatus, type RequirementResult } from '../engine/checklists.js';
import { maxHoursFor } from '../engine/checks.js';
import { loadRuleData, referencesOf, type StrongPoint } from '../engine/rule-data.js';
import { citation } from '../engine/citations.js';
import type { Clause, Problem } from '../engine/topic-evaluation.js';
import { statusChange, type Change } from './marks.js';
import { TOPIC_IDS, type ContractType, type Language, type Localized, type Regime, type Source, type TopicId, type TopicStatus } from '../engine/types.js';

export interface Quote { line: number; endLine: number; text: string }
export interface AskFor { clauseId: string; title: string; text: string }

export interface TopicRow {
  id: TopicId; name: string; status: TopicStatus;
  evidence: Quote[];
  /** The strong points the best clause does not meet, in words ("a deadline in hours"). */
  lacks: string[];
  /** Weak wording the clause uses, quoted. */
  wording: string[];
  why: string; references: string[];
  ask?: AskFor;
}

export interface ItemRow {
  id: string; article: string; text: string; status: ItemStatus;
  note?: string;
  /** Per topic the item names: its name, status, and what it lacks for this item. */
  topics: { id: TopicId; name: string; status: Exclude<TopicStatus, 'not-applicable'>; lacks: string[]; unchecked: string[] }[];
  evidence: Quote[];
  ask: AskFor[];
}

export interface ChecklistView {
  regime: Regime; title: string; source: string; score: number | null;
  counts: Record<ItemStatus, number>; items: ItemRow[];
}

/** What changed since an earlier run (`--baseline`): topics that changed status, and the findings compared. */
export interface SinceBaseline {
  /** False: the earlier run did not have this contract. */
  known: boolean;
  topics: { id: TopicId; name: string; before: TopicStatus; after: TopicStatus; change: Change }[];
  /** Absent when the earlier run had no findings (a report's JSON). */
  findings?: { new: number; updated: number; absent: number };
}

export interface ContractReport {
  /** The file as the user named it (relative to the working folder). */
  path: string; id: string;
  language: Language; type: ContractType; typeSource: Source; regimes: Regime[]; regimesSource: Source | null;
  score: number | null;
  counts: Record<TopicStatus, number>;
  topics: TopicRow[];
  checklists: ChecklistView[];
  findings: number;
  since?: SinceBaseline;
}

export interface ReportModel {
  /** The language of the report's own words; each contract section is in `language` too unless --lang forced one. */
  language: Language;
  contracts: ContractReport[];
  /** Every topic with its name in `language`: the portfolio's columns. */
  topicNames: { id: TopicId; name: string }[];
  /** Files that could not be read or checked: one line each. */
  problems: { path: string; message: string }[];
}

const MAX_QUOTE = 400;

function quote(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE - 1)}…` : t;
}

function quotes(clauses: Clause[], result: AnalysisDetails, max = 3): Quote[] {
  const out: Quote[] = [];
  const seen = new Set<number>();
  for (const c of clauses) {
    for (const s of c.sentences) {
      if (out.length >= max) return out;
      if (seen.has(s.span.start)) continue;
      seen.add(s.span.start);
      const lines = result.model.lines;
      out.push({ line: lines.position(s.span.start).line, endLine: lines.position(Math.max(s.span.start, s.span.end - 1)).line, text: quote(s.text) });
    }
  }
  return out;
}

function wordingOf(problems: Problem[], lang: Language): string[] {
  const out = new Set<string>();
  for (const p of problems) {
    if ('phrase' in p && p.phrase) out.add(`“${quote(p.phrase)}”`);
    else if (p.kind === 'long-notice') out.add(lang === 'nl' ? `een aankondigingstermijn van ${p.days} dagen` : `a notice period of ${p.days} days`);
  }
  return [...out].slice(0, 5);
}

function askFor(topic: TopicId, result: AnalysisDetails, lang: Language, playbook: CatalogueClause[]): AskFor | undefined {
  const [clause] = clausesFor(topic, result.type, playbook);
  if (!clause || !clause.text?.[lang]) return undefined;
  return { clauseId: clause.id, title: clause.title[lang], text: fillClause(clause, lang, result.parties) };
}

/** The contract in an earlier run: its topics' statuses (if that run had them) and how its findings compare. */
export interface EarlierRun { topics?: Partial<Record<TopicId, TopicStatus>>; findings?: SinceBaseline['findings'] }

export interface ContractInput {
  path: string; result: AnalysisDetails; playbook?: CatalogueClause[];
  /** With --baseline: the contract in the earlier run, or null when that run did not have it. */
  earlier?: EarlierRun | null;
}

/** One contract's part of the report; `lang` is the language of its words (the contract's own unless forced). */
export function contractReport(input: ContractInput, index: number, lang: Language = input.result.language, regimes?: Regime[]): ContractReport {
  const { result, path } = input;
  const playbook = input.playbook ?? [];
  const rules = loadRuleData().topics;
  const name = (id: TopicId) => rules.get(id)?.name[lang] ?? id;
  const counts: Record<TopicStatus, number> = { present: 0, weak: 0, missing: 0, 'not-applicable': 0 };
  const topics: TopicRow[] = TOPIC_IDS.map((id) => {
    const status = result.topics[id].status;
    counts[status]++;
    const evaluation = result.evaluations.get(id);
    const best = evaluation?.best ?? null;
    const rule = rules.get(id);
    const row: TopicRow = {
      id, name: name(id), status,
      evidence: best ? quotes([best, ...(evaluation?.clauses ?? []).filter((c) => c !== best)], result) : [],
      lacks: status === 'weak' && best ? best.unmet.map((p) => says(p, lang, result)) : [],
      wording: status === 'weak' && best ? wordingOf(best.problems, lang) : [],
      why: explainer(id, lang) ?? '',
      references: rule ? referencesOf(rule, lang) : [],
    };
    if (status === 'weak' && !row.lacks.length && !row.wording.length && lang === result.language) {
      row.lacks = [...new Set(result.findings.filter((f) => f.topic === id).map((f) => f.message.split(/ Why it matters:| Waarom:/)[0]))].slice(0, 3);
    }
    if (status === 'missing' || status === 'weak') row.ask = askFor(id, result, lang, playbook);
    return row;
  });
  const lacksOf = (r: RequirementResult, which: 'unmet' | 'unchecked') => r[which].map((p) => says(p, lang, result));
  const checklists: ChecklistView[] = evaluateChecklists(result, regimes).map((cl) => ({
    regime: cl.checklist.regime, title: cl.checklist.title[lang], source: cl.checklist.source, score: cl.score, counts: cl.counts,
    items: cl.items.map((it) => ({
      id: it.item.id, article: citation(it.item.article, lang), text: it.item.text[lang], status: it.status,
      ...(it.item.note && { note: it.item.note[lang] }),
      topics: it.requirements.map((r) => ({ id: r.topic, name: name(r.topic), status: r.topicStatus, lacks: lacksOf(r, 'unmet'), unchecked: lacksOf(r, 'unchecked') })),
      evidence: quotes(it.requirements.flatMap((r) => r.clauses.slice(0, 1)), result, 2),
      ask: it.status === 'met' || it.status === 'not-checked' ? [] : it.requirements.filter((r) => r.verdict !== 'met')
        .map((r) => askFor(r.topic, result, lang, playbook)).filter((a): a is AskFor => Boolean(a)),
    })),
  }));
  const { earlier } = input;
  const since: SinceBaseline | undefined = earlier === undefined ? undefined : {
    known: earlier !== null,
    topics: topics.flatMap((t) => {
      const before = earlier?.topics?.[t.id];
      return before && before !== t.status ? [{ id: t.id, name: t.name, before, after: t.status, change: statusChange(before, t.status) }] : [];
    }),
    ...(earlier?.findings && { findings: earlier.findings }),
  };
  return {
    ...(since && { since }),
    path, id: `contract-${index + 1}`, language: result.language, type: result.type, typeSource: result.typeSource,
    regimes: result.regimes, regimesSource: result.regimesSource, score: topicScore(result), counts, topics, checklists,
    findings: result.findings.length,
  };
}

/** A strong point in words, with "{max}" and "{min}" the figures that apply to this contract. */
function says(point: StrongPoint, lang: Language, result: AnalysisDetails): string {
  const max = maxHoursFor(point, result.regimes);
  return point.says[lang].replace('{max}', max !== undefined ? String(max) : '…').replace('{min}', point.minYears !== undefined ? String(point.minYears) : '…');
}

/** The language most contracts are written in (English on a tie), for the report's shared pages. */
export function majorityLanguage(contracts: { result: AnalysisDetails }[]): Language {
  const nl = contracts.filter((c) => c.result.language === 'nl').length;
  return nl > contracts.length - nl ? 'nl' : 'en';
}

/** A file not checked, said in both languages: the report's is known once its contracts are. */
export interface FileProblem { path: string; message: Localized }

export function buildReport(inputs: ContractInput[], options: { lang?: Language; regimes?: Regime[]; problems?: FileProblem[] } = {}): ReportModel {
  const language = options.lang ?? majorityLanguage(inputs);
  return {
    language,
    topicNames: TOPIC_IDS.map((id) => ({ id, name: loadRuleData().topics.get(id)?.name[language] ?? id })),
    contracts: inputs.map((input, i) => contractReport(input, i, options.lang ?? input.result.language, options.regimes)),
    problems: (options.problems ?? []).map(({ path, message }) => ({ path, message: message[language] })),
  };
}
