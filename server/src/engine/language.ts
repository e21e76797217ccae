/** Tells English from Dutch by their most frequent words: cheap, and reliable on contract text. */
import type { Language } from './types.js';
import type { LanguageData } from './rule-data.js';

let sets: Record<Language, Set<string>> | undefined;

export function languageScores(text: string, data: LanguageData): Record<Language, number> {
  sets ??= { en: new Set(data.stopwords.en), nl: new Set(data.stopwords.nl) };
  const scores = { en: 0, nl: 0 };
  // A sample is enough: the first 20,000 characters hold thousands of function words.
  for (const m of text.slice(0, 20_000).toLowerCase().matchAll(/\p{L}+/gu)) {
    if (sets.en.has(m[0])) scores.en++;
    if (sets.nl.has(m[0])) scores.nl++;
  }
  return scores;
}

/** English or Dutch; `undefined` when the text has too few words to tell. */
export function detectLanguage(text: string, data: LanguageData): Language | undefined {
  const s = languageScores(text, data);
  if (s.en + s.nl < 3) return undefined;
  return s.nl > s.en ? 'nl' : 'en';
}
