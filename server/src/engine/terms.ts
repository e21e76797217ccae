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
import { fold, stem, type Token } from './tokens.js';
import type { Language } from './types.js';

type WordTest = (t: Token) => boolean;
type Step = { gap: true } | { gap: false; test: WordTest };

export interface CompiledTerm { source: string; steps: Step[] }
export interface TermMatch { term: string; first: number; last: number }

function compileWord(raw: string, lang: Language, literal: boolean): Step {
  if (raw === '...') return { gap: true };
  if (raw === '#') return { gap: false, test: (t) => /^(?:\d+[a-z]?|[a-z]|[ivx]{1,4})$/.test(t.word) };
  const w = fold(raw);
  if (w.startsWith('=')) { const exact = w.slice(1); return { gap: false, test: (t) => t.word === exact }; }
  if (/^[^*]+\*[^*]+$/.test(w)) {
    const [head, tail] = w.split('*');
    return { gap: false, test: (t) => t.word.startsWith(head) && t.word.endsWith(tail) && t.word.length >= head.length + tail.length };
  }
  const starts = w.endsWith('*'), ends = w.startsWith('*');
  const core = w.replace(/^\*|\*$/g, '');
  if (starts && ends) return { gap: false, test: (t) => t.word.includes(core) };
  if (starts) return { gap: false, test: (t) => t.word.startsWith(core) };
  if (ends) return { gap: false, test: (t) => t.word.endsWith(core) };
  if (literal) return { gap: false, test: (t) => t.word === core || t.word === core + 's' };
  const s = stem(core, lang);
  return { gap: false, test: (t) => t.stem === s || t.word === core };
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
    c = { source: term, steps: words.map((w) => compileWord(w.replace(/[(),.;:"]/g, '') || w, lang, literal)) };
    compiled.set(key, c);
  }
  return c;
}

const MAX_GAP = 3;

/**
 * The end of a match of `steps` from `s` at token `i`, or -1. Gaps would make this exponential in their
 * number ((MAX_GAP + 1) ** gaps tries); `failed` remembers the (token, step) pairs that cannot match, for
 * every start in one token list, so each pair is tried once: time linear in tokens × steps.
 */
function matchAt(steps: Step[], tokens: Token[], i: number, s: number, failed?: Set<number>): number {
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

/** Every place where one of `terms` occurs in `tokens`, skipping masked tokens. */
export function findTerms(terms: CompiledTerm[], tokens: Token[], masked?: Set<number>): TermMatch[] {
  const found: TermMatch[] = [];
  for (const term of terms) {
    const failed = memoFor(term);
    for (let i = 0; i < tokens.length; i++) {
      if (masked?.has(i)) continue;
      const last = matchAt(term.steps, tokens, i, 0, failed);
      if (last >= 0) {
        let clean = true;
        if (masked) for (let k = i; k <= last; k++) if (masked.has(k)) { clean = false; break; }
        if (clean) found.push({ term: term.source, first: i, last });
      }
    }
  }
  return found;
}

export function hasTerm(terms: CompiledTerm[], tokens: Token[], masked?: Set<number>): boolean {
  for (const term of terms) {
    const failed = memoFor(term);
    for (let i = 0; i < tokens.length; i++) {
      if (masked?.has(i)) continue;
      if (matchAt(term.steps, tokens, i, 0, failed) >= 0) return true;
    }
  }
  return false;
}
