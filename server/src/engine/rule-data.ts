/**
 * Loads the topic rules from `rules/topics/*.yaml`: vocabulary (concepts), detection, strong points,
 * weak phrases and messages, all as data that a lawyer can read and edit.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { compileTerm, type CompiledTerm } from './terms.js';
import { citation } from './citations.js';
import type { CommitmentData, CommitmentForm } from './commitments.js';
import { TOPIC_IDS, type ContractType, type Language, type Localized, type Regime, type TopicId } from './types.js';

export interface AppliesTo { types?: ContractType[]; regimes?: Regime[] }

export interface StrongPoint {
  id: string;
  concept?: string;
  check?: 'duration' | 'percent' | 'amount' | 'liability-cap' | 'certificate-standard' | 'party-duties' | 'end-date';
  /** For `party-duties`: the parties that must each owe a duty in the clause. */
  parties?: ('supplier' | 'customer')[];
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
  /** The references as a Dutch lawyer cites them (art. 33 lid 2 AVG); `references` when absent. */
  referencesNl?: string[];
  concepts: Record<string, Record<Language, string[]>>;
  detect: string[][];
  /** Tokens of this concept do not count towards detection ("breach of this Agreement"). */
  mask?: string;
  /** Concepts that a defined term can stand for, by its definition ("Breach" means a personal data breach). */
  aliases?: string[];
  /** A sentence with this concept is about something else altogether (late-payment interest). */
  exclude?: string;
  negation?: boolean;
  /** Which commitments are evidence: who owes it, duty or right (default: language.yaml's `commitments.counts`). */
  counts?: CommitmentForm[];
  /**
   * Narrower forms for the sentences found through a detection group that uses one of these concepts
   * (a customer's duty about its passwords is evidence; the supplier's is another topic), and only
   * where a party commits: such a group alone is no clause in a fragment.
   */
  countsFor?: Record<string, CommitmentForm[]>;
  strong: StrongPoint[];
  weak: WeakSignal[];
  /**
   * The figure that clauses of the topic set (a contradiction is two clauses setting it differently);
   * `among`: only sentences with this concept set it ("security" for a support period, not the period of any release).
   */
  parameter?: { name: string; check: string; among?: string };
  /** Names of the section a missing clause belongs in ("security", "liabilit*"). */
  home?: Record<Language, string[]>;
  missing: Localized;
}

export interface Applicability { types: Record<ContractType, TopicId[]>; regimes: Record<Regime, TopicId[]> }

export interface RuleData { topics: Map<TopicId, TopicRule>; applicability: Applicability; language: LanguageData }

export interface LanguageData {
  stopwords: Record<Language, string[]>;
  disclaimers: Record<Language, string[]>;
  /** After a disclaimer, words that make it a prohibition with a condition: "will not provide … unless Customer has approved". */
  exceptions: Record<Language, string[]>;
  /** Conditions that hollow a duty out: "if any", "indien beschikbaar". */
  hedges: Record<Language, string[]>;
  contractTypes: Record<ContractType, Record<Language, string[]>>;
  commitments: CommitmentData;
  /** The service and the data as an inserted clause names them: the catalogue's words, the terms a contract may define instead. */
  ownTerms: Record<'service' | 'data', { generic: Record<Language, string[]>; defined: Record<Language, string[]>; use: Record<Language, string> }>;
  /** Concepts several topics use (confidentiality, a warranty disclaimer), by name. */
  sharedConcepts: Record<string, Record<Language, string[]>>;
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

/** The rules folder as data: what the bundles embed at build time, and what tests read from disk. */
export interface RulesFolder {
  topics: { file: string; data: unknown }[];
  applicability: unknown;
  language: unknown;
  catalogue: unknown[];
  /** `checklists/<regime>.yaml`: the regimes' own checklists (the review report). */
  checklists: { file: string; data: unknown }[];
  /** `explainers.yaml`: why each topic matters, for a purchaser. */
  explainers: unknown;
}

export function readRulesFolder(dir = rulesDir()): RulesFolder {
  const yamlFiles = (sub: string): string[] => {
    const out: string[] = [];
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) out.push(...yamlFiles(join(sub, e.name)));
      else if (e.name.endsWith('.yaml')) out.push(join(sub, e.name));
    }
    return out;
  };
  return {
    topics: yamlFiles('topics').map((file) => ({ file, data: readYaml(join(dir, file)) })),
    applicability: readYaml(join(dir, 'applicability.yaml')),
    language: readYaml(join(dir, 'language.yaml')),
    catalogue: yamlFiles('catalogue').map((file) => readYaml(join(dir, file))),
    checklists: yamlFiles('checklists').map((file) => ({ file, data: readYaml(join(dir, file)) })),
    explainers: readYaml(join(dir, 'explainers.yaml')),
  };
}

/** Set by esbuild: the bundles carry the rules with them, so they need no rules/ folder (nor fs, on the web). */
declare const __CLAUSELINT_RULES__: RulesFolder | undefined;

let folder: RulesFolder | undefined;

export function rulesFolder(): RulesFolder {
  folder ??= typeof __CLAUSELINT_RULES__ !== 'undefined' ? __CLAUSELINT_RULES__ : readRulesFolder();
  return folder;
}

let cached: RuleData | undefined;

export function loadRuleData(): RuleData {
  if (cached) return cached;
  const raw = rulesFolder();
  const topics = new Map<TopicId, TopicRule>();
  const language = raw.language as LanguageData;
  for (const { file, data } of raw.topics) {
    const rule = structuredClone(data) as TopicRule;
    for (const c of [rule.exclude, rule.mask, ...rule.detect.flat()]) {
      if (c && !rule.concepts[c] && language.sharedConcepts?.[c]) rule.concepts[c] = language.sharedConcepts[c];
    }
    for (const c of [rule.exclude, rule.mask]) if (c && !rule.concepts[c]) throw new Error(`rules/${file}: exclude or mask uses unknown concept "${c}"`);
    if (!TOPIC_IDS.includes(rule.id)) throw new Error(`rules/${file}: unknown topic id "${rule.id}"`);
    rule.strong ??= [];
    rule.weak ??= [];
    for (const group of rule.detect) for (const c of group) if (!rule.concepts[c]) throw new Error(`rules/${file}: detect uses unknown concept "${c}"`);
    for (const s of rule.strong) if (s.concept && !rule.concepts[s.concept]) throw new Error(`rules/${file}: strong point ${s.id} uses unknown concept "${s.concept}"`);
    for (const c of Object.keys(rule.countsFor ?? {})) if (!rule.concepts[c]) throw new Error(`rules/${file}: countsFor uses unknown concept "${c}"`);
    topics.set(rule.id, rule);
  }
  const missing = TOPIC_IDS.filter((id) => !topics.has(id));
  if (missing.length) throw new Error(`rules/topics lacks ${missing.join(', ')}`);
  cached = { topics, applicability: raw.applicability as Applicability, language };
  return cached;
}

/** A topic's references in one language. */
export function referencesOf(rule: Pick<TopicRule, 'references' | 'referencesNl'>, lang: Language): string[] {
  if (lang === 'en') return rule.references;
  return rule.referencesNl?.length ? rule.referencesNl : rule.references.map((r) => citation(r, lang));
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
