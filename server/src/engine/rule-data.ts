/**
 * Loads the topic rules from `rules/topics/*.yaml`: vocabulary (concepts), detection, strong points,
 * weak phrases and messages, all as data that a lawyer can read and edit.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { compileTerm, type CompiledTerm } from './terms.js';
import { TOPIC_IDS, type ContractType, type Language, type Localized, type Regime, type TopicId } from './types.js';

export interface AppliesTo { types?: ContractType[]; regimes?: Regime[] }

export interface StrongPoint {
  id: string;
  concept?: string;
  check?: 'duration' | 'percent' | 'amount' | 'liability-cap' | 'certificate-standard';
  near?: string;
  unit?: 'deadline' | 'period';
  maxHours?: number;
  regimeMaxHours?: Partial<Record<Regime, number>>;
  minYears?: number;
  appliesTo?: AppliesTo;
  says: Localized;
}

export interface WeakSignal {
  phrases?: Record<Language, string[]>;
  /** The phrase counts only in a sentence that also has this concept. */
  with?: string;
  /** A strong point that, met in the same sentence, cures the phrase ("without undue delay and within 24 hours"). */
  unless?: string;
  check?: 'long-notice';
  minDays?: number;
  says: Localized;
  replace?: Localized;
}

export interface TopicRule {
  id: TopicId;
  name: Localized;
  references: string[];
  concepts: Record<string, Record<Language, string[]>>;
  detect: string[][];
  /** Tokens of this concept do not count towards detection ("breach of this Agreement"). */
  mask?: string;
  /** Concepts that a defined term can stand for, by its definition ("Breach" means a personal data breach). */
  aliases?: string[];
  /** A sentence with this concept is about something else altogether (late-payment interest). */
  exclude?: string;
  negation?: boolean;
  strong: StrongPoint[];
  weak: WeakSignal[];
  parameter?: { name: string; check: string };
  /** Names of the section a missing clause belongs in ("security", "liabilit*"). */
  home?: Record<Language, string[]>;
  missing: Localized;
}

export interface Applicability { types: Record<ContractType, TopicId[]>; regimes: Record<Regime, TopicId[]> }

export interface RuleData { topics: Map<TopicId, TopicRule>; applicability: Applicability; language: LanguageData }

export interface LanguageData {
  stopwords: Record<Language, string[]>;
  disclaimers: Record<Language, string[]>;
  contractTypes: Record<ContractType, Record<Language, string[]>>;
}

/** The `rules/` folder, beside `dist/` in a package and three levels up from this source file. */
export function rulesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', 'rules'), join(here, '..', '..', '..', 'rules'), join(here, 'rules')]) {
    if (existsSync(join(candidate, 'topics'))) return candidate;
  }
  throw new Error(`Clauselint cannot find its rules folder next to ${here}; the installation is incomplete.`);
}

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

let cached: RuleData | undefined;

export function loadRuleData(): RuleData {
  if (cached) return cached;
  const dir = rulesDir();
  const topics = new Map<TopicId, TopicRule>();
  for (const file of readdirSync(join(dir, 'topics')).filter((f) => f.endsWith('.yaml')).sort()) {
    const rule = readYaml(join(dir, 'topics', file)) as TopicRule;
    if (!TOPIC_IDS.includes(rule.id)) throw new Error(`rules/topics/${file}: unknown topic id "${rule.id}"`);
    rule.strong ??= [];
    rule.weak ??= [];
    for (const group of rule.detect) for (const c of group) if (!rule.concepts[c]) throw new Error(`rules/topics/${file}: detect uses unknown concept "${c}"`);
    for (const s of rule.strong) if (s.concept && !rule.concepts[s.concept]) throw new Error(`rules/topics/${file}: strong point ${s.id} uses unknown concept "${s.concept}"`);
    topics.set(rule.id, rule);
  }
  const missing = TOPIC_IDS.filter((id) => !topics.has(id));
  if (missing.length) throw new Error(`rules/topics lacks ${missing.join(', ')}`);
  cached = {
    topics,
    applicability: readYaml(join(dir, 'applicability.yaml')) as Applicability,
    language: readYaml(join(dir, 'language.yaml')) as LanguageData,
  };
  return cached;
}

const conceptCache = new Map<string, CompiledTerm[]>();

/** The compiled terms of one concept of one topic in one language. */
export function conceptTerms(rule: TopicRule, concept: string, lang: Language): CompiledTerm[] {
  const key = `${rule.id}\u0000${concept}\u0000${lang}`;
  let terms = conceptCache.get(key);
  if (!terms) {
    terms = (rule.concepts[concept]?.[lang] ?? []).map((t) => compileTerm(String(t), lang));
    conceptCache.set(key, terms);
  }
  return terms;
}

export function compileList(list: string[] | undefined, lang: Language, literal = false): CompiledTerm[] {
  return (list ?? []).map((t) => compileTerm(String(t), lang, literal));
}
