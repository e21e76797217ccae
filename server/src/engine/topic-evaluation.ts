/**
 * Decides, for one topic, which sentences speak of it, how strong its best clause is, and which
 * weak phrases, disclaimers and shortfalls to report. The vocabulary comes from the topic's data;
 * only the reasoning lives here.
 */
import { BoundedCache, Interner } from './bounded-cache.js';
import { longNotice, runCheck, type CheckResult, type PartyContext, type Unbacked } from './checks.js';
import { commitmentAt, isRecitals, leadsIntoItems, sentenceCommitments, type Commitment, type CommitmentForm, type PartyNames, type SentenceCommitments } from './commitments.js';
import { compileList, conceptTerms, type LanguageData, type StrongPoint, type TopicRule } from './rule-data.js';
import { compileTerm, findTerms, hasTerm, type CompiledTerm, type TermMatch } from './terms.js';
import { tokenize, type Token } from './tokens.js';
import { trimEndOf } from './trim-end.js';
import { isHome } from './placement.js';
import { annexKey } from './document-checks.js';
import type { Definition } from './definitions.js';
import type { Sentence, Units } from './units.js';
import type { Section } from './markdown.js';
import type { Steps } from './steps.js';
import type { ContractType, Language, PlaybookPhrase, Regime, Span, TopicId, TopicStatus } from './types.js';

export interface Context {
  type: ContractType;
  regimes: Regime[];
  language: Language;
  languageData: LanguageData;
  /** Lower-cased defined terms of the document, to tell a defined "Material Incident" from an undefined one. */
  definedTerms: Set<string>;
  definitions: Definition[];
  /** The organisation's own weak phrases (its playbook), from the configuration. */
  playbookPhrases: PlaybookPhrase[];
  /** What of the document weak signals and clause verdicts depend on, as a short cache key; computed on first use. */
  documentKey?: string;
  /** Defined terms that stand for a concept: "Breach" defined as a personal-data breach is a security incident. */
  aliasCache: Map<string, CompiledTerm[]>;
  /** What the document calls its supplier and its customer, to tell who owes a duty. */
  partyNames: PartyNames;
  /** Words that refer to an annex the document lacks: they meet no strong point. */
  unbacked: Unbacked;
  /** The annex a word refers to ("Annex 3", "Schedule 1 (List of Parties)"), present or not, by its key. */
  annexAt: (start: number) => string | undefined;
  /** The titles of the annexes the document contains, by key. */
  annexTitles: Map<string, string>;
  /** The absent annexes, for cache keys. */
  absentAnnexes: string[];
  /** Where sentences start that speak of several topics: no completion goes there. */
  sharedSentences?: Set<number>;
  /** The sentences some topic's detection found: another topic's list item is no part of this topic's clause. */
  detected?: Set<Sentence>;
}

/** Whether a definition's meaning names a concept, by meaning and then concept: every edit reads the same definitions again. */
const meaningNames = new BoundedCache<string, Map<string, boolean>>(20_000);

function names(meaning: string, conceptKey: string, own: CompiledTerm[], lang: Language): boolean {
  let byConcept = meaningNames.get(meaning);
  if (!byConcept) meaningNames.set(meaning, (byConcept = new Map()));
  let named = byConcept.get(conceptKey);
  if (named === undefined) {
    named = hasTerm(own, tokenize(meaning, lang));
    byConcept.set(conceptKey, named);
  }
  return named;
}

const abbreviations = new WeakMap<Definition[], Definition[]>();
/** The document's abbreviations and second names ("PHI" for "Protected Health Information"), found once per analysis. */
function abbreviationsOf(ctx: Context): Definition[] {
  let found = abbreviations.get(ctx.definitions);
  if (!found) abbreviations.set(ctx.definitions, (found = ctx.definitions.filter((d) => d.standsFor)));
  return found;
}

/** The concepts of a rule that a defined term of the document may stand for. */
const aliasedConcepts = (rule: TopicRule, ctx: Context): string[] => (abbreviationsOf(ctx).length ? Object.keys(rule.concepts) : rule.aliases ?? []);

/** By concept and name: every keystroke asks again for every concept. */
const headNames = new BoundedCache<string, boolean>(20_000);

/**
 * Whether a full name ends in a term of the concept, its head noun: "Protected Health Information" is
 * information, "Good Clinical Practice" is a practice (though "good" is the stem of "goods").
 */
function namesAsHead(name: string, conceptKey: string, own: CompiledTerm[], lang: Language): boolean {
  const key = `${conceptKey}\u0001${name}`;
  let named = headNames.get(key);
  if (named === undefined) {
    const tokens = tokenize(name, lang);
    headNames.set(key, (named = findTerms(own, tokens).some((h) => h.last === tokens.length - 1)));
  }
  return named;
}

function conceptOf(rule: TopicRule, concept: string, lang: Language, ctx: Context): CompiledTerm[] {
  const key = `${rule.id}:${concept}:${lang}`;
  let terms = ctx.aliasCache.get(key);
  if (!terms) {
    terms = [...conceptTerms(rule, concept, lang)];
    const own = conceptTerms(rule, concept, lang);
    // Once per term: a file of many contracts defines the same terms thousands of times.
    const seen = new Set<string>();
    const byMeaning = rule.aliases?.includes(concept);
    for (const d of byMeaning ? ctx.definitions : abbreviationsOf(ctx)) {
      if (seen.has(d.term)) continue;
      // An abbreviation is its full name, for every concept; a defined term stands for what its meaning names, where the topic says so.
      if ((d.standsFor && namesAsHead(d.standsFor, key, own, lang)) || (byMeaning && d.meaning && names(d.meaning, key, own, lang))) { seen.add(d.term); terms.push(compileTerm(d.term, lang)); }
    }
    ctx.aliasCache.set(key, terms);
  }
  return terms;
}

export type Problem =
  | { kind: 'weak-phrase'; span: Span; phrase: string; signalIndex: number; sentence: Span }
  | { kind: 'disclaimed'; span: Span; phrase: string }
  | { kind: 'hedged'; span: Span; phrase: string }
  | { kind: 'shortfall'; span: Span; point: StrongPoint; result: CheckResult }
  | { kind: 'long-notice'; span: Span; days: number; signalIndex: number }
  | { kind: 'playbook-phrase'; span: Span; phrase: string; entry: PlaybookPhrase };

export interface Clause {
  sentences: Sentence[];
  unmet: StrongPoint[];
  problems: Problem[];
  status: 'present' | 'weak';
}

export interface TopicEvaluation { status: TopicStatus; clauses: Clause[]; best: Clause | null; matched: Sentence[] }

function applies(point: StrongPoint, ctx: Context): boolean {
  const a = point.appliesTo;
  if (!a) return true;
  return Boolean(a.types?.includes(ctx.type) || a.regimes?.some((r) => ctx.regimes.includes(r)));
}

function maskedTokens(rule: TopicRule, s: Sentence): Set<number> | undefined {
  const references = asides(s);
  if (!rule.mask) return references;
  const hits = findTerms(conceptTerms(rule, rule.mask, s.lang), s.tokens);
  if (!hits.length) return references;
  const masked = new Set<number>(references);
  for (const h of hits) for (let i = h.first; i <= h.last; i++) masked.add(i);
  return masked;
}

/**
 * What a sentence mentions on the way to what it says: the aside between commas that "including" or
 * "en ook" opens ("All Customer Data, including every backup copy, shall be encrypted" is about
 * encryption, not continuity), and the titles of the articles it refers to by number.
 */
const ASIDE_RE = /[,(]\s*(?:including|waaronder|inclusief|met inbegrip van|en ook|alsook)\b[^,;()]{1,160}[,)]/giu;

function asides(s: Sentence): Set<number> | undefined {
  let masked = asideMasks.get(s.local);
  if (masked === undefined) {
    masked = null;
    for (const m of s.text.matchAll(ASIDE_RE)) {
      const from = s.span.start + m.index!, to = from + m[0].length;
      s.tokens.forEach((t, i) => { if (t.start >= from && t.end <= to) (masked ??= new Set()).add(i); });
    }
    const titles = referenceTitles(s);
    if (titles) for (const i of titles) (masked ??= new Set()).add(i);
    const title = ANNEX_TITLE_LINES_RE.exec(s.text);
    if (title && title[0].length < s.text.trimEnd().length) {
      const to = s.span.start + title[0].length;
      s.tokens.forEach((t, i) => { if (t.end <= to) (masked ??= new Set()).add(i); });
    }
    asideMasks.set(s.local, masked);
  }
  return masked ?? undefined;
}
const asideMasks = new WeakMap<object, Set<number> | null>();

/**
 * An annex's title on the first lines of a paragraph, as text from a PDF has it: "ANNEX II - TECHNICAL AND
 * ORGANISATIONAL MEASURES" over lines without small letters, then the annex's text. The title names the
 * annex's subject; it commits to nothing.
 */
const ANNEX_TITLE_LINES_RE = /^\s*(?:Annex|Schedule|Exhibit|Appendix|Attachment|Bijlage|ANNEX|SCHEDULE|EXHIBIT|APPENDIX|ATTACHMENT|BIJLAGE)\s+(?:[A-Z]|[IVX]{1,4}|\d{1,2})\b[^\n.;:]{0,120}\n(?:[^\n\p{Ll}.;:]{3,120}\n)*/u;

/**
 * A heading named after an article or annex it is the title of: "Section 6.5 (Limitation of Liability)",
 * "artikel 11 („Melding")", "Annex II (Technical and organizational measures)", "Bijlage 3 (Beveiligingseisen)".
 */
const REFERENCE_TITLE_RE = /(?:(?<!\d\.?)\d+(?:\.\d+)*[a-z]?|\b(?:[Aa]nnex|[Ss]chedule|[Ee]xhibit|[Aa]ppendix|[Aa]ttachment|[Bb]ijlage)\s+(?:[A-Z]|[IVX]{1,4}|\d{1,2}))\s*\(\s*["“„']?(\p{Lu}[^()]{0,160})\)/gu;
const referenceMasks = new WeakMap<object, Set<number> | null>();

/**
 * The words of headings a sentence refers to by number. A cross-reference or survival clause that names
 * "(Limitation of Liability)" speaks of another article, not of the topic.
 */
function referenceTitles(s: Sentence): Set<number> | undefined {
  let masked = referenceMasks.get(s.local);
  if (masked === undefined) {
    masked = null;
    for (const m of s.text.matchAll(REFERENCE_TITLE_RE)) {
      const from = s.span.start + m.index! + m[0].length - m[1].length - 1, to = s.span.start + m.index! + m[0].length;
      s.tokens.forEach((t, i) => { if (t.start >= from && t.end <= to) (masked ??= new Set()).add(i); });
    }
    referenceMasks.set(s.local, masked);
  }
  return masked ?? undefined;
}

/** "Term" means …, “Term”: … */
const DEFINITION_SENTENCE_RE = /^\s*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z]{1,3}[.)]\s+)?[*_]{0,2}["“‘][^"”’]{1,60}["”’][*_]{0,2}\s*(?:means|shall mean|will mean|(?:has|have|shall have|will have) the meanings?|betekent|:)/i;
/** A term without quotes, as bold text leaves it once its Markdown is blanked: "Identity Brokering Service means the component …". */
const UNQUOTED_DEFINITION_RE = /^\s*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z]{1,3}[.)]\s+)?\p{Lu}[\p{L}\p{N}-]*(?:\s+[\p{L}\p{N}-]+){0,5}\s+(?:means|shall mean|betekent)\s/u;

/** A definition says what a word means; it is not a clause that covers a topic. */
function isDefinition(s: Sentence): boolean {
  return s.section.kind === 'definitions' || DEFINITION_SENTENCE_RE.test(s.text) || UNQUOTED_DEFINITION_RE.test(s.text);
}

/** A list item's headings with its lead-in, joined once per sentence: every topic looks there (and the term index is kept with the list). */
const headingsWithLeadIn = new WeakMap<Sentence, ReturnType<Units['headingTokens']>>();
function headingAndLeadIn(s: Sentence, units: Units): ReturnType<Units['headingTokens']> {
  if (!s.leadIn) return units.headingTokens(s.section, s.lang);
  let tokens = headingsWithLeadIn.get(s);
  if (!tokens) headingsWithLeadIn.set(s, (tokens = [...units.headingTokens(s.section, s.lang), ...s.leadIn]));
  return tokens;
}

/**
 * Where in the sentence a detection group of the topic is found, from group `from` on, and which group,
 * or -1: the first of its concepts' words.
 */
function topicPosition(rule: TopicRule, s: Sentence, units: Units, ctx: Context, from = 0): [at: number, group: number] {
  if (isDefinition(s)) return [-1, -1];
  if (rule.exclude && hasTerm(conceptTerms(rule, rule.exclude, s.lang), s.tokens)) return [-1, -1];
  const masked = maskedTokens(rule, s);
  let heading: ReturnType<Units['headingTokens']> | undefined;
  for (let g = from; g < rule.detect.length; g++) {
    const group = rule.detect[g];
    const positions: number[][] = [];
    let all = true;
    let unstated: CompiledTerm[] | undefined;
    for (const concept of group) {
      const terms = conceptOf(rule, concept, s.lang, ctx);
      const hits = findTerms(terms, s.tokens, masked);
      if (hits.length) { positions.push(hits.map((h) => h.first)); continue; }
      heading ??= headingAndLeadIn(s, units);
      if (hasTerm(terms, heading)) continue;
      // One concept may be said by referring back ("… notify … of the breach"), once the others are here.
      if (unstated) { all = false; break; }
      unstated = terms;
    }
    if (all && unstated) {
      const back = positions.length ? backReference(unstated, s) : -1;
      if (back < 0) all = false; else positions.push([back]);
    }
    if (all && positions.length > 0 && withinWindow(positions)) return [Math.min(...positions.map((p) => p[0])), g];
  }
  return [-1, -1];
}

/** Words that make a noun refer back to one named before: "the breach", "such incident", "het datalek". */
const BACK_REFERRING: Record<Language, Set<string>> = {
  en: new Set(['the', 'such', 'that', 'this', 'said']),
  nl: new Set(['het', 'de', 'dit', 'deze', 'dat', 'die', 'dergelijk', 'dergelijke', 'bedoelde']),
};
/** A term's head noun comes before these: "breach of security", "inbreuk in verband met persoonsgegevens". */
const PREPOSITIONS: Record<Language, Set<string>> = {
  en: new Set(['of', 'in', 'to', 'for', 'with', 'on', 'by', 'affecting', 'involving']),
  nl: new Set(['van', 'in', 'met', 'voor', 'op', 'bij', 'aan', 'over', 'inzake', 'betreffende']),
};

/** The head noun of a term found in a sentence: its last word, or the last before a preposition. */
function headOf(h: TermMatch, tokens: readonly Token[], lang: Language): string {
  for (let i = h.first + 1; i <= h.last; i++) if (PREPOSITIONS[lang].has(tokens[i].word)) return tokens[i - 1].stem;
  return tokens[h.last].stem;
}

/**
 * Where a sentence refers back to a term of the concept that the sentence before it names in full:
 * after "… a personal data breach …", "the data importer shall notify the data exporter of the breach"
 * speaks of a personal data breach. Only a term of several words counts, by its head noun ("breach"), so
 * "breach" alone, which may be a breach of contract, is never read as one. -1 when there is none.
 */
function backReference(terms: CompiledTerm[], s: Sentence): number {
  const previous = s.previous;
  if (!previous) return -1;
  const determiners = BACK_REFERRING[s.lang];
  let heads: Set<string> | undefined;
  for (let i = 1; i < s.tokens.length; i++) {
    if (!determiners.has(s.tokens[i - 1].word)) continue;
    heads ??= new Set(findTerms(terms, previous.tokens).filter((h) => h.last > h.first).map((h) => headOf(h, previous.tokens, s.lang)));
    if (!heads.size) return -1;
    if (heads.has(s.tokens[i].stem)) return i;
  }
  return -1;
}

const DEFAULT_COUNTS = (ctx: Context): CommitmentForm[] => ctx.languageData.commitments.counts;

/** The narrower forms a detection group counts, when it uses a concept of the topic's `countsFor`. */
function groupCounts(rule: TopicRule, group: number): CommitmentForm[] | undefined {
  if (!rule.countsFor) return undefined;
  for (const c of rule.detect[group] ?? []) if (rule.countsFor[c]) return rule.countsFor[c];
  return undefined;
}

/** Whether a commitment is evidence for the topic: the supplier's duties and the customer's rights, unless the topic says otherwise. */
function counts(rule: TopicRule, commitment: Commitment, ctx: Context, group = -1): boolean {
  return (groupCounts(rule, group) ?? rule.counts ?? DEFAULT_COUNTS(ctx)).includes(`${commitment.party}-${commitment.force}`);
}

/**
 * A fragment with neither party nor marker ("Identity and Access Management as a service", a run-in
 * heading) commits to nothing in welcome text or a title; elsewhere (an annex of measures, a table of
 * service levels) it states what the document puts in place.
 */
function fragmentCommits(s: Sentence): boolean {
  if (s.section.kind === 'preamble' || s.section.kind === 'title') return false;
  return s.tokens.length > 6 || !/[.:]$/.test(trimEndOf(s.text.replace(/<[^<>]*>/g, ''), '* \t\r\n'));
}

/** Concepts far apart in a long sentence are not one clause: each must occur within a few words of the others. */
const WINDOW = 30;
function withinWindow(positions: number[][]): boolean {
  if (positions.length < 2) return true;
  const [first, ...rest] = positions;
  return first.some((p) => rest.every((list) => list.some((q) => Math.abs(q - p) <= WINDOW)));
}

/** Whether an annex's title names the topic ("Technical and organisational measures") or is its home heading ("Security"). */
function annexSpeaksOf(rule: TopicRule, key: string, lang: Language, ctx: Context): boolean {
  const title = ctx.annexTitles.get(key);
  if (!title) return false;
  const tokens = tokenize(title, lang);
  return rule.detect.some((group) => group.every((c) => hasTerm(conceptTerms(rule, c, lang), tokens))) || isHome(rule, lang, title);
}

function headingSpeaksOf(rule: TopicRule, s: Sentence, units: Units): boolean {
  if (s.section.kind === 'preamble' || s.section.kind === 'title') return false;
  const heading = units.headingTokens(s.section, s.lang);
  return rule.detect.some((group) => group.every((c) => hasTerm(conceptTerms(rule, c, s.lang), heading)));
}

function spanOf(s: Sentence, m: TermMatch): Span {
  return { start: s.tokens[m.first].start, end: s.tokens[m.last].end };
}

/** Clauses are the matched sentences grouped by their section (an article, a sub-clause, an annex). */
function groupClauses(matched: Sentence[]): Sentence[][] {
  const groups = new Map<number, Sentence[]>();
  for (const s of matched) {
    const key = s.section.kind === 'preamble' || s.section.kind === 'title' ? -1 - s.blockIndex : s.section.index;
    const g = groups.get(key);
    if (g) g.push(s); else groups.set(key, [s]);
  }
  return [...groups.values()];
}

/** The sentences a strong point may be found in: the clause plus the rest of its section, up to a limit. */
function scopeOf(group: Sentence[], all: Sentence[], units: Units, speaksOf: (blockIndex: number) => boolean): Sentence[] {
  const section = group[0].section;
  if (section.kind === 'preamble' || section.kind === 'title') {
    // Without headings, a clause is the indented item it belongs to (articles written as a nested list):
    // the item with its sub-items, or with its siblings under an item about the topic ("6. Subprocessors.");
    // else its paragraph: the sentences around the group's, by position.
    const first = all.indexOf(group[0]), last = all.indexOf(group[group.length - 1]);
    const blocks = (fromBlock: number, toBlock: number) => {
      let from = first, to = last;
      while (from > 0 && all[from - 1].blockIndex >= fromBlock) from--;
      while (to < all.length - 1 && all[to + 1].blockIndex <= toBlock) to++;
      return all.slice(from, to + 1);
    };
    const paragraphs = blocks(group[0].blockIndex, group[group.length - 1].blockIndex);
    const own = group[0].blockIndex, parent = units.itemParent(own);
    const head = units.lastSubItem(own) > own ? own : parent >= 0 && speaksOf(parent) ? parent : -1;
    if (head < 0) return paragraphs;
    const outlined = blocks(head, Math.max(units.lastSubItem(head), group[group.length - 1].blockIndex));
    return outlined.length <= 40 ? outlined : paragraphs;
  }
  // `all` is the section's sentences, the same array for every topic: what is worked out for the scope is shared.
  return all.length <= 40 ? all : group;
}

/**
 * A clause's scope without the list items beside it that are other topics' clauses: among the items
 * "8. Incident notification. … within 24 hours" and "12. Vulnerability handling. … inform Customer within
 * 5 days", the five days are item 12's, not a deadline for notifying incidents. A paragraph after the
 * clause that shares words with another topic ("Each notice describes the vulnerability") stays in it.
 * The same array when nothing goes.
 */
function withoutOtherItems(scope: Sentence[], stated: Sentence[], isMatched: (s: Sentence) => boolean, ctx: Context, units: Units): Sentence[] {
  const detected = ctx.detected;
  if (!detected || scope.length === stated.length) return scope;
  let blocks: Set<number> | undefined;
  // A stated sentence is in its own block, so the block test keeps the clause's items too.
  const otherItem = (s: Sentence) => detected.has(s) && !isMatched(s)
    && !(blocks ??= new Set(stated.map((x) => x.blockIndex))).has(s.blockIndex)
    && (s.leadInSentence !== undefined || units.itemParent(s.blockIndex) >= 0);
  return scope.some(otherItem) ? scope.filter((s) => !otherItem(s)) : scope;
}

/** The sentences with the definitions of the terms they use; the same array when that adds none (callers only read it). */
function withDefinitions(sentences: Sentence[], ctx: Context, units: Units): Sentence[] {
  const index = definitionIndex(ctx, units);
  const used: string[] = [];
  for (const s of sentences) for (const term of termsIn(s, index)) if (!used.includes(term)) used.push(term);
  let out: Sentence[] | undefined;
  for (const [term, defining] of index.byTerm) {
    if (!used.includes(term)) continue;
    // The definition that applies is the last one before the clause (a file may hold several contracts).
    const at = sentences[0].span.start;
    let lo = 0, hi = defining.length - 1, found = 0;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (defining[mid].span.start <= at) { found = mid; lo = mid + 1; } else hi = mid - 1; }
    const sentence = defining[found];
    if (!(out ?? sentences).includes(sentence)) (out ??= [...sentences]).push(sentence);
  }
  return out ?? sentences;
}

interface DefinitionIndex {
  /** Each defined term with the sentences that state its meaning, in document order. */
  byTerm: [string, Sentence[]][];
  /** Stands for the list of terms, in cache keys. */
  termsId: number;
  /** The terms each sentence uses, as far as asked. */
  used: Map<Sentence, string[]>;
}

const definitionIndexes = new WeakMap<Units, DefinitionIndex>();
/** The defined terms a sentence uses, by the document's list of terms and the sentence's words. */
const termsUsed = new BoundedCache<string, string[]>(50_000);

/** Found once per document: every clause asks which definitions it uses. */
function definitionIndex(ctx: Context, units: Units): DefinitionIndex {
  let index = definitionIndexes.get(units);
  if (!index) {
    const byTerm = new Map<string, Sentence[]>();
    const defs = ctx.definitions.filter((d) => d.meaning).sort((a, b) => a.span.start - b.span.start);
    let i = 0;
    for (const d of defs) {
      while (i < units.sentences.length && units.sentences[i].span.end <= d.span.start) i++;
      const s = units.sentences[i];
      if (s && s.span.start <= d.span.start) (byTerm.get(d.term) ?? byTerm.set(d.term, []).get(d.term)!).push(s);
    }
    index = { byTerm: [...byTerm], termsId: documentIds.id(`terms\u0001${[...byTerm.keys()].join('\u0001')}`), used: new Map() };
    definitionIndexes.set(units, index);
  }
  return index;
}

function termsIn(s: Sentence, index: DefinitionIndex): string[] {
  let terms = index.used.get(s);
  if (!terms) {
    const key = `${index.termsId}/${s.local.id}`;
    terms = termsUsed.get(key);
    if (!terms) {
      terms = index.byTerm.map(([term]) => term).filter((term) => s.text.includes(term));
      termsUsed.set(key, terms);
    }
    index.used.set(s, terms);
  }
  return terms;
}

type Trace = (topic: TopicId, s: Sentence, commitment: Commitment | undefined, counted: boolean) => void;
let trace: Trace | undefined;
/** For `test/support/why.ts`: every sentence that names a topic, with its commitment and whether it counted. */
export function traceDetection(t: Trace | undefined): void { trace = t; }

/** Where each topic's words stand in a sentence, by the aliases it contains, the document's parties and the sentence key: [rule index, word, group]. */
const positionCache = new BoundedCache<string, [number, number, number][]>(50_000);
/**
 * A sentence's commitments by the document's party names and the sentence's words, bounded by words (a
 * clause number each): every keystroke in a long paragraph adds one of thousands of words, which 50,000
 * entries, the former bound, would have let grow to hundreds of megabytes over a day's editing.
 */
const commitmentCache = new BoundedCache<string, SentenceCommitments>(1_000_000, (_, c) => 1 + c.clauses.length);
/** Short ids for what of the document detections, weak signals and verdicts depend on. */
const documentIds = new Interner(1_000);

/**
 * The sentences that speak of each topic as a commitment that counts for it, a step after each sentence
 * read. A sentence's topics depend on its key, the sentence it continues, and the document's defined
 * terms and parties, so an edit re-detects only the sentences it changed (and the one after each).
 */
export function* detectTopicsStepwise(rules: TopicRule[], units: Units, ctx: Context): Steps<Map<TopicId, Sentence[]>> {
  const parties = documentIds.id(`parties\u0001${ctx.partyNames.supplier.join('|')}\u0001${ctx.partyNames.customer.join('|')}`);
  const aliasesIn = sentenceAliases(rules, units, ctx);
  const out = new Map<TopicId, Sentence[]>(rules.map((r) => [r.id, []]));
  const commitmentsOf = (s: Sentence): SentenceCommitments => {
    const key = `${parties}/${s.lang}/${s.local.id}`;
    let c = commitmentCache.get(key);
    if (!c) commitmentCache.set(key, (c = sentenceCommitments(s, ctx.languageData, ctx.partyNames)));
    return c;
  };
  const index = new Map<Sentence, number>();
  units.sentences.forEach((s, i) => index.set(s, i));
  // The sentence a sentence continues: the one before it in its paragraph, or its list's lead-in.
  const contextOf = (s: Sentence): Sentence | undefined => {
    const before = units.sentences[index.get(s)! - 1];
    return before && before.blockIndex === s.blockIndex ? before : s.leadInSentence;
  };
  // What each sentence commits to as a whole, worked out only for the sentences a topic needs it for
  // and those they continue: most sentences name no topic. A chain is walked without recursion.
  const overall = new Map<Sentence, Commitment | undefined>();
  const overallOf = (s: Sentence): Commitment | undefined => {
    const chain: Sentence[] = [];
    for (let c: Sentence | undefined = s; c && !overall.has(c); c = contextOf(c)) chain.push(c);
    for (let k = chain.length - 1; k >= 0; k--) {
      const c = chain[k], own = commitmentsOf(c), context = contextOf(c);
      overall.set(c, own.none ? undefined : commitmentAt(own, Infinity, context ? overall.get(context) : undefined));
    }
    return overall.get(s);
  };
  const recitals = new Map<Section, boolean>();
  for (const s of units.sentences) {
    yield;
    let recital = recitals.get(s.section);
    if (recital === undefined) recitals.set(s.section, (recital = isRecitals(units.headingTokens(s.section, s.lang), s.lang, ctx.languageData)));
    if (recital) { overall.set(s, undefined); continue; }
    // Where each topic's words are depends on the sentence alone; who commits to them, on its context too.
    const positionKey = `${parties}/${aliasesIn(s)}/${s.key}`;
    let positions = positionCache.get(positionKey);
    if (!positions) {
      positions = [];
      for (let r = 0; r < rules.length; r++) {
        const [at, group] = topicPosition(rules[r], s, units, ctx);
        if (at >= 0) positions.push([r, at, group]);
      }
      positionCache.set(positionKey, positions);
    }
    if (!positions.length) continue;
    const own = commitmentsOf(s);
    if (own.none) continue;
    const context = contextOf(s);
    const previous = context ? overallOf(context) : undefined;
    const ledIn = context !== undefined && context === s.leadInSentence && leadsIntoItems(context, commitmentsOf(context));
    for (const [r, first, firstGroup] of positions) {
      const rule = rules[r];
      let at = first, group = firstGroup;
      let commitment = commitmentAt(own, at, previous, ledIn);
      const countedBy = (c: Commitment | undefined, g: number) => (c ? counts(rule, c, ctx, g) : !groupCounts(rule, g) && fragmentCommits(s));
      // A group with narrower forms ("the customer's own passwords") that does not count leaves the later groups to try.
      while (!countedBy(commitment, group) && groupCounts(rule, group)) {
        [at, group] = topicPosition(rule, s, units, ctx, group + 1);
        if (at < 0) { at = first; group = firstGroup; break; }
        commitment = commitmentAt(own, at, previous, ledIn);
      }
      const counted = countedBy(commitment, group);
      trace?.(rule.id, s, commitment, counted);
      if (counted) out.get(rule.id)!.push(s);
    }
  }
  return out;
}

/** Whether a sentence's words (or a heading's, a lead-in's) contain an alias, by the alias: a sentence no edit touched is not read again. */
const aliasPresence = new WeakMap<object, Map<string, boolean>>();

function contains(owner: object, tokens: readonly Token[], alias: CompiledTerm): boolean {
  let known = aliasPresence.get(owner);
  if (!known) aliasPresence.set(owner, (known = new Map()));
  let present = known.get(alias.source);
  if (present === undefined) known.set(alias.source, (present = hasTerm([alias], tokens)));
  return present;
}

/**
 * Which of the document's aliases (defined terms that stand for a concept) a sentence contains, in its
 * words, its heading or its lead-in, as a short id ('' for none): only those change where its topics'
 * words stand, so a definition whose meaning an edit changed re-detects the sentences that use the term,
 * not every sentence of the document.
 */
function sentenceAliases(rules: TopicRule[], units: Units, ctx: Context): (s: Sentence) => string {
  const byLanguage = new Map<Language, { label: string; term: CompiledTerm }[]>();
  const aliasesOf = (lang: Language) => {
    let aliases = byLanguage.get(lang);
    if (!aliases) {
      aliases = rules.flatMap((r) => aliasedConcepts(r, ctx).flatMap((c) =>
        conceptOf(r, c, lang, ctx).slice(conceptTerms(r, c, lang).length).map((term) => ({ label: `${r.id}:${c}:${term.source}`, term }))));
      byLanguage.set(lang, aliases);
    }
    return aliases;
  };
  return (s) => {
    const aliases = aliasesOf(s.lang);
    if (!aliases.length) return '';
    const heading = units.headingTokens(s.section, s.lang), leadIn = s.leadIn;
    const present = aliases.filter(({ term }) => contains(s.local, s.local.tokens, term) || contains(heading, heading, term) || (leadIn !== undefined && contains(leadIn, leadIn, term)));
    return present.length ? String(documentIds.id(`aliases\u0001${present.map((a) => a.label).join('\u0003')}`)) : '';
  };
}

export function evaluateTopic(rule: TopicRule, matched: Sentence[], units: Units, ctx: Context, sectionIndex: Map<number, Sentence[]>): TopicEvaluation {
  if (!matched.length) return { status: 'missing', clauses: [], best: null, matched };

  let matchedBlocks: Set<number> | undefined, matchedSentences: Set<Sentence> | undefined;
  const speaksOf = (blockIndex: number) => (matchedBlocks ??= new Set(matched.map((s) => s.blockIndex))).has(blockIndex);
  const isMatched = (s: Sentence) => (matchedSentences ??= new Set(matched)).has(s);
  const clauses: Clause[] = groupClauses(matched).map((group) => {
    const stated = withItems(group, units);
    const scope = withoutOtherItems(scopeOf(stated, sectionIndex.get(group[0].section.index) ?? group, units, speaksOf), stated, isMatched, ctx, units);
    return cachedClause(rule, group, stated, scope, ctx, units, () => evaluateClause(rule, group, stated, scope, ctx, units));
  });

  const score = (c: Clause) => (c.status === 'present' ? 1000 : 0) - c.unmet.length * 10 - c.problems.length;
  const judged = withAnnexVerdicts(clauses, ctx);
  const best = judged.reduce((a, b) => (score(b) > score(a) ? b : a));
  return { status: best.status, clauses: judged, best, matched };
}

/**
 * A clause is as strong as the annex it incorporates: "the measures set out in Annex II" is no better than
 * what Annex II says on the topic ("commercially reasonable efforts to implement appropriate measures").
 * A clause that refers to an annex whose clause on the topic is weakly worded is weak; it reports nothing
 * of its own, the annex's clause says what is weak.
 */
function withAnnexVerdicts(clauses: Clause[], ctx: Context): Clause[] {
  const weakAnnexes = new Set<string>();
  for (const c of clauses) {
    // Weak wording, not a strong point the annex leaves to the clause that refers to it (a list of measures names no standard).
    if (!c.problems.length) continue;
    for (let s: Section | null = c.sentences[0].section; s; s = s.parent) {
      const key = s.kind === 'annex' ? annexKey(s.title) : undefined;
      if (key) { weakAnnexes.add(key); break; }
    }
  }
  if (!weakAnnexes.size) return clauses;
  return clauses.map((c) => {
    if (c.status !== 'present') return c;
    const refers = c.sentences.some((s) => s.tokens.some((t) => { const key = ctx.annexAt(t.start); return key !== undefined && weakAnnexes.has(key); }));
    return refers ? { ...c, status: 'weak' } : c;
  });
}

/** Each lead-in sentence with the list items it introduces, by the document's sentences. */
const itemIndexes = new WeakMap<Units, Map<Sentence, Sentence[]>>();

/**
 * A clause with the list items its lead-ins introduce ("limited to an amount of:" states the amounts in
 * the items after it, which name no topic themselves) and the enumerated parts it goes on with after a
 * semicolon. Items of items belong to it too.
 */
function withItems(group: Sentence[], units: Units): Sentence[] {
  if (!group.some((s) => s.local.leadsIn || s.local.opens)) return group;
  let index = itemIndexes.get(units);
  if (!index) {
    index = new Map();
    for (const s of units.sentences) if (s.leadInSentence) (index.get(s.leadInSentence) ?? index.set(s.leadInSentence, []).get(s.leadInSentence)!).push(s);
    itemIndexes.set(units, index);
  }
  const out = [...group], seen = new Set(group);
  for (let i = 0; i < out.length; i++) {
    for (const item of index.get(out[i]) ?? []) if (!seen.has(item)) { seen.add(item); out.push(item); }
  }
  return out;
}

function evaluateClause(rule: TopicRule, group: Sentence[], stated: Sentence[], scope: Sentence[], ctx: Context, units: Units): Clause {
    const unmet: StrongPoint[] = [];
    const problems: Problem[] = [];
    // Under a heading about the topic ("Penetration tests", "Availability and Support"), every sentence
    // belongs to the clause, including "the results are confidential" which names no test itself.
    const headed = headingSpeaksOf(rule, group[0], units);
    // Words of the section meet a strong point, but an annex only where the clause itself refers to it
    // ("the measures in Schedule 2") or where the annex is about the topic ("These are set out in Annex 3"
    // and Annex 3 is "Security"): not "Annex I (List of Parties) is completed with Schedule 1" beside it.
    const ownText: Unbacked = (start) => {
      if (ctx.unbacked(start)) return true;
      const annex = ctx.annexAt(start);
      return annex !== undefined && !stated.some((s) => start >= s.span.start && start < s.span.end) && !annexSpeaksOf(rule, annex, group[0].lang, ctx);
    };
    for (const point of rule.strong) {
      if (!applies(point, ctx)) continue;
      // Figures come from the clause itself (or, tied to a concept by `near` or under the topic's own
      // heading, its section), with the definitions of the terms it uses ("Support Period" means five
      // years); words from its section.
      const figures = point.near || headed ? withDefinitions(scope, ctx, units) : withDefinitions(stated, ctx, units);
      const result = runCheck(point, rule, point.check ? figures : scope, ctx.regimes, ownText, partyContext(ctx));
      if (!result.met) {
        unmet.push(point);
        if (result.reason && result.span) problems.push({ kind: 'shortfall', span: result.span, point, result });
      }
    }
    for (const s of headed ? scope : stated) problems.push(...weakSignals(rule, s, ctx));
    const hasShortfall = problems.some((p) => p.kind === 'shortfall');
    return { sentences: group, unmet, problems, status: unmet.length || problems.length || hasShortfall ? 'weak' : 'present' };
}

/** A span as a place in one of a clause's sentences, so that a remembered result survives edits elsewhere. */
interface Rel { at: number; start: number; end: number }
/** A clause's verdict, with the spans of the sentences it was found in (not the sentences: they belong to an older version). */
interface StoredClause { verdict: Omit<Clause, 'sentences'>; spans: Span[] }

const clauseCache = new BoundedCache<string, StoredClause>(5_000);

/**
 * A clause's verdict depends on its sentences (their words, headings and lead-ins), the definitions it
 * uses and the document's type, regimes and playbook: an edit elsewhere leaves it as it was, only moved.
 */
function cachedClause(rule: TopicRule, group: Sentence[], stated: Sentence[], scope: Sentence[], ctx: Context, units: Units, evaluate: () => Clause): Clause {
  const inScope = scopeWithDefinitions(scope, ctx, units);
  const groupWithDefinitions = withDefinitions(stated, ctx, units);
  // The clause and its items are part of its scope; only the definitions it uses may not be.
  const extra = groupWithDefinitions.slice(stated.length).filter((s) => !inScope.sentences.includes(s));
  const sentences = extra.length ? [...inScope.sentences, ...extra] : inScope.sentences;
  // The scope's length and where the group and its definitions stand tell the parts of `sentences` apart.
  const key = `${rule.id}/${ctx.type}/${documentKey(ctx)}/${scope.length}/${groupWithDefinitions.map((s) => sentences.indexOf(s)).join(',')}/${inScope.keys}${extra.map((s) => ` ${s.key}`).join('')}`;
  const stored = clauseCache.get(key);
  if (stored) return moveClause(stored, sentences, group);
  const clause = evaluate();
  const { unmet, problems, status } = clause;
  clauseCache.set(key, { verdict: { unmet, problems, status }, spans: sentences.map((s) => s.span) });
  return clause;
}

interface ScopeWithDefinitions { sentences: Sentence[]; keys: string }

const scopes = new WeakMap<Sentence[], ScopeWithDefinitions>();

/** A scope with the definitions it uses, and their keys: a section's scope is shared by every topic that has a clause there. */
function scopeWithDefinitions(scope: Sentence[], ctx: Context, units: Units): ScopeWithDefinitions {
  let found = scopes.get(scope);
  if (!found) {
    const sentences = withDefinitions(scope, ctx, units);
    found = { sentences, keys: sentences.map((s) => s.key).join(' ') };
    scopes.set(scope, found);
  }
  return found;
}

function relOf(span: Span, from: Span[]): Rel | undefined {
  const at = from.findIndex((s) => s.start <= span.start && span.end <= s.end);
  return at < 0 ? undefined : { at, start: span.start - from[at].start, end: span.end - from[at].start };
}

/** The remembered clause with its spans moved from the sentences it was found in to where they are now. */
function moveClause(stored: StoredClause, now: Sentence[], group: Sentence[]): Clause {
  const c = stored.verdict;
  // Before the edit nothing moved: the remembered spans are right as they are.
  if (now.every((s, i) => s.span.start === stored.spans[i].start)) return { sentences: group, ...c };
  const move = (span: Span): Span => {
    const rel = relOf(span, stored.spans);
    if (!rel) return span;
    const base = now[rel.at].span.start;
    return { start: base + rel.start, end: base + rel.end };
  };
  const moveResult = (r: CheckResult): CheckResult => (r.span ? { ...r, span: move(r.span) } : r);
  const problems: Problem[] = c.problems.map((p) => {
    switch (p.kind) {
      case 'weak-phrase': return { ...p, span: move(p.span), sentence: move(p.sentence) };
      case 'shortfall': return { ...p, span: move(p.span), result: moveResult(p.result) };
      default: return { ...p, span: move(p.span) };
    }
  });
  return { sentences: group, unmet: c.unmet, problems, status: c.status };
}

/** What of the document weak signals and clause verdicts depend on besides their sentences: regimes, defined terms, playbook, parties. */
function documentKey(ctx: Context): string {
  ctx.documentKey ??= String(documentIds.id(`document\u0001${ctx.absentAnnexes.join(',')}\u0001${ctx.regimes.join(',')}\u0001${[...ctx.definedTerms].join('|')}\u0001${JSON.stringify(ctx.playbookPhrases)}\u0001${ctx.partyNames.supplier.join('|')}\u0001${ctx.partyNames.customer.join('|')}`));
  return ctx.documentKey;
}

/** For the strong points that ask who owes a duty (shared-responsibility's split). */
function partyContext(ctx: Context): PartyContext {
  return { data: ctx.languageData, names: ctx.partyNames };
}

const signalCache = new BoundedCache<string, Problem[]>(50_000);

/**
 * A sentence's weak signals depend on its words and on a few things of the document (regimes, defined
 * terms, playbook): remembered with offsets relative to the sentence, so an edit recomputes only its own.
 */
function weakSignals(rule: TopicRule, s: Sentence, ctx: Context): Problem[] {
  const key = `${documentKey(ctx)}/${rule.id}/${s.key}`;
  let relative = signalCache.get(key);
  if (!relative) {
    relative = computeWeakSignals(rule, s, ctx).map((p) => shift(p, -s.span.start));
    signalCache.set(key, relative);
  }
  return relative.map((p) => shift(p, s.span.start));
}

function shift(p: Problem, by: number): Problem {
  const span = { start: p.span.start + by, end: p.span.end + by };
  return p.kind === 'weak-phrase' ? { ...p, span, sentence: { start: p.sentence.start + by, end: p.sentence.end + by } } : { ...p, span };
}

function computeWeakSignals(rule: TopicRule, s: Sentence, ctx: Context): Problem[] {
  const problems: Problem[] = [];
  rule.weak.forEach((signal, signalIndex) => {
    if (signal.check === 'long-notice') {
      const d = longNotice(s, signal.minDays ?? 60);
      if (d) problems.push({ kind: 'long-notice', span: d.span, days: Math.round(d.value * (d.unit === 'weeks' ? 7 : d.unit === 'months' ? 30 : 1)), signalIndex });
      return;
    }
    const terms = compileList(signal.phrases?.[s.lang], s.lang, true);
    const hits = findTerms(terms, s.tokens);
    if (!hits.length) return;
    // An item continues its lead-in: "In no event shall Supplier be liable for: (iii) loss of data".
    if (signal.with && !hasTerm(conceptTerms(rule, signal.with, s.lang), s.tokens) && !(s.leadInSentence && hasTerm(conceptTerms(rule, signal.with, s.lang), s.leadInSentence.tokens))) return;
    if (signal.unless === 'defined') {
      if (hits.every((h) => ctx.definedTerms.has(s.text.slice(s.tokens[h.first].start - s.span.start, s.tokens[h.last].end - s.span.start).toLowerCase()))) return;
    } else if (signal.unless) {
      const point = rule.strong.find((p) => p.id === signal.unless);
      if (point && runCheck(point, rule, [s], ctx.regimes, ctx.unbacked, partyContext(ctx)).met) return;
    }
    // One report per phrase: the longest match wins where phrases overlap ("as soon as reasonably practicable").
    hits.sort((a, b) => a.first - b.first || b.last - a.last);
    let lastEnd = -1;
    for (const h of hits) {
      if (h.first <= lastEnd) continue;
      lastEnd = h.last;
      const span = spanOf(s, h);
      problems.push({ kind: 'weak-phrase', span, phrase: s.text.slice(span.start - s.span.start, span.end - s.span.start), signalIndex, sentence: s.span });
    }
  });
  for (const entry of ctx.playbookPhrases) {
    if (entry.topic !== rule.id || (entry.language && entry.language !== s.lang)) continue;
    for (const h of findTerms([compileTerm(entry.phrase, s.lang, true)], s.tokens)) {
      const span = spanOf(s, h);
      problems.push({ kind: 'playbook-phrase', span, phrase: s.text.slice(span.start - s.span.start, span.end - s.span.start), entry });
    }
  }
  if (rule.negation !== false) {
    const disclaimers = compileList(ctx.languageData.disclaimers[s.lang], s.lang, true);
    const hit = findTerms(disclaimers, s.tokens)[0];
    const excepted = hit && findTerms(compileList(ctx.languageData.exceptions[s.lang], s.lang, true), s.tokens).some((e) => e.first > hit.last);
    if (hit && !excepted) {
      const span = spanOf(s, hit);
      problems.push({ kind: 'disclaimed', span, phrase: s.text.slice(span.start - s.span.start, span.end - s.span.start) });
    }
  }
  // "audit reports, if any": a duty that holds only if something exists that nothing requires. A hedge is
  // an aside, closed by punctuation: "if any other failure occurs" is no hedge.
  const hedge = findTerms(compileList(ctx.languageData.hedges[s.lang], s.lang, true), s.tokens)
    .find((h) => /^\s*(?:[,;.)\]]|$)/.test(s.text.slice(s.tokens[h.last].end - s.span.start)));
  if (hedge) {
    const span = spanOf(s, hedge);
    problems.push({ kind: 'hedged', span, phrase: s.text.slice(span.start - s.span.start, span.end - s.span.start) });
  }
  return problems;
}

