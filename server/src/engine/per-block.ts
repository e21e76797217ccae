/**
 * What is worked out from a block's text alone, remembered with the parsed block: the blocks of the
 * chunks an edit did not touch are the same objects in the next version of the document, so their
 * sentences, definitions and candidate findings are not looked for again.
 */
import type { ParsedBlock } from './markdown.js';

export function perBlock<T>(compute: (block: ParsedBlock) => T): (block: ParsedBlock) => T {
  const memo = new WeakMap<ParsedBlock, T>();
  return (block) => {
    let value = memo.get(block);
    if (value === undefined) {
      value = compute(block);
      memo.set(block, value);
    }
    return value;
  };
}
