/**
 * What is worked out per block is kept on the block: once per block and function, shared by every
 * version of the document that has the block's chunk, and invisible to whoever compares, copies or
 * serialises the block (tests compare models; a report entry is a structured copy of the result).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown } from '../../server/src/engine/markdown.js';
import { perBlock } from '../../server/src/engine/per-block.js';

const TEXT = '# Agreement\n\nThe Supplier shall notify the Customer of any Security Incident within 24 hours.\n\nThe Customer shall pay the Fees.\n';

test('a block\'s value is worked out once per function, and each function keeps its own', () => {
  let words = 0, letters = 0;
  const wordCount = perBlock((block) => { words++; return block.text.split(/\s+/).length; });
  const firstLetter = perBlock((block) => { letters++; return block.text.trim()[0]; });
  const [, first, second] = parseMarkdown(TEXT).blocks.map((b) => b.parsed);
  assert.equal(wordCount(first), wordCount(first));
  assert.equal(firstLetter(first), 'T');
  assert.equal(wordCount(second), 6);
  assert.deepEqual([words, letters], [2, 1]);
});

test('an edit elsewhere leaves a block\'s value as it was: its chunk, and so the block, is the same object', () => {
  let computed = 0;
  const length = perBlock((block) => { computed++; return block.text.length; });
  // Two chunks: a heading starts one once the text before it is long enough.
  const text = (article: string) => `# Agreement\n\n${article}\n\n## Payment\n\nThe Customer shall pay the Fees.\n`;
  const article = 'The Supplier shall keep the Customer Data confidential. '.repeat(30);
  const before = parseMarkdown(text(article)).blocks.at(-1)!.parsed;
  length(before);
  const after = parseMarkdown(text(`${article}It shall notify the Customer of any breach.`)).blocks.at(-1)!.parsed;
  assert.equal(after, before, 'the unchanged block is the same object in the next version');
  length(after);
  assert.equal(computed, 1);
});

test('what is kept on a block is not part of it when it is compared, copied or serialised', () => {
  const remembered = parseMarkdown(TEXT).blocks[1].parsed;
  perBlock((block) => ({ sentences: [block.text] }))(remembered);
  const plain = { ...remembered };
  assert.deepStrictEqual(Object.keys(remembered), Object.keys(plain));
  assert.deepStrictEqual(structuredClone(remembered), plain);
  assert.equal(JSON.stringify(remembered), JSON.stringify(plain));
  assert.deepStrictEqual(remembered, plain);
});
