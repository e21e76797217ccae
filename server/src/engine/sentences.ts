/** Splits a block into sentences and clause parts, keeping source offsets. */
import type { Span } from './types.js';

const ABBREVIATIONS = /(?:\b(?:art|arts|no|nr|nrs|e\.g|i\.e|etc|incl|excl|resp|ca|cf|vs|viz|jo|lid|sub|par|para|mr|mrs|dr|prof|inc|ltd|co|corp|b\.v|n\.v|st|bijv|o\.a|m\.b\.t|t\.a\.v|z\.s\.m|d\.w\.z|i\.v\.m|c\.q|e\.d|min|max|approx|sec|p|pp|vol|ref|annex|sched)|\b[A-Za-z]|\d)$/i;

/** Sentence spans in `text`, offset by `base`. Semicolons end a part too: list-like clauses carry one duty each. */
export function splitSentences(text: string, base = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const re = /[.;!?](?=\s+[("“'‘\p{Lu}\d])|;(?=\s)|\n(?:[^\S\n]*\n)+|\n(?=[^\S\n]*(?:[-*+]|\(?[a-z0-9]{1,3}[.)])\s)/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index! + m[0].length;
    if (m[0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, m.index! - 6), m.index!))) continue;
    if (/[\p{L}\p{N}]/u.test(text.slice(start, end))) spans.push({ start: base + start, end: base + end });
    start = end;
  }
  if (/[\p{L}\p{N}]/u.test(text.slice(start))) spans.push({ start: base + start, end: base + text.length });
  return spans;
}
