/**
 * Which Markdown documents are contracts. A contract is a Markdown file with `clauselint` front matter,
 * or one inside a folder governed by a clauselint configuration file, or one the user lints by command.
 * Anything else (a README in a code repository) is left alone.
 */
import { fileURLToPath } from 'node:url';
import { configFor, ConfigError, type LoadedConfig } from '../config.js';
import type { Settings } from '../engine/types.js';
import { mergeSettings, type EditorSettings } from './settings.js';
import { inferType, TYPE_SAMPLE } from '../engine/contract-type.js';
import { loadRuleData } from '../engine/rule-data.js';
import type { ContractType } from '../engine/types.js';
import type { SettingProblem } from '../engine/setting-problems.js';
import type { CatalogueClause } from '../engine/catalogue.js';
import { playbookFor } from '../cli/catalogue.js';

export type LintReason = 'front-matter' | 'config' | 'command';
export type SkipReason = 'not-markdown' | 'disabled' | 'no-marker' | 'ignored';

/** A broken configuration: `reason` as ConfigError keeps it, said in the editor's language. */
export interface ConfigProblem { file: string; line: number; reason: SettingProblem }

export interface LintDecision {
  lint: boolean;
  reason: LintReason | SkipReason;
  settings: Settings;
  configFile: string | null;
  configError?: ConfigProblem;
  /** The configuration's playbook clauses, read as the command reads them. */
  playbook: CatalogueClause[];
}

export interface DocumentFacts { uri: string; languageId: string; text: string }

const MARKDOWN_EXT_RE = /\.(?:md|markdown|mdown|mkd|mkdn)$/i;

export function isMarkdown(doc: { uri: string; languageId: string }): boolean {
  return doc.languageId === 'markdown' || MARKDOWN_EXT_RE.test(doc.uri.split(/[?#]/)[0]);
}

/** Front matter with a `clauselint:` key, found without parsing the document. */
export function declaresClauselint(text: string): boolean {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 64 * 1024));
  return !!m && /^clauselint[ \t]*:/m.test(m[1]);
}

export function filePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try { return fileURLToPath(uri); } catch { return null; }
}

export type ConfigLookup = (path: string) => LoadedConfig;

export function decide(
  doc: DocumentFacts, editor: EditorSettings, forced: boolean, lookup: ConfigLookup = configFor, pathOf: (uri: string) => string | null = filePath,
): LintDecision {
  const skip = (reason: SkipReason): LintDecision => ({ lint: false, reason, settings: {}, configFile: null, playbook: [] });
  if (!isMarkdown(doc)) return skip('not-markdown');
  if (!editor.enable && !forced) return skip('disabled');

  let config: LoadedConfig | null = null;
  let configError: ConfigProblem | undefined;
  let playbook: CatalogueClause[] = [];
  const path = pathOf(doc.uri);
  if (path) {
    try {
      config = lookup(path);
      playbook = playbookFor(config);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      configError = { file: err.file, line: err.line, reason: err.reason };
    }
  }
  const governed = !!config?.file || !!configError;
  const settings = mergeSettings(editor, config?.settings ?? {});
  const decision = (reason: LintReason): LintDecision => ({ lint: true, reason, settings, configFile: config?.file ?? configError?.file ?? null, playbook, ...(configError && { configError }) });

  if (forced) return decision('command');
  if (declaresClauselint(doc.text)) return decision('front-matter');
  if (governed) return config && path && config.isIgnored(path) ? skip('ignored') : decision('config');
  return skip('no-marker');
}

/** A code repository's own documents: never taken for contracts, whatever they say. */
const REPOSITORY_DOC_RE = /(?:^|\/)(?:readme|changelog|changes|history|contributing|code_of_conduct|security|support|authors|licen[cs]e|notice|todo)(?:[.-][^/]*)?$/i;
/** A contract says what it is near its start. */
const CONTRACT_WORD_RE = /\b(?:agreement|contract|terms (?:and conditions|of (?:service|use))|addendum|overeenkomst|verwerkersovereenkomst|voorwaarden)\b/i;

export interface UncheckedContract { type: ContractType; line: number }

/**
 * A Markdown file that is not marked as a contract but reads like one: a word such as "agreement" near
 * its start and a contract type inferred with confidence. The server says on its title that it does not
 * check it, and how to turn checking on; a README in a code repository never qualifies.
 */
export function uncheckedContract(uri: string, text: string): UncheckedContract | undefined {
  const path = decodeURIComponent(uri.split(/[?#]/)[0]);
  if (REPOSITORY_DOC_RE.test(path)) return undefined;
  const head = text.slice(0, 4000);
  const title = /^#{1,2}[ \t]+(.+)$/m.exec(head);
  if (!CONTRACT_WORD_RE.test(title?.[1] ?? head.slice(0, 1500))) return undefined;
  const data = loadRuleData().language;
  for (const lang of ['en', 'nl'] as const) {
    const inferred = inferType(title?.[1] ?? '', text.slice(0, TYPE_SAMPLE), lang, data);
    if (inferred.confidence === 'clear' && inferred.type !== 'other') {
      return { type: inferred.type, line: title ? head.slice(0, title.index).split('\n').length - 1 : 0 };
    }
  }
  return undefined;
}
