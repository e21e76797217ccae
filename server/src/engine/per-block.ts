/**
 * What is worked out from a block's text alone, remembered with the parsed block: the blocks of the
 * chunks an edit did not touch are the same objects in the next version of the document, so their
 * sentences, definitions and candidate findings are not looked for again.
 */
import type { ParsedBlock } from './markdown.js';

/**
 * Kept on the block itself, one slot per perBlock function, not in a WeakMap each: every analysis reads
 * each of a dozen of them for every block (some 20,000 reads in a 300 KB contract of short paragraphs),
 * a WeakMap read costs several times a property's, and a WeakMap's values outlive their keys until a
 * full collection. Not enumerable: a block compared, copied (structuredClone) or serialised is its text.
 */
const MEMO = Symbol('per-block');
type Remembered = ParsedBlock & { [MEMO]?: unknown[] };
let slots = 0;

export function perBlock<T>(compute: (block: ParsedBlock) => T): (block: ParsedBlock) => T {
  const slot = slots++;
  return (block) => {
    let memo = (block as Remembered)[MEMO];
    if (!memo) Object.defineProperty(block, MEMO, { value: (memo = []) });
    let value = memo[slot] as T | undefined;
    if (value === undefined) {
      value = compute(block);
      memo[slot] = value;
    }
    return value;
  };
}
