/** How a document's sentences stand to each other: headings, list items and enumerations within a paragraph. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown } from '../../server/src/engine/markdown.js';
import { buildUnits } from '../../server/src/engine/units.js';

const unitsOf = (text: string) => buildUnits(parseMarkdown(text), () => 'en');

test('a heading keeps the letters of its first word; only a number or a roman numeral of its own is dropped', () => {
  for (const [heading, first] of [['Liability', 'liability'], ['Certification', 'certification'], ['IV. Incident notification', 'incident'], ['Article 7 – Confidentiality', 'confidentiality']]) {
    const units = unitsOf(`## ${heading}\n\nThe Supplier shall act.\n`);
    const s = units.sentences[0];
    assert.equal(units.headingTokens(s.section, 'en')[0].word, first, heading);
  }
});

test('the enumerated parts of a paragraph continue the sentence that opened the enumeration, without taking its topic words', () => {
  const units = unitsOf('## 9. Liability\n\nIn no event shall the Supplier be liable for: (i) indirect damages; (ii) the cost of substitute services; or (iii) loss or corruption of data. The Supplier shall keep records.\n');
  const [opener, second, third, after] = units.sentences;
  assert.match(opener.text, /^In no event/);
  assert.equal(second.leadInSentence, opener);
  assert.equal(third.leadInSentence, opener);
  assert.equal(after.leadInSentence, undefined);
  // A list's lead-in gives its items their topic; an enumeration's opener does not.
  assert.equal(second.leadIn, undefined);
});

test('a dash or bullet of converted text makes a list item of its paragraph, continuing the lead-in', () => {
  const units = unitsOf('De aansprakelijkheid is per gebeurtenis beperkt tot een bedrag van:\n\n– € 250.000 voor overeenkomsten tot € 100.000;\n\n• € 1.000.000 voor overeenkomsten daarboven.\n');
  const [lead, first, second] = units.sentences;
  assert.equal(first.leadInSentence, lead);
  assert.equal(second.leadInSentence, lead);
  assert.ok(first.leadIn);
});

test('in articles written as a nested list, a sub-clause belongs to the item above it', () => {
  const units = unitsOf('# Agreement\n\n1. Processing. Provider processes Customer Data on its instructions.\n\n    1. Subprocessors.\n\n        a. Provider will not engage a Subprocessor unless Customer approves.\n\n        b. Provider remains liable for its Subprocessors.\n\n2. Liability. Each party is liable for its own acts.\n');
  const blockOf = (needle: string) => units.sentences.find((s) => s.text.includes(needle))!.blockIndex;
  const head = blockOf('Subprocessors.'), a = blockOf('will not engage'), b = blockOf('remains liable');
  assert.equal(units.itemParent(a), head);
  assert.equal(units.itemParent(b), head);
  assert.equal(units.lastSubItem(head), b);
  assert.equal(units.lastSubItem(a), a);
  assert.equal(units.itemParent(blockOf('Processing')), -1);
});

test('an article heading that is only a number takes its title from the short line below it, which is no sentence', () => {
  for (const title of ['Exitregeling', '####Exitregeling']) {
    const units = unitsOf(`### Artikel 12\n\n${title}\n\n12.1. Leverancier retourneert de Gegevens.\n`);
    assert.equal(units.sentences.length, 1, title);
    assert.deepEqual(units.headingTokens(units.sentences[0].section, 'nl').map((t) => t.word), ['exitregeling'], title);
  }
  // A sentence below a numbered heading stays a sentence; a heading with words keeps its own title.
  const sentence = unitsOf('### Artikel 12\n\nLeverancier retourneert de Gegevens.\n');
  assert.equal(sentence.sentences.length, 1);
  assert.deepEqual(sentence.headingTokens(sentence.sentences[0].section, 'nl'), []);
  const titled = unitsOf('### Artikel 12 Exit\n\nBeëindiging\n\nLeverancier retourneert de Gegevens.\n');
  assert.equal(titled.sentences.length, 2);
});

test('a definitions article named on the line below its number is read as definitions', () => {
  const model = parseMarkdown('## Artikel 1\n\nBegripsbepalingen\n\n1.1. Gegevens: alle gegevens van Opdrachtgever.\n');
  assert.equal(model.sections[1].kind, 'definitions');
});
