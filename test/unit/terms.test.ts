/**
 * Term matching by word lookup (issue 13): a sentence's words are looked up in an index of the terms'
 * first words instead of testing every term at every token. It must find exactly what testing every
 * term at every token finds, for the whole vocabulary of the rules, on the fixtures' sentences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileList, conceptTerms, loadRuleData } from '../../server/src/engine/rule-data.js';
import { compileTerm, findTerms, findTermsByScan, hasTerm, type CompiledTerm } from '../../server/src/engine/terms.js';
import { tokenize } from '../../server/src/engine/tokens.js';
import { LANGUAGES, type Language } from '../../server/src/engine/types.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

/** Every term of the rules in one language: the topics' concepts, read as stems, and the phrase lists, read literally. */
function vocabulary(lang: Language): CompiledTerm[] {
  const { topics, language } = loadRuleData();
  const terms = [...topics.values()].flatMap((rule) => Object.keys(rule.concepts).flatMap((concept) => conceptTerms(rule, concept, lang)));
  for (const list of [language.disclaimers, language.exceptions, language.hedges]) terms.push(...compileList(list[lang], lang, true));
  for (const byLang of Object.values(language.contractTypes)) terms.push(...compileList(byLang[lang], lang));
  return terms;
}

/** The fixtures' lines of one language, as sentences enough: each is tokenized as it stands. */
function sentences(lang: Language): string[] {
  const dir = join(fixtures, lang);
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n+|(?<=[.;])\s+/)).filter((line) => /\p{L}/u.test(line));
}

for (const lang of LANGUAGES) {
  test(`${lang}: the lookup finds the same matches as testing every term at every token, masked or not`, () => {
    const terms = vocabulary(lang);
    const lines = sentences(lang);
    assert.ok(terms.length > 200 && lines.length > 200, `${terms.length} terms, ${lines.length} sentences`);
    const other: Language = lang === 'en' ? 'nl' : 'en';
    let matches = 0;
    for (const [n, line] of lines.entries()) {
      // Some lines stemmed as the other language: a term's word may then match where its stem does not.
      const tokens = tokenize(line, n % 5 ? lang : other);
      const everyThird = new Set([...tokens.keys()].filter((i) => i % 3 === 1));
      for (const masked of [undefined, everyThird]) {
        const expected = findTermsByScan(terms, tokens, masked);
        assert.deepEqual(findTerms(terms, tokens, masked), expected, line);
        matches += expected.length;
      }
      // hasTerm skips masked starts only: with no mask, it is whether anything matches at all.
      for (const term of terms.slice(0, 40)) assert.equal(hasTerm([term], tokens), findTermsByScan([term], tokens).length > 0, `${term.source} in ${line}`);
    }
    assert.ok(matches > 1000, `only ${matches} matches: the comparison would prove little`);
  });
}

test('a term compiled after a sentence was looked up (a defined term of the next document) is found in it too', () => {
  const tokens = tokenize('The Zorgplichtige Dienstverlener shall notify the Klantpartij of every Incident without delay.', 'en');
  assert.equal(findTerms([compileTerm('notify', 'en')], tokens).length, 1);
  const later = ['zorgplichtige dienstverlener', 'klantpart*', '*partij', 'of ... incident', '... delay', 'incident*delay'].map((t) => compileTerm(t, 'en'));
  assert.deepEqual(findTerms(later, tokens), findTermsByScan(later, tokens));
  // A gap that opens a term lets it start up to three words early: '... delay' matches from four tokens.
  assert.deepEqual(findTerms(later, tokens).map((m) => m.term), ['zorgplichtige dienstverlener', 'klantpart*', '*partij', 'of ... incident', ...Array(4).fill('... delay')]);
});
