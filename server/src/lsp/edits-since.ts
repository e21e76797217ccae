/**
 * Offsets between the text an analysis was made of and the document's current text, for requests answered
 * from the latest analysis while the newest keystrokes are not analysed yet. What changed since is one
 * region, found as what the two texts do not share at their start and their end; text outside it maps
 * both ways, text inside it is new and has no counterpart in the analysed text.
 */
import type { Span } from '../engine/types.js';

export interface EditsSince {
  /** The analysed offset of a current offset; undefined inside the changed region. */
  toAnalysed(offset: number): number | undefined;
  /** The current offset of an analysed offset; undefined inside the changed region. */
  toCurrent(offset: number): number | undefined;
  /** An analysed span in the current text, grown to cover the changed region where it ends inside it. */
  spanToCurrent(span: Span): Span;
  /** A current span in the analysed text, grown likewise. */
  spanToAnalysed(span: Span): Span;
  /** Whether an analysed span (an edit's) lies wholly outside the changed region, so that it still means the same text. */
  untouched(span: Span): boolean;
}

/** Characters compared at once, natively, before the one block where the texts differ is read character by character. */
const BLOCK = 4096;

/** How many characters `a` and `b` share at their start, at most `limit`. */
function sharedStart(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(n, n + BLOCK) === b.slice(n, n + BLOCK)) n += BLOCK;
  while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** How many characters `a` and `b` share at their end, at most `limit`. */
function sharedEnd(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

export function editsSince(analysed: string, current: string): EditsSince {
  const shorter = Math.min(analysed.length, current.length);
  const prefix = sharedStart(analysed, current, shorter);
  const suffix = sharedEnd(analysed, current, shorter - prefix);
  const analysedEnd = analysed.length - suffix, currentEnd = current.length - suffix;
  const shift = current.length - analysed.length;
  const toAnalysed = (offset: number) => (offset <= prefix ? offset : offset >= currentEnd ? offset - shift : undefined);
  const toCurrent = (offset: number) => (offset <= prefix ? offset : offset >= analysedEnd ? offset + shift : undefined);
  return {
    toAnalysed,
    toCurrent,
    spanToCurrent: (span) => ({ start: toCurrent(span.start) ?? prefix, end: Math.max(toCurrent(span.end) ?? currentEnd, toCurrent(span.start) ?? prefix) }),
    spanToAnalysed: (span) => ({ start: toAnalysed(span.start) ?? prefix, end: Math.max(toAnalysed(span.end) ?? analysedEnd, toAnalysed(span.start) ?? prefix) }),
    untouched: (span) => span.end <= prefix || span.start >= analysedEnd,
  };
}
