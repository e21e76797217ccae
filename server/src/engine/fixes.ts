/**
 * The fixes attached to findings, and `fixAll` for `clauselint --fix`: insert a catalogue clause where
 * a topic is missing, complete or replace a weak phrase, or switch the rule off for a line or the file.
 * Every fix is a list of edits that touch nothing outside their own range.
 */
import { clausesFor, fillClause, type CatalogueClause } from './catalogue.js';
import { insertionText, lineBreak, placeClause, type Placement } from './placement.js';
import { loadRuleData } from './rule-data.js';
import { completionEdit, isCompletion, keepsWords, replacedSpan } from './completions.js';
import { sentencesOf } from './article-scheme.js';
import { findDefinitions } from './definitions.js';
import type { DocumentModel } from './markdown.js';
import type { ContractType, Finding, Fix, Language, Span, TextEdit, TopicId } from './types.js';
import { fillTemplate } from './words.js';

export interface FixContext {
  model: DocumentModel;
  language: Language;
  /** The language of the fixes' titles: the editor's, which may differ from the contract's. */
  uiLanguage: Language;
  type: ContractType;
  parties: { supplier: string; customer: string };
  playbook?: CatalogueClause[];
}

const LABELS = {
  insert: { en: 'Insert clause: {title}', nl: 'Bepaling invoegen: {title}' },
  replace: { en: 'Replace with “{text}”', nl: 'Vervangen door “{text}”' },
  complete: { en: 'Complete: “{text}”', nl: 'Aanvullen: “{text}”' },
  line: { en: 'Disable {rule} for this line', nl: 'Schakel {rule} uit voor deze regel' },
  block: { en: 'Disable {rule} for this paragraph', nl: 'Schakel {rule} uit voor deze alinea' },
  file: { en: 'Disable {rule} for this file', nl: 'Schakel {rule} uit voor dit bestand' },
};

function label(kind: keyof typeof LABELS, lang: Language, values: Record<string, string>): string {
  return fillTemplate(LABELS[kind][lang], values);
}

/**
 * What every clause of one analysis reads of the whole contract, read once: each missing topic's fixes
 * fill a clause, and reading the parties and the defined terms per clause split a 16 MB contract into
 * substrings some hundred times (45 s, most of it garbage collection).
 */
const perContext = new WeakMap<FixContext, { parties: { supplier: string; customer: string }; defined: Set<string> }>();
function contractReading(ctx: FixContext) {
  let reading = perContext.get(ctx);
  if (!reading) perContext.set(ctx, reading = { parties: readOwnParties(ctx), defined: new Set(findDefinitions(ctx.model).map((d) => d.term)) });
  return reading;
}
const ownParties = (ctx: FixContext) => contractReading(ctx).parties;

/** How often `needle` occurs in `text`, without the substrings a split would make. */
function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The blocks of text that put `clause` at `placement`: a numbered paragraph, or a new article. */
function clauseBlocks(ctx: FixContext, clause: CatalogueClause, placement: Placement, extra: number, paragraphsBefore = 0): string[] {
  const text = ownTerms(ctx, fillClause(clause, ctx.language, ownParties(ctx)));
  if (placement.joins) {
    if (placement.runIn) return [`${bump(placement.paragraphNumber, paragraphsBefore)}${clause.heading[ctx.language]}. ${text}`];
    if (!placement.paragraphNumber) return [text];
    return sentencesOf(text).map((s, i) => `${bump(placement.paragraphNumber, paragraphsBefore + i)}${s}`);
  }
  const heading = placement.headingLine!(clause.heading[ctx.language], extra);
  const paragraphs = placement.paragraphs;
  if (!paragraphs || !placement.number) return [heading, text];
  const n = placement.number(extra);
  return [heading, ...sentencesOf(text).map((s, i) => ('indent' in paragraphs ? `${paragraphs.indent}${i + 1}. ${s}` : `${n}.${i + 1}${paragraphs.dot} ${s}`))];
}

/**
 * The parties as the contract writes them: "Customer" where it rarely says "the Customer"; both bare
 * where one is and the other, seldom named, never has an article ("Licensor" beside "Licensee").
 */
function readOwnParties(ctx: FixContext): { supplier: string; customer: string } {
  const uses = (name: string) => {
    const m = /^the (\S.*)$/.exec(name);
    if (!m || ctx.language !== 'en') return undefined;
    const text = ctx.model.text;
    return { bare: m[1], all: occurrences(text, m[1]), withArticle: occurrences(text, `the ${m[1]}`) + occurrences(text, `The ${m[1]}`) };
  };
  const supplier = uses(ctx.parties.supplier), customer = uses(ctx.parties.customer);
  const mostlyBare = (u: typeof supplier) => u !== undefined && u.all >= 3 && u.withArticle * 4 < u.all;
  const neverWithArticle = (u: typeof supplier) => u !== undefined && u.all > 0 && u.withArticle === 0;
  const bare = (u: typeof supplier, other: typeof supplier) => mostlyBare(u) || (mostlyBare(other) && neverWithArticle(u));
  return {
    supplier: bare(supplier, customer) ? supplier!.bare : ctx.parties.supplier,
    customer: bare(customer, supplier) ? customer!.bare : ctx.parties.customer,
  };
}

/** A phrase as a pattern: its words as written, "{customer}" the party's name, a capital allowed at the start. */
function phrasePattern(phrase: string, customer: string): string {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = phrase.split('{customer}').map(escape).join(escape(customer));
  return `[${body[0].toLowerCase()}${body[0].toUpperCase()}]${body.slice(1)}`;
}

/**
 * The clause in the contract's own defined terms for the service and the data ("the Cloud Service",
 * "Customer Content", "de Klantdata"): the first term of rules/language.yaml's list that the contract defines.
 */
function ownTerms(ctx: FixContext, text: string): string {
  const { defined, parties: { customer } } = contractReading(ctx);
  const lang = ctx.language;
  for (const kind of ['service', 'data'] as const) {
    const terms = loadRuleData().language.ownTerms[kind];
    const term = terms.defined[lang].find((t) => defined.has(t));
    if (!term) continue;
    const use = fillTemplate(terms.use[lang], { term });
    const re = new RegExp(`(?<![\\p{L}])(?:${terms.generic[lang].map((p) => phrasePattern(p, customer)).join('|')})(?![\\p{L}])`, 'gu');
    // A sentence that opened with the generic words opens with the term.
    text = text.replace(re, (m) => (m[0] === m[0].toUpperCase() ? use.charAt(0).toUpperCase() + use.slice(1) : use));
    if (kind === 'service' && lang === 'en' && !/s$/.test(term)) text = singular(text, use);
  }
  return text;
}

/**
 * The catalogue speaks of "the services"; where the contract's term is one service ("the Cloud Service"),
 * the verb after it and the "them" that refers back to it follow: "the Cloud Service is restored",
 * "the Cloud Service and the systems used for it".
 */
function singular(text: string, use: string): string {
  const term = use.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const verbs: Record<string, string> = { are: 'is', have: 'has', were: 'was' };
  return text
    .replace(new RegExp(`(\\b${term}) (are|have|were)\\b`, 'gi'), (_, t: string, v: string) => `${t} ${verbs[v.toLowerCase()]}`)
    .replace(new RegExp(`(\\b${term}\\b[^.;]{0,60}?\\bused for) them\\b`, 'gi'), '$1 it');
}

function bump(number: string | undefined, extra: number): string {
  if (!number || !extra) return number ?? '';
  return number.replace(/(?<!\d)(\d+)(\.?\s+)$/, (_, n: string, rest: string) => `${Number(n) + extra}${rest}`);
}

export function insertClauseFixes(ctx: FixContext, topic: TopicId): Fix[] {
  const rule = loadRuleData().topics.get(topic)!;
  const placement = placeClause(ctx.model, rule, ctx.language);
  return clausesFor(topic, ctx.type, ctx.playbook).map((clause, i) => ({
    title: label('insert', ctx.uiLanguage, { title: clause.title[ctx.uiLanguage] }),
    kind: 'insert-clause' as const,
    preferred: i === 0,
    edits: [insertionText(ctx.model, placement, clauseBlocks(ctx, clause, placement, 0))],
  }));
}

/**
 * The fix of a weak phrase. A replacement that keeps the phrase and adds words is a completion, inserted
 * where it reads as part of the sentence; one that changes or drops words is a suggestion (not preferred,
 * never applied by --fix unasked). None when neither can be written without breaking the sentence.
 */
export function replaceFix(ctx: FixContext, phraseSpan: Span, replacement: string): Fix | undefined {
  const text = ctx.model.text;
  const phrase = text.slice(phraseSpan.start, phraseSpan.end);
  if (isCompletion(phrase, replacement)) {
    const edit = completionEdit(text, phraseSpan, replacement.slice(phrase.length));
    if (!edit) return undefined;
    const shown = text.slice(phraseSpan.start, edit.span.start) + edit.text;
    return { title: label('complete', ctx.uiLanguage, { text: shown.trim() }), kind: 'replace-phrase', preferred: true, edits: [edit] };
  }
  const span = replacedSpan(text, phraseSpan);
  if (!span || replacement === text.slice(span.start, span.end)) return undefined;
  const suggestion = !keepsWords(text.slice(span.start, span.end), replacement);
  return { title: label('replace', ctx.uiLanguage, { text: replacement }), kind: 'replace-phrase', preferred: !suggestion, ...(suggestion && { suggestion: true }), edits: [{ span, text: replacement }] };
}

/** The block holding an offset, by binary search: blocks are in document order. */
function blockAt(model: DocumentModel, offset: number) {
  let lo = 0, hi = model.blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = model.blocks[mid];
    if (offset < b.span.start) hi = mid - 1;
    else if (offset >= b.span.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** The quote markers and indentation of a line, so that a comment stays inside a quote or list item. */
function prefixOf(text: string, lineStart: number): string {
  const m = /^[ \t]*(?:>[ \t]?)*/.exec(text.slice(lineStart, lineStart + 200));
  return m ? m[0] : '';
}

/**
 * `<!-- clauselint-disable-next-line RULE -->` on its own line above the finding. When the finding sits
 * inside a paragraph or a table (where a new line would split the block), the block is wrapped in
 * disable/enable comments instead. None for a finding in the front matter: a file comment is the way.
 */
function disableLineFix(ctx: FixContext, f: Finding): Fix | undefined {
  const { model } = ctx;
  const { lines, text } = model;
  if (model.frontMatter && f.span.start < model.frontMatter.span.end) return undefined;
  const eol = lineBreak(text);
  const line = lines.lineOf(f.span.start);
  const table = model.protectedSpans.find((p) => p !== model.frontMatter?.span && p.start <= f.span.start && f.span.start < p.end);
  const block = table ?? blockAt(model, f.span.start)?.span;
  const firstLine = block ? lines.lineOf(block.start) : line;
  if (!table && firstLine === line) {
    const at = lines.lineStart(line);
    return { title: label('line', ctx.uiLanguage, { rule: f.ruleId }), kind: 'disable', edits: [{ span: { start: at, end: at }, text: `${prefixOf(text, at)}<!-- clauselint-disable-next-line ${f.ruleId} -->${eol}` }] };
  }
  const start = lines.lineStart(firstLine);
  const end = lines.lineEnd(lines.lineOf(Math.max(block!.start, block!.end - 1)));
  const prefix = prefixOf(text, start);
  return {
    title: label('block', ctx.uiLanguage, { rule: f.ruleId }), kind: 'disable',
    edits: [
      { span: { start, end: start }, text: `${prefix}<!-- clauselint-disable ${f.ruleId} -->${eol}` },
      { span: { start: end, end }, text: `${eol}${prefix}<!-- clauselint-enable ${f.ruleId} -->` },
    ],
  };
}

/** `<!-- clauselint-disable-file RULE -->` after the front matter, or the rule added to such a comment. */
function disableFileFix(ctx: FixContext, f: Finding): Fix {
  const { model } = ctx;
  const title = label('file', ctx.uiLanguage, { rule: f.ruleId });
  const existing = model.comments.find((c) => /^clauselint-disable-file\s+\S/.test(c.body));
  if (existing) {
    const ids = existing.body.replace(/^clauselint-disable-file\s+/, '').split(/[\s,]+/).filter(Boolean);
    return { title, kind: 'disable', edits: [{ span: existing.span, text: `<!-- clauselint-disable-file ${[...ids, f.ruleId].join(' ')} -->` }] };
  }
  const eol = lineBreak(model.text);
  const comment = `<!-- clauselint-disable-file ${f.ruleId} -->`;
  const at = model.frontMatter ? model.frontMatter.span.end : 0;
  return { title, kind: 'disable', edits: [{ span: { start: at, end: at }, text: model.frontMatter ? `${eol}${comment}` : `${comment}${eol}` }] };
}

export function disableFixes(ctx: FixContext, f: Finding): Fix[] {
  const line = disableLineFix(ctx, f);
  return [...(line ? [line] : []), disableFileFix(ctx, f)];
}

/**
 * Whether the clause already stands in the document (a first --fix put it there, and the topic still
 * reads as missing): a second --fix must not insert it again.
 */
function alreadyInserted(ctx: FixContext, clause: CatalogueClause): boolean {
  const first = sentencesOf(ownTerms(ctx, fillClause(clause, ctx.language, ownParties(ctx))))[0];
  return first !== undefined && ctx.model.text.replace(/\s+/g, ' ').includes(first.replace(/\s+/g, ' '));
}

/** The preferred clause for every missing topic, numbered one after the other where several land in one place. */
export function insertAllEdits(ctx: FixContext, findings: Finding[]): TextEdit[] {
  const rules = loadRuleData().topics;
  const groups = new Map<number, { placement: Placement; blocks: string[]; articles: number }>();
  for (const f of findings) {
    if (f.messageId === 'missing' && f.topic) {
      const clause = clausesFor(f.topic, ctx.type, ctx.playbook)[0];
      if (!clause || alreadyInserted(ctx, clause)) continue;
      const placement = placeClause(ctx.model, rules.get(f.topic)!, ctx.language);
      const key = placement.offset * 2 + (placement.joins ? 1 : 0);
      const group = groups.get(key) ?? { placement, blocks: [], articles: 0 };
      group.blocks.push(...clauseBlocks(ctx, clause, placement, group.articles, group.blocks.length));
      group.articles++;
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ placement, blocks }) => insertionText(ctx.model, placement, blocks));
}

/** Every weak phrase's completion (a fix); with `suggestions`, the replacements that change words too. */
export function replaceAllEdits(findings: Finding[], suggestions = false): TextEdit[] {
  return findings.flatMap((f) => f.fixes.filter((x) => x.kind === 'replace-phrase' && (suggestions || !x.suggestion)).flatMap((x) => x.edits));
}

/** What `clauselint --fix` applies: the inserts and the completions (and the suggestions when asked for). */
export function fixAllEdits(ctx: FixContext, findings: Finding[], suggestions = false): TextEdit[] {
  return planFix({ fixContext: ctx, findings }, { suggestions }).edits;
}

/** Applies non-overlapping edits; an edit that overlaps one already taken is left for the next run. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at) continue;
    out += text.slice(at, e.span.start) + e.text;
    at = e.span.end;
  }
  return out + text.slice(at);
}

export interface FixPlanOptions {
  /** Apply suggestions too (edits that replace or delete words): `--fix-type suggestion`. */
  suggestions?: boolean;
  /** Apply fixes (insertions and completions); true unless only suggestions are asked for. */
  fixes?: boolean;
  /** The file is a standard text that must not be modified: no edit at all. */
  standardText?: boolean;
  /** Parts of the file that are standard texts: no edit inside them. */
  protectedSpans?: Span[];
}

export interface FixPlan {
  edits: TextEdit[];
  /** Clauses inserted, phrases completed, suggestions applied. */
  inserted: number;
  completed: number;
  replaced: number;
  /** Suggestions not applied: they replace or delete words, so --fix applies them only when asked. */
  suggestions: { finding: Finding; fix: Fix }[];
  /** Edits left out because they fall inside a standard text. */
  withheld: number;
  standardText: boolean;
}

/** An edit that changes or inserts text inside a span (at its very start or end is outside it). */
const touches = (e: TextEdit, s: Span) => (e.span.start < s.end && s.start < e.span.end) || (s.start < e.span.start && e.span.start < s.end);

/** The sections whose heading names one of `titles` ("Standard Contractual Clauses", "Annex 2"), with their subsections. */
export function standardTextSpans(model: DocumentModel, titles: string[]): Span[] {
  const wanted = titles.map((t) => t.toLowerCase().replace(/\s+/g, ' ').trim()).filter(Boolean);
  const spans: Span[] = [];
  for (const s of model.sections) {
    if (s.kind === 'preamble' || s.kind === 'title') continue;
    const title = s.title.toLowerCase().replace(/\s+/g, ' ').trim();
    if (wanted.some((w) => title === w || title.includes(w)) && !spans.some((x) => x.start <= s.span.start && s.span.end <= x.end)) spans.push({ start: s.headingSpan.start, end: s.span.end });
  }
  return spans;
}

/** What `clauselint --fix` does to one analysed contract: fixes by default, suggestions when asked. */
export function planFix(result: { fixContext: FixContext; findings: Finding[] }, options: FixPlanOptions = {}): FixPlan {
  const empty: FixPlan = { edits: [], inserted: 0, completed: 0, replaced: 0, suggestions: [], withheld: 0, standardText: Boolean(options.standardText) };
  const withFixes = options.fixes !== false;
  const completions: { finding: Finding; fix: Fix }[] = [];
  const suggestions: { finding: Finding; fix: Fix }[] = [];
  // A finding on a clause has a fix for each of its weak phrases.
  for (const finding of result.findings) {
    for (const fix of finding.fixes) if (fix.kind === 'replace-phrase') (fix.suggestion ? suggestions : completions).push({ finding, fix });
  }
  if (options.standardText) return { ...empty, suggestions, withheld: completions.length + result.findings.filter((f) => f.messageId === 'missing').length };
  const guarded = options.protectedSpans ?? [];
  let withheld = 0;
  const keep = (e: TextEdit) => { if (guarded.some((s) => touches(e, s))) { withheld++; return false; } return true; };
  const inserts = withFixes ? insertAllEdits(result.fixContext, result.findings).filter(keep) : [];
  const completed = withFixes ? completions.filter(({ fix }) => fix.edits.every(keep)) : [];
  const applied = options.suggestions ? suggestions.filter(({ fix }) => fix.edits.every(keep)) : [];
  const inserted = withFixes ? insertedClauses(result.fixContext, result.findings, guarded) : 0;
  return {
    edits: [...inserts, ...completed.flatMap(({ fix }) => fix.edits), ...applied.flatMap(({ fix }) => fix.edits)],
    inserted, completed: completed.length, replaced: applied.length,
    suggestions: options.suggestions ? suggestions.filter((s) => !applied.includes(s)) : suggestions,
    withheld, standardText: false,
  };
}

/** How many clauses insertAllEdits puts in (outside the protected spans). */
function insertedClauses(ctx: FixContext, findings: Finding[], guarded: Span[]): number {
  const rules = loadRuleData().topics;
  let n = 0;
  for (const f of findings) {
    const clause = f.messageId === 'missing' && f.topic ? clausesFor(f.topic, ctx.type, ctx.playbook)[0] : undefined;
    if (!clause || alreadyInserted(ctx, clause)) continue;
    const at = placeClause(ctx.model, rules.get(clause.topic)!, ctx.language).offset;
    if (!guarded.some((s) => touches({ span: { start: at, end: at }, text: '' }, s))) n++;
  }
  return n;
}
