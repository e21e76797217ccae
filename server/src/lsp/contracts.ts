/**
 * Which Markdown documents are contracts. A contract is a Markdown file with `clauselint` front matter,
 * or one inside a folder governed by a clauselint configuration file, or one the user lints by command.
 * Anything else (a README in a code repository) is left alone.
 */
import { fileURLToPath } from 'node:url';
import { configFor, ConfigError, type LoadedConfig } from '../config.js';
import type { Settings } from '../engine/types.js';
import { mergeSettings, type EditorSettings } from './settings.js';

export type LintReason = 'front-matter' | 'config' | 'command';
export type SkipReason = 'not-markdown' | 'disabled' | 'no-marker' | 'ignored';

export interface ConfigProblem { file: string; line: number; problem: string }

export interface LintDecision {
  lint: boolean;
  reason: LintReason | SkipReason;
  settings: Settings;
  configFile: string | null;
  configError?: ConfigProblem;
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
  const skip = (reason: SkipReason): LintDecision => ({ lint: false, reason, settings: {}, configFile: null });
  if (!isMarkdown(doc)) return skip('not-markdown');
  if (!editor.enable && !forced) return skip('disabled');

  let config: LoadedConfig | null = null;
  let configError: ConfigProblem | undefined;
  const path = pathOf(doc.uri);
  if (path) {
    try { config = lookup(path); } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      configError = { file: err.file, line: err.line, problem: err.problem };
    }
  }
  const governed = !!config?.file || !!configError;
  const settings = mergeSettings(editor, config?.settings ?? {});
  const decision = (reason: LintReason): LintDecision => ({ lint: true, reason, settings, configFile: config?.file ?? configError?.file ?? null, ...(configError && { configError }) });

  if (forced) return decision('command');
  if (declaresClauselint(doc.text)) return decision('front-matter');
  if (governed) return config && path && config.isIgnored(path) ? skip('ignored') : decision('config');
  return skip('no-marker');
}
