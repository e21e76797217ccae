/**
 * The regimes' own checklists (`rules/checklists/<regime>.yaml`): each item of the law that a contract
 * must cover, decided from the topics' statuses and strong points of one analysis. A plain engine module:
 * the CLI's review report and the language server's coverage report both call it.
 *
 * An item is `met` when every topic it names has a clause meeting every strong point it names (or, naming
 * none, the topic is present); `not-met` when none of its topics is covered at all; `partly-met` otherwise.
 * An item that names no topic, or only strong points Clauselint does not check for this contract, is never
 * `met`: the first is `not-checked`, the second at most `partly-met`.
 */
import type { AnalysisDetails } from './analyze.js';
import { loadRuleData, rulesFolder, type StrongPoint, type TopicRule } from './rule-data.js';
import type { Clause } from './topic-evaluation.js';
import { REGIMES, TOPIC_IDS, type Language, type Localized, type Regime, type TopicId, type TopicStatus } from './types.js';

export interface Requirement { topic: string; strong?: string[] }

export interface ChecklistItem { id: string; article: string; text: Localized; satisfiedBy?: Requirement[]; note?: Localized }

export interface Checklist { regime: Regime; title: Localized; source: string; includes?: Regime[]; items: ChecklistItem[]; file: string }

export type ItemStatus = 'met' | 'partly-met' | 'not-met' | 'not-checked';

export interface RequirementResult {
  topic: TopicId;
  /** The topic's status in the contract, whether or not its type makes it apply. */
  topicStatus: Exclude<TopicStatus, 'not-applicable'>;
  verdict: 'met' | 'partly' | 'not';
  met: StrongPoint[];
  unmet: StrongPoint[];
  /** Strong points named by the item that Clauselint does not check for this contract's type and regimes. */
  unchecked: StrongPoint[];
  /** The sentences that meet the requirement or come closest, best first. */
  clauses: Clause[];
}

export interface ItemResult { item: ChecklistItem; status: ItemStatus; requirements: RequirementResult[] }

export interface ChecklistResult {
  checklist: Checklist;
  items: ItemResult[];
  counts: Record<ItemStatus, number>;
  /** Met items count 1, partly met ½, over the items Clauselint checks; null when it checks none. */
  score: number | null;
}

let cached: Map<Regime, Checklist> | undefined;

/** The checklists of the rules folder (embedded in the bundles as the rules are), by regime. */
export function loadChecklists(): Map<Regime, Checklist> {
  if (cached) return cached;
  const map = new Map<Regime, Checklist>();
  for (const { file, data } of rulesFolder().checklists ?? []) {
    const list = { ...(structuredClone(data) as Omit<Checklist, 'file'>), file };
    if (REGIMES.includes(list.regime)) map.set(list.regime, list);
  }
  cached = map;
  return map;
}

/** Why each topic matters to the customer, for the report. */
export function explainer(topic: string, lang: Language): string | undefined {
  const data = rulesFolder().explainers as { explainers?: Record<string, Localized> } | undefined;
  return data?.explainers?.[topic]?.[lang];
}

/** Every item that names a topic or a strong point the rules do not have, and every duplicated item id. */
export function checklistProblems(checklists: Checklist[] = [...loadChecklists().values()], topics: Map<TopicId, TopicRule> = loadRuleData().topics): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const list of checklists) {
    for (const item of list.items) {
      if (seen.has(item.id)) problems.push(`${list.file}: item id ${item.id} is used twice`);
      seen.add(item.id);
      for (const req of item.satisfiedBy ?? []) {
        const rule = (TOPIC_IDS as readonly string[]).includes(req.topic) ? topics.get(req.topic as TopicId) : undefined;
        if (!rule) { problems.push(`${list.file}: item ${item.id} names topic "${req.topic}", which does not exist`); continue; }
        for (const id of req.strong ?? []) {
          if (!rule.strong.some((s) => s.id === id)) problems.push(`${list.file}: item ${item.id} names strong point "${id}" of ${req.topic}, which does not exist`);
        }
      }
    }
    for (const r of list.includes ?? []) if (!checklists.some((c) => c.regime === r)) problems.push(`${list.file}: includes ${r}, which has no checklist`);
  }
  return problems;
}

/** The regimes whose checklists apply: the declared ones and those they include (dora-critical: dora too), in a fixed order. */
export function checklistRegimes(regimes: readonly Regime[]): Regime[] {
  const lists = loadChecklists();
  const out = new Set<Regime>();
  const add = (r: Regime) => {
    if (out.has(r)) return;
    for (const inc of lists.get(r)?.includes ?? []) add(inc);
    out.add(r);
  };
  for (const r of regimes) add(r);
  return REGIMES.filter((r) => out.has(r) && lists.has(r));
}

function applies(point: StrongPoint, result: AnalysisDetails): boolean {
  const a = point.appliesTo;
  if (!a) return true;
  return Boolean(a.types?.includes(result.type) || a.regimes?.some((r) => result.regimes.includes(r)));
}

/** A clause that a disclaimer empties ("is not obliged to…") meets nothing. */
const counts = (c: Clause) => !c.problems.some((p) => p.kind === 'disclaimed');

function evaluateRequirement(req: Requirement, result: AnalysisDetails): RequirementResult | null {
  if (!(TOPIC_IDS as readonly string[]).includes(req.topic)) return null;
  const topic = req.topic as TopicId;
  const rule = loadRuleData().topics.get(topic);
  const evaluation = result.evaluations.get(topic);
  if (!rule || !evaluation) return null;
  const named = (req.strong ?? []).map((id) => rule.strong.find((s) => s.id === id)).filter((s): s is StrongPoint => Boolean(s));
  if (req.strong?.length && !named.length) return null;
  const checked = named.filter((p) => applies(p, result));
  const unchecked = named.filter((p) => !applies(p, result));
  const clauses = evaluation.clauses.filter(counts);
  const topicStatus = evaluation.status === 'not-applicable' ? 'missing' : evaluation.status;
  const isMet = (p: StrongPoint) => clauses.some((c) => !c.unmet.some((u) => u.id === p.id));
  const met = clauses.length ? checked.filter(isMet) : [];
  const unmet = checked.filter((p) => !met.includes(p));
  // The clauses that meet most of the named points first; the topic's best clause breaks ties.
  const score = (c: Clause) => checked.filter((p) => !c.unmet.some((u) => u.id === p.id)).length * 10 + (c === evaluation.best ? 1 : 0) + (c.status === 'present' ? 2 : 0);
  const ranked = [...clauses].sort((a, b) => score(b) - score(a));
  let verdict: RequirementResult['verdict'];
  if (!clauses.length || topicStatus === 'missing') verdict = 'not';
  else if (!checked.length) verdict = evaluation.status === 'present' && !unchecked.length ? 'met' : 'partly';
  else verdict = unmet.length || unchecked.length ? 'partly' : 'met';
  return { topic, topicStatus: clauses.length ? topicStatus : 'missing', verdict, met, unmet, unchecked, clauses: ranked };
}

export function evaluateItem(item: ChecklistItem, result: AnalysisDetails): ItemResult {
  const requirements = (item.satisfiedBy ?? []).map((r) => evaluateRequirement(r, result)).filter((r): r is RequirementResult => r !== null);
  let status: ItemStatus;
  if (!requirements.length) status = 'not-checked';
  else if (requirements.every((r) => r.verdict === 'met')) status = 'met';
  else if (requirements.every((r) => r.verdict === 'not')) status = 'not-met';
  else status = 'partly-met';
  return { item, status, requirements };
}

export function evaluateChecklist(checklist: Checklist, result: AnalysisDetails): ChecklistResult {
  const items = checklist.items.map((item) => evaluateItem(item, result));
  const counts: Record<ItemStatus, number> = { met: 0, 'partly-met': 0, 'not-met': 0, 'not-checked': 0 };
  for (const i of items) counts[i.status]++;
  const checked = items.length - counts['not-checked'];
  const score = checked ? Math.round((100 * (counts.met + counts['partly-met'] / 2)) / checked) : null;
  return { checklist, items, counts, score };
}

/** The checklists of the contract's regimes (or of `regimes`, when given), evaluated. */
export function evaluateChecklists(result: AnalysisDetails, regimes: readonly Regime[] = result.regimes): ChecklistResult[] {
  const lists = loadChecklists();
  return checklistRegimes(regimes).map((r) => evaluateChecklist(lists.get(r)!, result));
}

/** The topics' score against the contract's type and regimes: present counts 1, weak ½, over the topics that apply. */
export function topicScore(result: AnalysisDetails): number | null {
  let sum = 0, n = 0;
  for (const id of TOPIC_IDS) {
    const s = result.topics[id].status;
    if (s === 'not-applicable') continue;
    n++;
    sum += s === 'present' ? 1 : s === 'weak' ? 0.5 : 0;
  }
  return n ? Math.round((100 * sum) / n) : null;
}
