/**
 * Words with their offsets, lower-cased and stemmed with natural's Porter stemmers (English, Dutch).
 * natural's own tokenizers drop offsets, and every finding needs its exact place, so we split here
 * and use natural for what it is good at: stems. Each distinct word is stemmed once.
 */
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import type { Language } from './types.js';

export interface Token { word: string; stem: string; start: number; end: number }

const STEMMERS: Record<Language, { stem(word: string): string }> = { en: porterEn, nl: porterNl };
const stemCache: Record<Language, Map<string, string>> = { en: new Map(), nl: new Map() };

/** Lower case without diacritics, so "geïnformeerd" and "geinformeerd" meet. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
}

/**
 * natural's Porter stemmers take time quadratic in a word's length; no word of a contract is longer than
 * this (Dutch compounds included), so a longer "word" (a run of letters) is its own stem.
 */
export const MAX_STEMMED_LENGTH = 64;

export function stem(word: string, lang: Language): string {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  const cache = stemCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : STEMMERS[lang].stem(word);
    if (lang === 'nl') s = dutchStem(s);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/**
 * natural's Dutch stemmer leaves the present tense as it is, and that is how Dutch contracts state duties:
 * "Leverancier meldt", "verwijdert", "retourneert" stem apart from "melden", "verwijderen", "retourneren".
 * So a final -t goes, and the spelling changes the ending brings with it are undone on every stem alike:
 * a doubled consonant ("stell" of "stellen", "stel" of "stelt"), a long vowel written double before the
 * last consonant ("retourneer" of "retourneert", "retourner" of "retourneren"), f for v ("naleef", "nalev").
 * Nouns lose their -t on both sides too ("incident", "incidenten"), so they still meet each other.
 */
function dutchStem(s: string): string {
  if (s.length >= 5 && s.endsWith('t') && !s.endsWith('tt')) s = s.slice(0, -1);
  s = s.replace(/([bcdfgklmnprstvz])\1$/, '$1').replace(/f$/, 'v');
  return s.length >= 4 ? s.replace(/(aa|ee|oo|uu)([^aeiou])$/, (_, v: string, c: string) => v[0] + c) : s;
}

// "%" is a word of its own: "99.9%" is how availability is stated. HTML tags that a conversion left in the
// text (`<span class="keyterms_link">Provider</span>`) are no words: they would part a clause's words
// ("terminat… return … PHI") by more than a clause spans.
const WORD_RE = /<\/?(?:span|div|a|p|br|b|i|u|em|strong|sup|sub|font|mark|small|ins|del|s|li|ul|ol|table|tr|td|th|h[1-6]|img|hr|section|article|header|footer|blockquote|code|pre)(?:\s[^<>\n]*)?\/?>|[\p{L}\p{N}]+(?:['’][\p{L}]+)?|%/giu;

export function tokenize(text: string, lang: Language, base = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    if (m[0][0] === '<') continue;
    const word = fold(m[0]);
    tokens.push({ word, stem: stem(word, lang), start: base + m.index!, end: base + m.index! + m[0].length });
  }
  return tokens;
}
