/** Infers the contract type from its title and text when neither front matter nor configuration declares it. */
import { BoundedCache } from './bounded-cache.js';
import { tokenize, type Token } from './tokens.js';
import { findTerms } from './terms.js';
import { compileList, type LanguageData } from './rule-data.js';
import { CONTRACT_TYPES, type ContractType, type Language } from './types.js';

/** How much of the body type inference reads. */
export const TYPE_SAMPLE = 60_000;

/** Every keystroke asks again, and an edit after the sample's end leaves the answer as it was. Keys are long: few are kept. */
const inferred = new BoundedCache<string, ContractType>(8);

export function inferType(title: string, body: string, lang: Language, data: LanguageData): ContractType {
  const sample = body.slice(0, TYPE_SAMPLE);
  const key = `${lang}\u0001${title}\u0001${sample}`;
  let type = inferred.get(key);
  if (!type) {
    type = scoreTypes(tokenize(title, lang), tokenize(sample, lang), lang, data);
    inferred.set(key, type);
  }
  return type;
}

function scoreTypes(titleTokens: Token[], bodyTokens: Token[], lang: Language, data: LanguageData): ContractType {
  let best: ContractType = 'other';
  let bestScore = 0;
  for (const type of CONTRACT_TYPES) {
    if (type === 'other') continue;
    const terms = compileList(data.contractTypes[type][lang], lang);
    // The title says what the parties meant to sign; the body's words only tip the balance.
    const score = findTerms(terms, titleTokens).length * 10 + Math.min(findTerms(terms, bodyTokens).length, 30) / 3;
    if (score > bestScore) { best = type; bestScore = score; }
  }
  return bestScore >= 3 ? best : 'other';
}
