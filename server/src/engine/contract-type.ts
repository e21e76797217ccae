/**
 * Infers the contract type from its title and text when neither front matter nor configuration declares
 * it, with how sure the inference is: a type inferred from a few words, or almost tied with another,
 * is worth declaring, and the analysis says so.
 */
import { BoundedCache } from './bounded-cache.js';
import { tokenize, type Token } from './tokens.js';
import { findTerms } from './terms.js';
import { compileList, type LanguageData } from './rule-data.js';
import { CONTRACT_TYPES, type ContractType, type Language } from './types.js';

/** How much of the body type inference reads. */
export const TYPE_SAMPLE = 60_000;

export interface TypeInference {
  type: ContractType;
  /** `clear`; `thin`: few words point to it; `close`: another type scores almost as high. */
  confidence: 'clear' | 'thin' | 'close';
  /** The type that came second, when it was close. */
  runnerUp?: ContractType;
  /** The words that decided it, as found ("terms of service", "subscription"). */
  because: string[];
}

/** Every keystroke asks again, and an edit after the sample's end leaves the answer as it was. Keys are long: few are kept. */
const inferred = new BoundedCache<string, TypeInference>(8);

export function inferType(title: string, body: string, lang: Language, data: LanguageData): TypeInference {
  const sample = body.slice(0, TYPE_SAMPLE);
  const key = `${lang}\u0001${title}\u0001${sample}`;
  let result = inferred.get(key);
  if (!result) {
    result = scoreTypes(tokenize(title, lang), tokenize(sample, lang), lang, data);
    inferred.set(key, result);
  }
  return result;
}

/** The characters of the body that state what the contract is about. */
const OPENING = 2_000;
/** Below this a type is not inferred at all (`other`); below THIN it is inferred from thin evidence. */
const MIN_SCORE = 3;
const THIN = 8;
/** A runner-up within this share of the best score makes the inference close. */
const CLOSE = 0.75;

function scoreTypes(titleTokens: Token[], bodyTokens: Token[], lang: Language, data: LanguageData): TypeInference {
  const scored = CONTRACT_TYPES.flatMap((type) => {
    const words = data.contractTypes[type]?.[lang];
    if (!words) return [];
    const terms = compileList(words, lang);
    const inTitle = findTerms(terms, titleTokens), inBody = findTerms(terms, bodyTokens);
    // The title says what the parties meant to sign; the opening (recitals, scope, subject matter) says
    // what is supplied; the rest of the body's words only tip the balance.
    const opening = inBody.filter((h) => bodyTokens[h.first].start < OPENING).length;
    const score = inTitle.length * 10 + Math.min(inBody.length + 2 * opening, 30) / 3;
    const because = [...new Set([...inTitle, ...inBody].map((h) => h.term.replace(/\*/g, '')))].slice(0, 3);
    return [{ type, score, because }];
  }).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < MIN_SCORE) return { type: 'other', confidence: 'thin', because: [] };
  if (second && second.score >= MIN_SCORE && second.score >= best.score * CLOSE) return { type: best.type, confidence: 'close', runnerUp: second.type, because: best.because };
  return { type: best.type, confidence: best.score < THIN ? 'thin' : 'clear', because: best.because };
}
