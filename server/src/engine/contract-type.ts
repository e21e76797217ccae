/** Infers the contract type from its title and text when neither front matter nor configuration declares it. */
import { tokenize } from './tokens.js';
import { findTerms } from './terms.js';
import { compileList, type LanguageData } from './rule-data.js';
import { CONTRACT_TYPES, type ContractType, type Language } from './types.js';

export function inferType(title: string, body: string, lang: Language, data: LanguageData): ContractType {
  const titleTokens = tokenize(title, lang);
  const bodyTokens = tokenize(body.slice(0, 60_000), lang);
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
