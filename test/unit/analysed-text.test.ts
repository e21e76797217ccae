/**
 * The language server's copy of an analysed text, with the engine's line starts, gives the positions and
 * offsets a TextDocument of the same text gives: every offset, and positions past a line's end or the text's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/lines.js';
import { analysedText } from '../../server/src/lsp/analysed-text.js';

const TEXTS = [
  '',
  'one line without a break',
  '# Title\n\n1.1 The Supplier shall notify the Customer.\n\n\n- an item\n  continued\n',
  '\n\nlast line',
];

for (const text of TEXTS) {
  test(`positions and offsets as a TextDocument's: ${JSON.stringify(text.slice(0, 20))}`, () => {
    const reference = TextDocument.create('untitled:a.md', 'markdown', 3, text);
    const analysed = analysedText('untitled:a.md', 'markdown', 3, text, new LineIndex(text).lineStarts);
    assert.equal(analysed.lineCount, reference.lineCount);
    assert.equal(analysed.getText(), text);
    for (let offset = -2; offset <= text.length + 2; offset++) assert.deepEqual(analysed.positionAt(offset), reference.positionAt(offset), `offset ${offset}`);
    for (let line = -1; line <= reference.lineCount + 1; line++) {
      assert.deepEqual(analysed.getLineRange(line), reference.getLineRange(line), `line ${line}`);
      assert.equal(analysed.getEOLCharacters(line), reference.getEOLCharacters(line), `line ${line}`);
      for (let character = -1; character <= 50; character++) {
        const position = { line, character };
        assert.equal(analysed.offsetAt(position), reference.offsetAt(position), JSON.stringify(position));
      }
    }
    const range = { start: { line: 0, character: 2 }, end: { line: 2, character: 7 } };
    assert.equal(analysed.getText(range), reference.getText(range));
  });
}

test('a text with CR line breaks is a TextDocument of its own, whose lines break there too', () => {
  const text = 'first\r\nsecond\rthird\n';
  const analysed = analysedText('untitled:a.md', 'markdown', 1, text, new LineIndex(text).lineStarts);
  assert.deepEqual(analysed.positionAt(text.indexOf('third')), { line: 2, character: 0 });
});
