/** Stems: the forms a contract writes a duty in meet the forms the rules data is written in. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem, tokenize } from '../../server/src/engine/tokens.js';

test('a Dutch verb in the present tense has the stem of its infinitive', () => {
  for (const [present, infinitive] of [['meldt', 'melden'], ['verwijdert', 'verwijderen'], ['retourneert', 'retourneren'], ['informeert', 'informeren'],
    ['verleent', 'verlenen'], ['handhaaft', 'handhaven'], ['stelt', 'stellen'], ['houdt', 'houden'], ['eindigt', 'eindigen'], ['beschermt', 'beschermen']]) {
    assert.equal(stem(present, 'nl'), stem(infinitive, 'nl'), `${present} / ${infinitive}`);
  }
});

test('a Dutch noun ending in -t still meets its plural, and different words stay apart', () => {
  for (const [one, many] of [['incident', 'incidenten'], ['recht', 'rechten'], ['contract', 'contracten'], ['test', 'testen'], ['jaar', 'jaren']]) {
    assert.equal(stem(one, 'nl'), stem(many, 'nl'), `${one} / ${many}`);
  }
  assert.notEqual(stem('melding', 'nl'), stem('melden', 'nl'));
  assert.notEqual(stem('wet', 'nl'), stem('we', 'nl'));
});

test('HTML tags left by a conversion are no words, and their offsets keep the words in place', () => {
  const text = 'a <span class="keyterms_link">Provider</span> will return x<y and 5<6';
  const tokens = tokenize(text, 'en');
  assert.deepEqual(tokens.map((t) => t.word), ['a', 'provider', 'will', 'return', 'x', 'y', 'and', '5', '6']);
  assert.equal(text.slice(tokens[1].start, tokens[1].end), 'Provider');
});
