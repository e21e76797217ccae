/** Shared shapes of the engine: plain data, no behaviour. */

export const TOPIC_IDS = [
  'security-measures', 'patch-management', 'vulnerability-handling', 'incident-notification',
  'incident-response', 'liability', 'certification', 'audit-rights', 'subcontracting', 'data-location',
  'exit-data-return', 'business-continuity', 'access-control', 'encryption', 'security-testing',
  'security-awareness', 'authority-cooperation', 'termination-rights', 'service-levels',
  'secure-development', 'insurance', 'shared-responsibility', 'product-conformity',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const CONTRACT_TYPES = ['saas', 'software', 'hardware', 'managed-services', 'dpa', 'other'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const REGIMES = ['nis2', 'dora', 'dora-critical', 'gdpr', 'cra'] as const;
export type Regime = (typeof REGIMES)[number];

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

export type TopicStatus = 'present' | 'weak' | 'missing' | 'not-applicable';
export type Source = 'front-matter' | 'config' | 'inferred';

/** Half-open range of UTF-16 offsets into the document text. */
export interface Span { start: number; end: number }

/** Both languages of a user-facing string. */
export type Localized = Record<Language, string>;

/** A replacement of `span` by `text`: the unit of every quick fix. */
export interface TextEdit { span: Span; text: string }

/**
 * A fix keeps every word of the text (it inserts a clause or completes a phrase); a `suggestion` replaces
 * or deletes words, so it is offered but never preferred, and `--fix` applies it only when asked.
 */
export interface Fix { title: string; edits: TextEdit[]; preferred?: boolean; suggestion?: boolean; kind: 'insert-clause' | 'replace-phrase' | 'disable' }

export interface Finding {
  ruleId: string;
  topic: TopicId | null;
  severity: Severity;
  /** Stable key of the message kind (missing, weak-phrase, ...), so tests survive rewording. */
  messageId: string;
  /** One sentence, at most about 120 characters: what is missing or weak, and the one fix. */
  message: string;
  /** Why it matters (the references) and how to fix it, in full: for hover, --verbose, SARIF and the rule page. */
  details?: string;
  /** The places a finding on a whole clause names (its weak phrases), each with what is weak there and its fix. */
  related?: RelatedPlace[];
  span: Span;
  fixes: Fix[];
}

export interface RelatedPlace { span: Span; message: string }

export interface Evidence { span: Span; text: string }

export interface TopicResult { status: TopicStatus; evidence: Evidence[] }

/** What the user configured for a set of files; every field optional. */
export interface Settings {
  type?: ContractType;
  regimes?: Regime[];
  language?: Language;
  rules?: Record<string, SeveritySetting>;
  requiredTopics?: TopicId[];
  weakPhrases?: PlaybookPhrase[];
  ignores?: string[];
  playbook?: string;
  /** Globs of files that are standard texts (never modified by a fix), relative to the configuration file. */
  standardTexts?: string[];
}

/** An organisation's own weak phrase (its playbook), as data. */
export interface PlaybookPhrase { topic: TopicId; phrase: string; language?: Language; message?: string; replacement?: string }

export interface AnalysisResult {
  language: Language;
  type: ContractType;
  typeSource: Source;
  regimes: Regime[];
  regimesSource: Source | null;
  topics: Record<TopicId, TopicResult>;
  findings: Finding[];
}
