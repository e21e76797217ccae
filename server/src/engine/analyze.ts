/**
 * The engine's entry point: a pure function of (text, settings) to a result with topic statuses and
 * findings. The CLI, the language server and the tests all call this; it imports nothing from VS Code.
 */
import { parseMarkdown, type Block, type DocumentModel, type Section } from './markdown.js';
import { readFrontMatter, type DeclaredSettings } from './front-matter.js';
import { blocksLanguage } from './language.js';
import { inferType, TYPE_SAMPLE, type TypeInference } from './contract-type.js';
import { loadRuleData, type TopicRule } from './rule-data.js';
import { buildUnits, type Sentence } from './units.js';
import { detectTopics, evaluateTopic, type Context, type TopicEvaluation, type Problem } from './topic-evaluation.js';
import { findDefinitions } from './definitions.js';
import { absentReferences, missingReferences, undeclaredRegimes, undefinedTerms, type RawFinding } from './document-checks.js';
import { applyInlineControl } from './inline-control.js';
import { findParties } from './parties.js';
import { formatHours, formatMonths, formatYears, joinList, message, type MessageId } from './messages.js';
import { maxHoursFor } from './checks.js';
import { contradictions } from './contradictions.js';
import { replacementAllowed } from './completions.js';
import type { CatalogueClause } from './catalogue.js';
import { disableFixes, insertClauseFixes, replaceFix, type FixContext } from './fixes.js';
import {
  TOPIC_IDS, type AnalysisResult, type ContractType, type Finding, type Fix, type Language, type Regime, type Settings,
  type Severity, type SeveritySetting, type Source, type Span, type TopicId, type TopicResult,
} from './types.js';

/** Forgets what earlier analyses remembered: the next analysis is a fresh one. */
export { clearCaches } from './bounded-cache.js';

export const DOCUMENT_RULES: Record<string, Severity> = {
  contradiction: 'warning',
  'undefined-term': 'information',
  'missing-reference': 'information',
  'undeclared-regime': 'hint',
  'front-matter': 'warning',
  'contract-type': 'information',
};
export const TOPIC_RULE_SEVERITY: Severity = 'warning';

export interface AnalysisDetails extends AnalysisResult {
  model: DocumentModel;
  evaluations: Map<TopicId, TopicEvaluation>;
  parties: { supplier: string; customer: string };
  applicable: Set<TopicId>;
  /** What the fixes need to know of the document: for "insert all" and --fix. */
  fixContext: FixContext;
  /** The front matter marks the file (true) or these sections as a standard text: no fix inside. */
  standardText?: true | string[];
}

export function applicableTopics(type: ContractType, regimes: Regime[], required: TopicId[] = []): Set<TopicId> {
  const { applicability } = loadRuleData();
  const set = new Set<TopicId>(applicability.types[type]);
  for (const r of regimes) for (const t of applicability.regimes[r] ?? []) set.add(t);
  for (const t of required) set.add(t);
  return set;
}

function pick<T>(declared: T | undefined, configured: T | undefined, inferred: () => T): [T, Source] {
  if (declared !== undefined) return [declared, 'front-matter'];
  if (configured !== undefined) return [configured, 'config'];
  return [inferred(), 'inferred'];
}

export interface AnalyzeOptions {
  /** The organisation's own clauses, offered before the built-in ones. */
  playbook?: CatalogueClause[];
  /** The language of the editor, for the titles of fixes; the document's language by default. */
  uiLanguage?: Language;
}

export function analyze(source: string, settings: Settings = {}, options: AnalyzeOptions = {}): AnalysisDetails {
  const data = loadRuleData();
  // The BOM is not text: offsets refer to the text after it (--fix writes it back).
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // A lone CR (old Mac line ends) ends a line as LF does: the same length, so every offset stays.
  const text = unmarked.includes('\r') && /\r(?!\n)/.test(unmarked) ? unmarked.replace(/\r(?!\n)/g, '\n') : unmarked;
  const model = parseMarkdown(text);
  let declared: DeclaredSettings = {};
  const raw: RawFinding[] = [];
  if (model.frontMatter) {
    const fm = readFrontMatter(model.frontMatter.raw);
    declared = fm.declared;
    if (fm.problem) raw.push({ ruleId: 'front-matter', messageId: 'front-matter', span: model.frontMatter.span, values: { problem: fm.problem } });
  }

  const [language] = pick(declared.language, settings.language, () => blocksLanguage(model.blocks, data.language) ?? 'en');
  // A mixed document: each top-level section keeps the language it is written in.
  const topOf = (section: Section): Section => {
    let top = section;
    while (top.parent && top.parent.kind !== 'preamble' && top.parent.kind !== 'title') top = top.parent;
    return top;
  };
  const sectionLang = new Map<Section, Language>();
  if (!declared.language && !settings.language) {
    const blocks = new Map<Section, Block[]>();
    for (const b of model.blocks) {
      const top = topOf(b.section);
      (blocks.get(top) ?? blocks.set(top, []).get(top)!).push(b);
    }
    for (const [top, parts] of blocks) sectionLang.set(top, blocksLanguage(parts, data.language) ?? language);
  }
  const langOf = (section: Section): Language => sectionLang.get(topOf(section)) ?? language;
  let inference: TypeInference | undefined;
  const [type, typeSource] = pick(declared.type, settings.type, () => (inference = inferType(model.title?.text ?? model.blocks[0]?.text ?? '', bodyText(model, TYPE_SAMPLE), language, data.language)).type);
  if (inference && inference.confidence !== 'clear') raw.push(typeFinding(inference, language, titleLine(model)));
  const regimesPicked = declared.regimes ?? settings.regimes;
  const regimes = [...new Set(regimesPicked ?? [])].sort() as Regime[];
  const regimesSource: Source | null = declared.regimes ? 'front-matter' : settings.regimes ? 'config' : null;
  const applicable = applicableTopics(type, regimes, settings.requiredTopics);

  const units = buildUnits(model, langOf);
  const definitions = findDefinitions(model);
  const parties = findParties(model, language);
  const ctx: Context = { type, regimes, language, languageData: data.language, definedTerms: new Set(definitions.map((d) => d.term.toLowerCase())), definitions, aliasCache: new Map(), playbookPhrases: settings.weakPhrases ?? [], partyNames: parties.names, ...unbackedWords(model) };
  const bySection = new Map<number, Sentence[]>();
  for (const s of units.sentences) {
    const list = bySection.get(s.section.index);
    if (list) list.push(s); else bySection.set(s.section.index, [s]);
  }

  const topics = {} as Record<TopicId, TopicResult>;
  const evaluations = new Map<TopicId, TopicEvaluation>();
  const titleSpan = titleLine(model);
  const detected = detectTopics([...data.topics.values()], units, ctx);
  ctx.sharedSentences = sentencesOfSeveralTopics(detected);
  for (const id of TOPIC_IDS) {
    const rule = data.topics.get(id)!;
    const evaluation = evaluateTopic(rule, detected.get(id)!, units, ctx, bySection);
    evaluations.set(id, evaluation);
    const evidenceSentences = evaluation.best ? [...evaluation.best.sentences, ...evaluation.matched.filter((s) => !evaluation.best!.sentences.includes(s))] : [];
    const status = applicable.has(id) ? evaluation.status : 'not-applicable';
    topics[id] = { status, evidence: evidenceSentences.slice(0, 5).map((s) => ({ span: s.span, text: s.text.trim().replace(/\s+/g, ' ') })) };
    if (!applicable.has(id)) continue;
    raw.push(...topicFindings(rule, evaluation, ctx, titleSpan, parties, text));
    raw.push(...contradictions(rule, evaluation, language, model));
  }
  raw.push(...undefinedTerms(model, definitions), ...missingReferences(model), ...undeclaredRegimes(model, regimes, language));

  const fixContext: FixContext = { model, language, uiLanguage: options.uiLanguage ?? language, type, parties, playbook: options.playbook };
  const findings = applyInlineControl(toFindings(raw, settings.rules ?? {}, language, data.topics, fixContext), model.comments, model.lines);
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return { language, type, typeSource, regimes, regimesSource, topics, findings, model, evaluations, parties, applicable, fixContext, ...(declared.standardText && { standardText: declared.standardText }) };
}

/** The blocks' text joined by line breaks, as far as `length` characters. */
/**
 * Where the sentences that speak of more than one topic start. Words added to such a sentence for one
 * topic can change what it says of the other ("appropriate measures to address the breach, including
 * measures to mitigate"): no completion is offered there.
 */
function sentencesOfSeveralTopics(detected: Map<TopicId, Sentence[]>): Set<number> {
  const seen = new Set<number>(), shared = new Set<number>();
  for (const sentences of detected.values()) for (const s of sentences) (seen.has(s.span.start) ? shared : seen).add(s.span.start);
  return shared;
}

/** An inferred type worth declaring: named with why, so that a drafter can confirm or correct it. */
function typeFinding(inference: TypeInference, lang: Language, span: Span): RawFinding {
  const quoted = inference.because.map((w) => `“${w}”`);
  const because = quoted.length ? (lang === 'nl' ? ` (vanwege ${joinList(quoted, lang)})` : ` (from ${joinList(quoted, lang)})`) : '';
  return {
    ruleId: 'contract-type', messageId: inference.confidence === 'close' ? 'contract-type-close' : 'contract-type-thin', span,
    values: { type: inference.type, because, ...(inference.runnerUp && { runnerUp: inference.runnerUp }) },
  };
}

/** The words of references to annexes the document lacks, found by binary search over their spans. */
function unbackedWords(model: DocumentModel): { unbacked: (start: number) => boolean; absentAnnexes: string[] } {
  const { spans, keys } = absentReferences(model);
  return {
    absentAnnexes: keys,
    unbacked: (start) => {
      let lo = 0, hi = spans.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid].end <= start) lo = mid + 1; else if (spans[mid].start > start) hi = mid - 1; else return true;
      }
      return false;
    },
  };
}

function bodyText(model: DocumentModel, length: number): string {
  const parts: string[] = [];
  let at = 0;
  for (const b of model.blocks) {
    if (at >= length) break;
    parts.push(b.text);
    at += b.text.length + 1;
  }
  return parts.join('\n').slice(0, length);
}

/** Where a missing topic is reported: the title line, else the document's first line of text. */
function titleLine(model: DocumentModel): Span {
  if (model.title) return model.title.span;
  const first = model.blocks[0];
  if (!first) return { start: 0, end: 0 };
  const line = model.lines.lineOf(first.span.start);
  return { start: first.span.start, end: Math.max(first.span.start, model.lines.lineEnd(line)) };
}

function describe(problem: Problem, rule: TopicRule, lang: Language): { messageId: MessageId; values: Record<string, string | number>; replacement?: string } {
  switch (problem.kind) {
    case 'weak-phrase': {
      const signal = rule.weak[problem.signalIndex];
      const detail = signal.says[lang].replace('{phrase}', problem.phrase);
      const fix = signal.replace
        ? (lang === 'nl' ? 'schrijf bijvoorbeeld “' : 'write for example “') + signal.replace[lang].replace('{phrase}', problem.phrase).replace('{hours}', String(SUGGESTED_HOURS)) + '”.'
        : (lang === 'nl' ? 'maak de bepaling concreet, of voeg een bepaling uit de catalogus in.' : 'make the clause specific, or insert a clause from the catalogue.');
      const replacement = signal.replace?.[lang].replace('{phrase}', problem.phrase).replace('{hours}', String(SUGGESTED_HOURS));
      return { messageId: 'weak-phrase', values: { detail, fix }, replacement };
    }
    case 'long-notice': {
      const signal = rule.weak[problem.signalIndex];
      return { messageId: 'weak-phrase', values: { detail: signal.says[lang].replace('{value}', String(problem.days)), fix: lang === 'nl' ? 'beperk de aankondigingstermijn tot ten hoogste 30 dagen.' : 'limit the notice period to at most 30 days.' } };
    }
    case 'disclaimed':
      return { messageId: 'disclaimed', values: { phrase: problem.phrase } };
    case 'hedged':
      return { messageId: 'hedged', values: { phrase: problem.phrase } };
    case 'playbook-phrase': {
      const e = problem.entry;
      const detail = e.message ?? (lang === 'nl' ? `“${problem.phrase}” staat op de lijst van zwakke formuleringen van uw organisatie` : `“${problem.phrase}” is on your organisation's list of weak phrases`);
      const fix = e.replacement ? (lang === 'nl' ? `schrijf “${e.replacement}”.` : `write “${e.replacement}”.`) : (lang === 'nl' ? 'maak de bepaling concreet.' : 'make the clause specific.');
      return { messageId: 'weak-phrase', values: { detail, fix }, replacement: e.replacement };
    }
    case 'shortfall': {
      const r = problem.result;
      if (r.reason === 'too-long') return { messageId: 'too-long', values: { value: formatHours(r.value!, lang), limit: formatHours(r.limit!, lang) } };
      if (r.reason === 'too-short') return { messageId: 'too-short', values: { value: formatYears(r.value!, lang), limit: formatYears(r.limit!, lang) } };
      return { messageId: 'too-low', values: { value: formatMonths(r.value!, lang) } };
    }
  }
}

/** The deadline a replacement suggests: NIS2's early warning, which also meets GDPR's 72 hours. */
const SUGGESTED_HOURS = 24;

function topicFindings(rule: TopicRule, ev: TopicEvaluation, ctx: Context, titleSpan: Span, parties: { supplier: string; customer: string }, text: string): RawFinding[] {
  const lang = ctx.language;
  const out: RawFinding[] = [];
  const refs = rule.references.join('; ');
  if (ev.status === 'missing') {
    const deadline = rule.strong.find((p) => p.check === 'duration' && p.maxHours !== undefined);
    const max = deadline ? formatHours(maxHoursFor(deadline, ctx.regimes)!, lang) : '';
    const fix = rule.missing[lang].replace(/\{supplier\}/g, parties.supplier).replace(/\{customer\}/g, parties.customer).replace('{max}', max);
    out.push({ ruleId: rule.id, messageId: 'missing', span: titleSpan, values: { fix: capitalise(fix), refs } });
    return out;
  }
  const seen = new Set<string>();
  for (const clause of ev.clauses) {
    for (const p of clause.problems) {
      const key = `${p.span.start}:${p.span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { messageId, values, replacement } = describe(p, rule, lang);
      // One completion cures a sentence ("… and in any event within 24 hours"): offer it once per sentence.
      const once = p.kind === 'weak-phrase' ? `${p.signalIndex}@${p.sentence.start}` : key;
      const offered = replacement !== undefined && !seen.has(once)
        && !(p.kind === 'weak-phrase' && ctx.sharedSentences?.has(p.sentence.start))
        && replacementAllowed({ text, clause, evaluation: ev, span: p.span, sentence: p.kind === 'weak-phrase' ? p.sentence : undefined, replacement, parties, language: lang });
      seen.add(once);
      out.push({ ruleId: rule.id, messageId, span: p.span, values: { ...values, refs }, replacement: offered ? replacement : undefined });
    }
  }
  const best = ev.best!;
  // The best clause lacks a strong point that no specific finding above explains: say what it lacks.
  const unexplained = best.unmet.filter((point) => !best.problems.some((p) => p.kind === 'shortfall' && p.point === point));
  if (unexplained.length) {
    const first = best.sentences[0];
    out.push({ ruleId: rule.id, messageId: 'weak-clause', span: first.span, values: { lacks: joinList(unexplained.map((p) => p.says[lang].replace('{max}', String(maxHoursFor(p, ctx.regimes) ?? '')).replace('{min}', String(p.minYears ?? ''))), lang), refs } });
  }
  return out;
}

function capitalise(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }

function toFindings(raw: RawFinding[], severities: Record<string, SeveritySetting>, lang: Language, topics: Map<TopicId, TopicRule>, fixContext: FixContext): Finding[] {
  const out: Finding[] = [];
  for (const r of raw) {
    const topic = r.topic ?? (topics.has(r.ruleId as TopicId) ? (r.ruleId as TopicId) : null);
    const severity: SeveritySetting = severities[r.ruleId] ?? (topic ? TOPIC_RULE_SEVERITY : DOCUMENT_RULES[r.ruleId] ?? 'warning');
    if (severity === 'off') continue;
    const values = { ...r.values, topic: r.values.topic ?? (topic ? topics.get(topic)!.name[lang] : '') };
    out.push(findingWithFixes(r, topic, severity, message(r.messageId as MessageId, lang, values), fixContext));
  }
  return out;
}

/**
 * A finding whose fixes are worked out when first read (a code action, a hover, --fix): re-publishing
 * diagnostics after a keystroke needs none of them. `fixes` stays an own, enumerable property.
 */
function findingWithFixes(r: RawFinding, topic: TopicId | null, severity: Severity, text: string, ctx: FixContext): Finding {
  let fixes: Fix[] | undefined;
  const finding: Finding = {
    ruleId: r.ruleId, topic, severity, messageId: r.messageId, message: text, span: r.span,
    get fixes() {
      return (fixes ??= [
        ...(finding.messageId === 'missing' && finding.topic ? insertClauseFixes(ctx, finding.topic) : []),
        ...(r.replacement !== undefined ? [replaceFix(ctx, finding, r.replacement)].filter((x): x is Fix => x !== undefined) : []),
        ...disableFixes(ctx, finding),
      ]);
    },
    set fixes(value: Fix[]) { fixes = value; },
  };
  return finding;
}
