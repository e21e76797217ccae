/**
 * Offsets through the edits made since an analysis (the language server's answers from the latest one):
 * outside what changed, an offset and its counterpart stand before the same text; inside it, none maps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editsSince } from '../../server/src/lsp/edits-since.js';

const ANALYSED = 'The Supplier shall notify the Customer without undue delay.\n\nThe Customer shall pay the Fees annually.\n';

test('offsets before and after an insertion map both ways; the inserted text has no counterpart', () => {
  const at = ANALYSED.indexOf('annually');
  const current = `${ANALYSED.slice(0, at)}in full and ${ANALYSED.slice(at)}`;
  const since = editsSince(ANALYSED, current);
  for (let offset = 0; offset <= ANALYSED.length; offset++) {
    const moved = since.toCurrent(offset);
    assert.notEqual(moved, undefined, `offset ${offset}`);
    if (offset <= at) assert.equal(current.slice(0, moved), ANALYSED.slice(0, offset), `offset ${offset}: the same text before it`);
    else assert.equal(current.slice(moved), ANALYSED.slice(offset), `offset ${offset}: the same text after it`);
    assert.equal(since.toAnalysed(moved!), offset);
  }
  assert.equal(since.toAnalysed(at + 3), undefined, 'inside the inserted words');
  assert.deepEqual(since.spanToCurrent({ start: 0, end: 10 }), { start: 0, end: 10 });
  assert.deepEqual(since.spanToCurrent({ start: at, end: at + 8 }), { start: at, end: at + 'in full and '.length + 8 });
});

test('a replacement: spans that end in it grow over it, only spans outside it are untouched', () => {
  const from = ANALYSED.indexOf('without undue delay'), to = from + 'without undue delay'.length;
  const current = `${ANALYSED.slice(0, from)}within 24 hours${ANALYSED.slice(to)}`;
  const since = editsSince(ANALYSED, current);
  const sentence = { start: 0, end: ANALYSED.indexOf('.') + 1 };
  assert.equal(since.untouched(sentence), false, 'the sentence with the replaced words');
  assert.equal(since.untouched({ start: ANALYSED.indexOf('The Customer shall'), end: ANALYSED.length }), true);
  assert.equal(since.untouched({ start: 0, end: 12 }), true);
  const grown = since.spanToCurrent({ start: from + 5, end: from + 8 });
  assert.ok(grown.start <= from + 'with'.length && grown.end >= from + 'within 24 hours'.length - ' hours'.length, JSON.stringify(grown));
  assert.equal(current.slice(since.toCurrent(to)!), ANALYSED.slice(to));
});

test('the same text maps every offset to itself', () => {
  const since = editsSince(ANALYSED, ANALYSED);
  for (const offset of [0, 10, ANALYSED.length]) assert.equal(since.toCurrent(offset), offset);
  assert.equal(since.untouched({ start: 0, end: ANALYSED.length }), true);
});

test('in a long text, what changed is found wherever it lies, at the edges of the blocks compared at once too', () => {
  const analysed = 'The Supplier shall notify the Customer of every incident within 24 hours. '.repeat(300);
  for (const at of [0, 1, 4095, 4096, 4097, 8191, 12_288, analysed.length - 4097, analysed.length - 4096, analysed.length - 1, analysed.length]) {
    const current = `${analysed.slice(0, at)}XYZ${analysed.slice(at)}`;
    const since = editsSince(analysed, current);
    assert.equal(since.toAnalysed(at), at, `insertion at ${at}: the text before it maps`);
    assert.equal(since.toAnalysed(at + 1), undefined, `insertion at ${at}: inside it`);
    assert.equal(since.toAnalysed(at + 3), at, `insertion at ${at}: the text after it maps`);
  }
});
