/**
 * The engine's entry point: a pure function of (text, settings) to a result with topic statuses and
 * findings. The CLI, the language server and the tests all call this; it imports nothing from VS Code.
 */
import { parseMarkdownStepwise, type Block, type DocumentModel, type Section } from './markdown.js';
import { readFrontMatter, type DeclaredSettings } from './front-matter.js';
import { problemText, type SettingProblem } from './setting-problems.js';
import { blocksLanguage } from './language.js';
import { inferType, TYPE_SAMPLE, type TypeInference } from './contract-type.js';
import { loadRuleData, referencesOf, type TopicRule } from './rule-data.js';
import { buildUnits, type Sentence } from './units.js';
import { detectTopicsStepwise, evaluateTopic, type Context, type TopicEvaluation, type Problem } from './topic-evaluation.js';
import { findDefinitions } from './definitions.js';
import { absentReferences, annexReferences, annexTitles, missingReferences, undeclaredRegimes, undefinedTerms, type RawFinding } from './document-checks.js';
import { applyInlineControl } from './inline-control.js';
import { findParties } from './parties.js';
import { capitalise, details, fit, formatHours, formatMonths, formatYears, inSentence, joinList, message, piece, shortPhrase, type MessageId } from './messages.js';
import { maxHoursFor } from './checks.js';
import { contradictions } from './contradictions.js';
import { replacementAllowed } from './completions.js';
import type { CatalogueClause } from './catalogue.js';
import { toEnd, type Steps } from './steps.js';
import { disableFixes, insertClauseFixes, replaceFix, type FixContext } from './fixes.js';
import {
  TOPIC_IDS, type AnalysisResult, type ContractType, type Finding, type Fix, type Language, type Regime, type Settings,
  type Severity, type SeveritySetting, type Source, type Span, type TopicId, type TopicResult,
} from './types.js';

/** Forgets what earlier analyses remembered: the next analysis is a fresh one. */
export { clearCaches } from './bounded-cache.js';

/**
 * No rule defaults to 'hint': VS Code leaves hints out of the Problems panel (dots under the text only),
 * and each of these says something the drafter must see there. 'hint' stays a severity users may choose.
 */
export const DOCUMENT_RULES: Record<string, Severity> = {
  contradiction: 'warning',
  'undefined-term': 'information',
  'missing-reference': 'information',
  'undeclared-regime': 'information',
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

/** The text the engine reads. */
function engineText(source: string): string {
  // The BOM is not text: offsets refer to the text after it (--fix writes it back).
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // A lone CR (old Mac line ends) ends a line as LF does: the same length, so every offset stays.
  return unmarked.includes('\r') && /\r(?!\n)/.test(unmarked) ? unmarked.replace(/\r(?!\n)/g, '\n') : unmarked;
}

export function analyze(source: string, settings: Settings = {}, options: AnalyzeOptions = {}): AnalysisDetails {
  return toEnd(analyzeStepwise(source, settings, options));
}

/**
 * analyze() in steps: after each chunk it parses, each sentence it reads for topics and each topic it
 * evaluates. The language server runs it in slices and drops it when the document changes meanwhile.
 */
export function* analyzeStepwise(source: string, settings: Settings = {}, options: AnalyzeOptions = {}): Steps<AnalysisDetails> {
  const data = loadRuleData();
  const text = engineText(source);
  const model = yield* parseMarkdownStepwise(text);
  let declared: DeclaredSettings = {};
  const raw: RawFinding[] = [];
  let frontMatterProblems: SettingProblem[] | undefined;
  if (model.frontMatter) {
    const fm = readFrontMatter(model.frontMatter.raw);
    declared = fm.declared;
    frontMatterProblems = fm.problems;
  }

  const [language] = pick(declared.language, settings.language, () => blocksLanguage(model.blocks, data.language) ?? 'en');
  if (frontMatterProblems) raw.push({ ruleId: 'front-matter', messageId: 'front-matter', span: model.frontMatter!.span, values: { problem: problemText(frontMatterProblems, language) } });
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
  yield;
  const definitions = findDefinitions(model);
  const parties = findParties(model, language);
  yield;
  const ctx: Context = { type, regimes, language, languageData: data.language, definedTerms: new Set(definitions.map((d) => d.term.toLowerCase())), definitions, aliasCache: new Map(), playbookPhrases: settings.weakPhrases ?? [], partyNames: parties.names, ...unbackedWords(model) };
  const bySection = new Map<number, Sentence[]>();
  for (const s of units.sentences) {
    const list = bySection.get(s.section.index);
    if (list) list.push(s); else bySection.set(s.section.index, [s]);
  }

  const topics = {} as Record<TopicId, TopicResult>;
  const evaluations = new Map<TopicId, TopicEvaluation>();
  const titleSpan = titleLine(model);
  const detected = yield* detectTopicsStepwise([...data.topics.values()], units, ctx);
  ({ all: ctx.detected, shared: ctx.sharedSentences } = detectedSentences(detected));
  for (const id of TOPIC_IDS) {
    yield;
    const rule = data.topics.get(id)!;
    const evaluation = evaluateTopic(rule, detected.get(id)!, units, ctx, bySection);
    evaluations.set(id, evaluation);
    const evidenceSentences = evaluation.best ? [...evaluation.best.sentences, ...evaluation.matched.filter((s) => !evaluation.best!.sentences.includes(s))] : [];
    const status = applicable.has(id) ? evaluation.status : 'not-applicable';
    topics[id] = { status, evidence: evidenceSentences.slice(0, 5).map((s) => ({ span: s.span, text: s.text.trim().replace(/\s+/g, ' ') })) };
    if (!applicable.has(id)) continue;
    raw.push(...topicFindings(rule, evaluation, { ctx, titleSpan, parties, text, lines: model.lines }));
    raw.push(...contradictions(rule, evaluation, language, model));
  }
  raw.push(...undefinedTerms(model, definitions), ...missingReferences(model), ...undeclaredRegimes(model, regimes, language));

  const fixContext: FixContext = { model, language, uiLanguage: options.uiLanguage ?? language, type, parties, playbook: options.playbook };
  const findings = applyInlineControl(toFindings(raw, settings.rules ?? {}, language, data.topics, fixContext), model.comments, model.lines);
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return { language, type, typeSource, regimes, regimesSource, topics, findings, model, evaluations, parties, applicable, fixContext, ...(declared.standardText && { standardText: declared.standardText }) };
}

/**
 * The sentences some topic's detection found, and where those that speak of more than one topic start.
 * Words added to such a sentence for one topic can change what it says of the other ("appropriate
 * measures to address the breach, including measures to mitigate"): no completion is offered there.
 */
function detectedSentences(detected: Map<TopicId, Sentence[]>): { all: Set<Sentence>; shared: Set<number> } {
  const all = new Set<Sentence>(), shared = new Set<number>();
  for (const sentences of detected.values()) for (const s of sentences) { if (all.has(s)) shared.add(s.span.start); else all.add(s); }
  return { all, shared };
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

/** The words of references to annexes (those the document lacks, and all of them), found by binary search over their spans. */
function unbackedWords(model: DocumentModel): Pick<Context, 'unbacked' | 'annexAt' | 'annexTitles' | 'absentAnnexes'> {
  const { spans, keys } = absentReferences(model);
  const references = annexReferences(model);
  return { absentAnnexes: keys, unbacked: (start) => spanAt(spans, start) >= 0, annexAt: (start) => references[spanAt(references, start)]?.key, annexTitles: annexTitles(model) };
}

/** The index of the span an offset lies in (spans sorted, not overlapping), or -1. */
function spanAt(spans: Span[], start: number): number {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= start) lo = mid + 1; else if (spans[mid].start > start) hi = mid - 1; else return mid;
  }
  return -1;
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

/** What one problem says, short (for the message) and in full (for the details), with its fix. */
interface Described {
  messageId: string;
  /** "“best-effort” with no figures", the phrase shortened; `full` with the phrase whole. */
  detail: string; full: string;
  fix: string;
  /** The signal's text without its phrase, for several phrases of one signal ("with no figures"). */
  rest?: string;
  /** What the problem is about, quoted: the phrase or the figure. */
  quoted: string;
  signal?: number;
  replacement?: string;
}

function describe(problem: Problem, rule: TopicRule, lang: Language): Described {
  const says = (template: string, phrase: string) => template.replace('{phrase}', phrase);
  switch (problem.kind) {
    case 'weak-phrase': {
      const signal = rule.weak[problem.signalIndex];
      const replacement = signal.replace?.[lang].replace('{phrase}', problem.phrase).replace('{hours}', String(SUGGESTED_HOURS));
      const template = signal.says[lang];
      const rest = template.startsWith('“{phrase}” ') ? template.slice('“{phrase}” '.length) : undefined;
      return {
        messageId: 'weak-phrase', detail: says(template, shortPhrase(problem.phrase)), full: says(template, problem.phrase), rest,
        fix: replacement ? piece('write', lang, { text: replacement }) : piece('specific', lang), quoted: `“${shortPhrase(problem.phrase)}”`, signal: problem.signalIndex, replacement,
      };
    }
    case 'long-notice': {
      const detail = rule.weak[problem.signalIndex].says[lang].replace('{value}', String(problem.days));
      return { messageId: 'weak-phrase', detail, full: detail, fix: piece('longNoticeFix', lang), quoted: `${problem.days} ${lang === 'nl' ? 'dagen' : 'days'}` };
    }
    case 'disclaimed':
    case 'hedged':
      return {
        messageId: problem.kind, detail: piece(problem.kind, lang, { phrase: shortPhrase(problem.phrase) }), full: piece(problem.kind, lang, { phrase: problem.phrase }),
        fix: piece(problem.kind === 'disclaimed' ? 'disclaimedFix' : 'hedgedFix', lang), quoted: `“${shortPhrase(problem.phrase)}”`,
      };
    case 'playbook-phrase': {
      const e = problem.entry;
      const detail = (phrase: string) => e.message ?? piece('playbook', lang, { phrase });
      return {
        messageId: 'weak-phrase', detail: detail(shortPhrase(problem.phrase)), full: detail(problem.phrase),
        fix: e.replacement ? piece('write', lang, { text: e.replacement }) : piece('specific', lang), quoted: `“${shortPhrase(problem.phrase)}”`, replacement: e.replacement,
      };
    }
    case 'shortfall': {
      const r = problem.result;
      if (r.reason === 'too-long') {
        const values = { value: formatHours(r.value!, lang), limit: formatHours(r.limit!, lang) };
        const detail = piece('tooLong', lang, values);
        return { messageId: 'too-long', detail, full: detail, fix: piece('tooLongFix', lang, values), quoted: values.value };
      }
      if (r.reason === 'too-short') {
        const values = { value: formatYears(r.value!, lang), limit: formatYears(r.limit!, lang) };
        const detail = piece('tooShort', lang, values);
        return { messageId: 'too-short', detail, full: detail, fix: piece('tooShortFix', lang, values), quoted: values.value };
      }
      const value = formatMonths(r.value!, lang);
      const detail = piece('tooLow', lang, { value });
      return { messageId: 'too-low', detail, full: detail, fix: piece('tooLowFix', lang), quoted: piece('cap', lang, { value }) };
    }
  }
}

/** The deadline a replacement suggests: NIS2's early warning, which also meets GDPR's 72 hours. */
const SUGGESTED_HOURS = 24;

interface TopicScope { ctx: Context; titleSpan: Span; parties: { supplier: string; customer: string }; text: string; lines: DocumentModel['lines'] }

/**
 * A topic's findings: one on the title when it is missing, else one per clause that is weak, naming
 * every weak phrase of that clause (each a related place with its own fix) and, for the clause that
 * came closest, what it does not state.
 */
function topicFindings(rule: TopicRule, ev: TopicEvaluation, scope: TopicScope): RawFinding[] {
  const { ctx, titleSpan, parties } = scope;
  const lang = ctx.language;
  const name = inSentence(rule.name[lang]);
  const why = piece('why', lang, { refs: referencesOf(rule, lang).join('; ') });
  if (ev.status === 'missing') {
    const deadline = rule.strong.find((p) => p.check === 'duration' && p.maxHours !== undefined);
    const max = deadline ? formatHours(maxHoursFor(deadline, ctx.regimes)!, lang) : '';
    const fix = rule.missing[lang].replace(/\{supplier\}/g, parties.supplier).replace(/\{customer\}/g, parties.customer).replace('{max}', max);
    return [{ ruleId: rule.id, messageId: 'missing', span: titleSpan, values: { topic: name }, details: `${why}\n${piece('howMissing', lang, { fix: capitalise(fix) })}` }];
  }
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  // One completion cures a sentence ("… and in any event within 24 hours"): offer it once per sentence.
  const offeredIn = new Set<string>();
  const best = ev.best!;
  for (const clause of ev.clauses) {
    const problems: Problem[] = [];
    for (const p of clause.problems) {
      const key = `${p.span.start}:${p.span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
    // The best clause lacks a strong point that no specific problem explains: say what it lacks.
    const unmet = clause === best ? best.unmet.filter((point) => !best.problems.some((p) => p.kind === 'shortfall' && p.point === point)) : [];
    if (!problems.length && !unmet.length) continue;
    const lacks = unmet.map((p) => p.says[lang].replace('{max}', String(maxHoursFor(p, ctx.regimes) ?? '')).replace('{min}', String(p.minYears ?? '')));
    out.push(clauseFinding(rule, ev, clause, problems, lacks, { topic: name, why, offeredIn }, scope));
  }
  return out;
}

function clauseFinding(
  rule: TopicRule, ev: TopicEvaluation, clause: TopicEvaluation['clauses'][number], problems: Problem[], lacks: string[],
  said: { topic: string; why: string; offeredIn: Set<string> }, scope: TopicScope,
): RawFinding {
  const { topic, why, offeredIn } = said;
  const { ctx, text, lines } = scope;
  const lang = ctx.language;
  const described = problems.map((p) => ({ problem: p, ...describe(p, rule, lang) }));
  const offered: { problem: Problem; replacement: string }[] = [];
  for (const d of described) {
    const p = d.problem;
    if (d.replacement === undefined) continue;
    const once = p.kind === 'weak-phrase' ? `${p.signalIndex}@${p.sentence.start}` : `${p.span.start}:${p.span.end}`;
    if (offeredIn.has(once)) continue;
    offeredIn.add(once);
    // A sentence that speaks of two topics gets no completion: it would change what the other says.
    if (p.kind === 'weak-phrase' && ctx.sharedSentences?.has(p.sentence.start)) continue;
    offered.push({ problem: p, replacement: d.replacement });
  }
  // Whether a completion may be offered reads the clause's commitments again: worth it only for the fixes
  // read (a code action, a hover, --fix), not for every finding on every keystroke.
  const replacements = () => offered
    .filter(({ problem: p, replacement }) => replacementAllowed({ text, clause, evaluation: ev, span: p.span, sentence: p.kind === 'weak-phrase' ? p.sentence : undefined, replacement, parties: { data: ctx.languageData, names: ctx.partyNames } }))
    .map(({ problem, replacement }) => ({ span: problem.span, text: replacement }));

  const lead = message('weak-phrase', lang, { topic, detail: '', fix: '' }).replace(/:.*$/, '');
  const candidates: string[] = [];
  const also = lacks.length ? [piece('alsoState', lang, { lacks: joinList(lacks, lang) }), ...(lacks.length > 1 ? [piece('alsoState', lang, { lacks: `${lacks[0]} (${lang === 'nl' ? 'en ' : 'and '}${piece('more', lang, { count: lacks.length - 1 })})` })] : [])] : [];
  if (described.length === 1) {
    const [d] = described;
    for (const a of also) candidates.push(`${lead}: ${d.detail}; ${a}.`);
    candidates.push(`${lead}: ${d.detail}; ${d.fix}.`, `${lead}: ${d.detail}.`, `${lead}: ${piece('wording', lang, { phrases: d.quoted })}.`);
  } else if (described.length > 1) {
    const quoted = joinList(described.map((d) => d.quoted), lang);
    const oneSignal = described.every((d) => d.signal !== undefined && d.signal === described[0].signal && d.messageId === 'weak-phrase');
    const template = oneSignal ? rule.weak[described[0].signal!].says[lang] : undefined;
    const what = !oneSignal ? piece('several', lang, { count: described.length, phrases: quoted })
      : described[0].rest !== undefined ? piece('each', lang, { phrases: quoted, rest: described[0].rest })
        : template!.replace('“{phrase}”', quoted);
    for (const a of also) candidates.push(`${lead}: ${what}; ${a}.`);
    candidates.push(`${lead}: ${what}; ${piece('eachSpecific', lang)}.`, `${lead}: ${what}.`, `${lead}: ${piece('several', lang, { count: described.length, phrases: quoted })}.`,
      `${lead}: ${piece('several', lang, { count: described.length, phrases: `${described[0].quoted}, …` })}.`);
  } else {
    candidates.push(message('weak-clause', lang, { topic, lacks: joinList(lacks, lang), first: lacks[0], more: lacks.length - 1 }));
  }

  const lineOf = (span: Span) => lines.position(span.start).line;
  const placeText = (d: (typeof described)[number]) => piece('place', lang, { line: lineOf(d.problem.span), detail: d.full, fix: d.fix });
  const detailLines: string[] = [];
  if (lacks.length) detailLines.push(piece('lacks', lang, { lacks: joinList(lacks, lang) }));
  detailLines.push(why);
  if (described.length) detailLines.push(piece('howPlaces', lang), ...described.map((d) => `- ${capitalise(placeText(d))}`));
  if (lacks.length) detailLines.push(piece('howLacks', lang));

  // The clause's first sentence without the line break or spaces before it.
  const sentence = clause.sentences[0].span;
  const lead0 = /^\s*/.exec(text.slice(sentence.start, sentence.end))![0].length;
  const first = { start: sentence.start + lead0, end: sentence.end };
  const single = described.length === 1 && !lacks.length;
  const span = single ? described[0].problem.span
    : { start: Math.min(first.start, ...described.map((d) => d.problem.span.start)), end: Math.max(first.end, ...described.map((d) => d.problem.span.end)) };
  return {
    ruleId: rule.id, messageId: described[0]?.messageId ?? 'weak-clause', span, values: { topic },
    text: fit(candidates), details: detailLines.join('\n'), replacements,
    ...(!single && described.length && { related: described.map((d) => ({ span: d.problem.span, message: capitalise(placeText(d).replace(/^[^:]*:\s*/, '')) })) }),
  };
}

function toFindings(raw: RawFinding[], severities: Record<string, SeveritySetting>, lang: Language, topics: Map<TopicId, TopicRule>, fixContext: FixContext): Finding[] {
  const out: Finding[] = [];
  for (const r of raw) {
    const topic = r.topic ?? (topics.has(r.ruleId as TopicId) ? (r.ruleId as TopicId) : null);
    const severity: SeveritySetting = severities[r.ruleId] ?? (topic ? TOPIC_RULE_SEVERITY : DOCUMENT_RULES[r.ruleId] ?? 'warning');
    if (severity === 'off') continue;
    const values = { ...r.values, topic: r.values.topic ?? (topic ? inSentence(topics.get(topic)!.name[lang]) : '') };
    const id = r.messageId as MessageId;
    const text = r.text ?? message(id, lang, values);
    const more = r.details ?? details(id, lang, values);
    out.push(findingWithFixes({ ...r, ...(more && { details: more }) }, topic, severity, text, fixContext));
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
    ruleId: r.ruleId, topic, severity, messageId: r.messageId, message: text, ...(r.details && { details: r.details }), ...(r.related && { related: r.related }), span: r.span,
    get fixes() {
      return (fixes ??= [
        ...(finding.messageId === 'missing' && finding.topic ? insertClauseFixes(ctx, finding.topic) : []),
        ...(r.replacements?.() ?? []).map((x) => replaceFix(ctx, x.span, x.text)).filter((x): x is Fix => x !== undefined),
        ...disableFixes(ctx, finding),
      ]);
    },
    set fixes(value: Fix[]) { fixes = value; },
  };
  return finding;
}
