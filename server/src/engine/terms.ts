/**
 * Term patterns, the small language the rule data is written in:
 *   notify            any word with the same stem (notify, notifies, notified)
 *   secur*  *incident  *beveilig*  organi*ation   a word that starts with, ends with, contains
 *                     or starts and ends with the letters
 *   =may              exactly this word, not stemmed
 *   ...               up to three words of any kind ("breach of ... security")
 *   #                 a number or an identifier letter ("annex #": Annex 2, Schedule B, Bijlage IV)
 * A term is a sequence of these; a term list matches where any of its terms does.
 */
import { BoundedCache } from './bounded-cache.js';
import { fold, stem, type Token } from './tokens.js';
import type { Language } from './types.js';

type WordTest = (t: Token) => boolean;
/**
 * Where the first-word index files a word step: under the words, the stem or the letters a matching word
 * must have; `scan` steps (a word containing letters, a number) are tested on every new word.
 */
type IndexKey =
  | { by: 'words'; words: string[] }
  | { by: 'stem'; stem: string; word: string }
  | { by: 'prefix'; prefix: string }
  | { by: 'suffix'; suffix: string }
  | { by: 'scan' };
type Step = { gap: true } | { gap: false; test: WordTest; key: IndexKey };

export interface CompiledTerm { source: string; steps: Step[]; /** Order of compilation: the index knows the terms compiled before it was asked. */ id: number }
export interface TermMatch { term: string; first: number; last: number }

const NUMBER_OR_LETTER_RE = /^(?:\d+[a-z]?|[a-z]|[ivx]{1,4})$/;

function compileWord(raw: string, lang: Language, literal: boolean): Step {
  if (raw === '...') return { gap: true };
  if (raw === '#') return { gap: false, test: (t) => NUMBER_OR_LETTER_RE.test(t.word), key: { by: 'scan' } };
  const w = fold(raw);
  if (w.startsWith('=')) { const exact = w.slice(1); return { gap: false, test: (t) => t.word === exact, key: { by: 'words', words: [exact] } }; }
  if (/^[^*]+\*[^*]+$/.test(w)) {
    const [head, tail] = w.split('*');
    return { gap: false, test: (t) => t.word.startsWith(head) && t.word.endsWith(tail) && t.word.length >= head.length + tail.length, key: { by: 'prefix', prefix: head } };
  }
  const starts = w.endsWith('*'), ends = w.startsWith('*');
  const core = w.replace(/^\*|\*$/g, '');
  if (starts && ends) return { gap: false, test: (t) => t.word.includes(core), key: { by: 'scan' } };
  if (starts) return { gap: false, test: (t) => t.word.startsWith(core), key: { by: 'prefix', prefix: core } };
  if (ends) return { gap: false, test: (t) => t.word.endsWith(core), key: { by: 'suffix', suffix: core } };
  if (literal) return { gap: false, test: (t) => t.word === core || t.word === core + 's', key: { by: 'words', words: [core, core + 's'] } };
  const s = stem(core, lang);
  return { gap: false, test: (t) => t.stem === s || t.word === core, key: { by: 'stem', stem: s, word: core } };
}

const compiled = new Map<string, CompiledTerm>();

/**
 * `literal` is for phrases that must be read as written (weak phrases, disclaimers): stemming would
 * turn "timely" into "time" and find weakness where there is none.
 */
export function compileTerm(term: string, lang: Language, literal = false): CompiledTerm {
  const key = lang + (literal ? '\u0001' : '\u0000') + term;
  let c = compiled.get(key);
  if (!c) {
    const words = term.trim().split(/\s+|(?<=\p{L})(?=[-/])|(?<=[-/])(?=\p{L})/u).filter((w) => w && w !== '-' && w !== '/');
    c = { source: term, steps: words.map((w) => compileWord(w.replace(/[(),.;:"]/g, '') || w, lang, literal)), id: compiled.size };
    compiled.set(key, c);
    firstWords.add(c);
  }
  return c;
}

const MAX_GAP = 3;

/**
 * The end of a match of `steps` from `s` at token `i`, or -1. Gaps would make this exponential in their
 * number ((MAX_GAP + 1) ** gaps tries); `failed` remembers the (token, step) pairs that cannot match, for
 * every start in one token list, so each pair is tried once: time linear in tokens × steps.
 */
function matchAt(steps: Step[], tokens: readonly Token[], i: number, s: number, failed?: Set<number>): number {
  if (s === steps.length) return i - 1;
  const step = steps[s];
  if (step.gap) {
    const key = s * (tokens.length + 1) + i;
    if (failed?.has(key)) return -1;
    for (let g = 0; g <= MAX_GAP && i + g <= tokens.length; g++) {
      const end = matchAt(steps, tokens, i + g, s + 1, failed);
      if (end >= 0) return end;
    }
    failed?.add(key);
    return -1;
  }
  if (i >= tokens.length || !step.test(tokens[i])) return -1;
  return matchAt(steps, tokens, i + 1, s + 1, failed);
}

/** Terms of more than one gap get the memo; one gap tries at most MAX_GAP + 1 ways. */
function memoFor(term: CompiledTerm): Set<number> | undefined {
  let gaps = 0;
  for (const step of term.steps) if (step.gap) gaps++;
  return gaps > 1 ? new Set() : undefined;
}

/** The match of `term` from token `i`, if it has one outside the masked tokens. */
function matchFrom(term: CompiledTerm, tokens: readonly Token[], i: number, failed: Set<number> | undefined, masked?: Set<number>): TermMatch | undefined {
  const last = matchAt(term.steps, tokens, i, 0, failed);
  if (last < 0) return undefined;
  if (masked) for (let k = i; k <= last; k++) if (masked.has(k)) return undefined;
  return { term: term.source, first: i, last };
}

/**
 * Every term by the words its first step accepts, so that a sentence is matched by looking each of its
 * distinct words up once, not by testing every term on every token. The index only proposes: a term is
 * a candidate for a word when its first step's own test accepts it.
 */
class FirstWordIndex {
  private readonly byWord = new Map<string, CompiledTerm[]>();
  private readonly byStem = new Map<string, CompiledTerm[]>();
  private readonly byPrefix = new Map<string, CompiledTerm[]>();
  private readonly bySuffix = new Map<string, CompiledTerm[]>();
  private readonly prefixLengths = new Set<number>();
  private readonly suffixLengths = new Set<number>();
  private readonly scanned: CompiledTerm[] = [];
  /** Every term, by id. */
  private readonly terms: CompiledTerm[] = [];
  /** The candidates of each word and stem seen, as of the first `upTo` terms. */
  private readonly candidates = new BoundedCache<string, { upTo: number; terms: CompiledTerm[] }>(100_000);

  get size(): number { return this.terms.length; }

  add(term: CompiledTerm): void {
    this.terms.push(term);
    const first = term.steps[0];
    if (!first || first.gap) return;
    const key = first.key;
    const file = (map: Map<string, CompiledTerm[]>, k: string) => { const list = map.get(k); if (list) list.push(term); else map.set(k, [term]); };
    switch (key.by) {
      case 'words': for (const w of key.words) file(this.byWord, w); break;
      case 'stem': file(this.byStem, key.stem); file(this.byWord, key.word); break;
      case 'prefix': file(this.byPrefix, key.prefix); this.prefixLengths.add(key.prefix.length); break;
      case 'suffix': file(this.bySuffix, key.suffix); this.suffixLengths.add(key.suffix.length); break;
      case 'scan': this.scanned.push(term);
    }
  }

  /**
   * The terms whose first word accepts the token, each once, in no particular order. Looked up again in
   * the index once terms were compiled since, not by testing each of them: a concept first asked for
   * halfway through an editing session compiles hundreds at once (224 on the 8th sentence added to CUAD's
   * GOOSEHEAD contract), and every token of the document (49,000) tested each took 440 ms.
   */
  termsFor(t: Token): CompiledTerm[] {
    const key = t.word === t.stem ? t.word : `${t.word}\u0000${t.stem}`;
    const known = this.candidates.get(key);
    if (known?.upTo === this.size) return known.terms;
    const proposed = new Set<CompiledTerm>([...(this.byWord.get(t.word) ?? []), ...(this.byStem.get(t.stem) ?? []), ...this.scanned]);
    for (const n of this.prefixLengths) if (n <= t.word.length) for (const term of this.byPrefix.get(t.word.slice(0, n)) ?? []) proposed.add(term);
    for (const n of this.suffixLengths) if (n <= t.word.length) for (const term of this.bySuffix.get(t.word.slice(-n)) ?? []) proposed.add(term);
    const terms = [...proposed].filter((term) => opensWith(term, t));
    this.candidates.set(key, { upTo: this.size, terms });
    return terms;
  }
}

/** Whether a term's first step is a word the token is (a term that opens with a gap is tried at every token instead). */
function opensWith(term: CompiledTerm, t: Token): boolean {
  const first = term.steps[0];
  return first !== undefined && !first.gap && first.test(t);
}

const firstWords = new FirstWordIndex();

/**
 * Where the terms' first words are in one token list, for the first `upTo` terms: each place as the
 * number term id × POSITIONS + token, sorted, so that a term's places are a run found by binary search
 * (a map per sentence held as much memory again as the sentences).
 */
interface Starts { length: number; upTo: number; places: Float64Array }
const POSITIONS = 2 ** 21;
const NOWHERE: readonly number[] = [];
/**
 * Kept on the token list itself, not in a WeakMap: most lists die young (a heading with its lead-in, a
 * definition's words), and a WeakMap's values outlive their keys until a full collection (+55 MB of peak
 * memory over 100 CUAD contracts).
 */
const STARTS = Symbol('starts');
type IndexedTokens = readonly Token[] & { [STARTS]?: Starts };

function startsIn(tokens: readonly Token[]): Starts {
  let starts = (tokens as IndexedTokens)[STARTS];
  if (!starts || starts.length !== tokens.length) {
    const places: number[] = [];
    for (let i = 0; i < tokens.length; i++) for (const term of firstWords.termsFor(tokens[i])) places.push(term.id * POSITIONS + i);
    starts = { length: tokens.length, upTo: firstWords.size, places: Float64Array.from(places).sort() };
    // Not enumerable: a token list compared or copied is its tokens alone.
    Object.defineProperty(tokens, STARTS, { value: starts, writable: true, configurable: true });
  } else if (starts.upTo < firstWords.size) {
    // Terms compiled since (a document's defined terms, a concept first asked for now): only they are
    // placed, and their ids are above every id already placed.
    const newer: number[] = [];
    for (let i = 0; i < tokens.length; i++) for (const term of firstWords.termsFor(tokens[i])) if (term.id >= starts.upTo) newer.push(term.id * POSITIONS + i);
    const places = new Float64Array(starts.places.length + newer.length);
    places.set(starts.places);
    places.set(Float64Array.from(newer).sort(), starts.places.length);
    starts.places = places;
    starts.upTo = firstWords.size;
  }
  return starts;
}

/** The tokens a term may start at: where the index found its first word, or every token for a term that opens with a gap. */
function candidateStarts(term: CompiledTerm, tokens: readonly Token[]): Iterable<number> {
  if (!term.steps.length || term.steps[0].gap || tokens.length >= POSITIONS) return tokens.keys();
  const { places } = startsIn(tokens);
  const from = term.id * POSITIONS, to = from + POSITIONS;
  let lo = 0, hi = places.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (places[mid] < from) lo = mid + 1; else hi = mid; }
  if (lo === places.length || places[lo] >= to) return NOWHERE;
  const at: number[] = [];
  for (let k = lo; k < places.length && places[k] < to; k++) at.push(places[k] - from);
  return at;
}

function collect(terms: CompiledTerm[], tokens: readonly Token[], masked: Set<number> | undefined, startsFor: (term: CompiledTerm) => Iterable<number>): TermMatch[] {
  const found: TermMatch[] = [];
  for (const term of terms) {
    const failed = memoFor(term);
    for (const i of startsFor(term)) {
      if (masked?.has(i)) continue;
      const match = matchFrom(term, tokens, i, failed, masked);
      if (match) found.push(match);
    }
  }
  return found;
}

/** Every place where one of `terms` occurs in `tokens`, skipping masked tokens: per term, in the order of the tokens. */
export function findTerms(terms: CompiledTerm[], tokens: readonly Token[], masked?: Set<number>): TermMatch[] {
  return collect(terms, tokens, masked, (term) => candidateStarts(term, tokens));
}

/** `findTerms` by testing every term at every token, without the index: what the index must always agree with. */
export function findTermsByScan(terms: CompiledTerm[], tokens: readonly Token[], masked?: Set<number>): TermMatch[] {
  return collect(terms, tokens, masked, () => tokens.keys());
}

/** Whether a term starts at an unmasked token (its later words may be masked). */
export function hasTerm(terms: CompiledTerm[], tokens: readonly Token[], masked?: Set<number>): boolean {
  for (const term of terms) {
    const failed = memoFor(term);
    for (const i of candidateStarts(term, tokens)) {
      if (masked?.has(i)) continue;
      if (matchAt(term.steps, tokens, i, 0, failed) >= 0) return true;
    }
  }
  return false;
}
