/**
 * Clauselint as a library: `require('clauselint')` or `import … from 'clauselint'` (dist/engine.cjs, with
 * dist/engine.mjs and dist/types/api.d.ts). No editor, no `vscode`: the engine, the configuration lookup
 * and --fix, returning the same objects as `clauselint --format json` (version 1).
 *
 *   import { lint, lintText, fix, loadConfig } from 'clauselint';
 *   const report = lint(['contracts/']);                 // { version: 1, files: [...] }, as --format json
 *   const file = lintText(text, { filePath: 'msa.md' }); // one JsonFile
 *   const { output } = fix(text, { filePath: 'msa.md' }); // the text with missing clauses inserted
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { analyze as analyzeText, type AnalysisDetails } from './engine/analyze.js';
import { decodeContract } from './engine/input.js';
import { toJsonFile, toJsonReport, type JsonFile, type JsonReport } from './engine/report.js';
import type { Settings } from './engine/types.js';
import { ConfigLookup, type LoadedConfig } from './config.js';
import { expandInputs } from './cli/files.js';
import { configMarksStandard, fixFile, type FixType } from './cli/fix.js';
import { playbookFor } from './cli/catalogue.js';
import { VERSION } from './cli/main.js';

export { VERSION };
export { analyzeText as analyze };
export { ConfigError } from './config.js';
export { InputError } from './engine/input.js';
export { UsageError } from './cli/files.js';
export { TOPIC_IDS, CONTRACT_TYPES, REGIMES, LANGUAGES, SEVERITIES } from './engine/types.js';
export type { AnalysisDetails, AnalyzeOptions } from './engine/analyze.js';
export type { JsonDiagnostic, JsonFile, JsonReport } from './engine/report.js';
export type { FixType } from './cli/fix.js';
export type {
  AnalysisResult, ContractType, Finding, Fix, Language, Regime, Settings, Severity, SeveritySetting, Span, TextEdit, TopicId, TopicResult, TopicStatus,
} from './engine/types.js';

export interface LintOptions {
  /** The folder paths are relative to (in results too); `process.cwd()` by default. */
  cwd?: string;
  /** A configuration file to use instead of the nearest one (as `--config`). */
  configFile?: string;
  /** Settings over the configuration's (as `--type`, `--regimes`, `--lang`). */
  settings?: Settings;
  /** Lint files that the configuration's `ignores` name (as `--no-ignore`). */
  noIgnore?: boolean;
}

export interface LintTextOptions extends Omit<LintOptions, 'noIgnore'> {
  /** The file the text is from: its name is reported and its nearest configuration applies. */
  filePath?: string;
}

export interface FixOptions extends LintTextOptions {
  /** What to apply: `fix` (edits that keep every word; the default) and/or `suggestion`. */
  fixTypes?: FixType[];
}

export interface FixResult {
  /** The text with the fixes applied (the input when nothing applied). */
  output: string;
  /** Whether `output` differs from the input. */
  fixed: boolean;
  /** The findings of the fixed text. */
  result: JsonFile;
}

export interface ClauselintConfig {
  /** The configuration file that applies, or null when none does. */
  file: string | null;
  settings: Settings;
  /** Whether its `ignores` name this path. */
  isIgnored(path: string): boolean;
}

function context(options: LintOptions) {
  const cwd = resolve(options.cwd ?? process.cwd());
  const lookup = new ConfigLookup();
  const configFor = (path: string): LoadedConfig => lookup.find(path, options.configFile && resolve(cwd, options.configFile));
  return { cwd, configFor };
}

function analyzeIn(text: string, config: LoadedConfig, extra: Settings | undefined): AnalysisDetails {
  return analyzeText(text, { ...config.settings, ...extra }, { playbook: playbookFor(config) });
}

/** The configuration that applies to a file (nearest first, or `configFile`). Throws ConfigError for a broken one. */
export function loadConfig(filePath: string, options: Pick<LintOptions, 'cwd' | 'configFile'> = {}): ClauselintConfig {
  const { cwd, configFor } = context(options);
  const config = configFor(resolve(cwd, filePath));
  return { file: config.file, settings: config.settings, isIgnored: config.isIgnored };
}

/** Lints one text, as `clauselint --stdin --stdin-filename filePath --format json` would. */
export function lintText(text: string, options: LintTextOptions = {}): JsonFile {
  const { cwd, configFor } = context(options);
  const path = resolve(cwd, options.filePath ?? 'contract.md');
  const result = analyzeIn(text, configFor(path), options.settings);
  return toJsonFile({ path: options.filePath ?? '<text>', result, lines: result.model.lines });
}

/** Lints files, folders and globs, as `clauselint --format json …` would (ignored files left out). */
export function lint(patterns: string[], options: LintOptions = {}): JsonReport {
  const { cwd, configFor } = context(options);
  const files = [];
  for (const { path } of expandInputs(patterns, cwd)) {
    const config = configFor(path);
    if (!options.noIgnore && config.isIgnored(path)) continue;
    const result = analyzeIn(decodeContract(readFileSync(path)), config, options.settings);
    files.push({ path: relative(cwd, path) || path, result, lines: result.model.lines });
  }
  return toJsonReport(files);
}

/** The text with the fixes `--fix` would make (standard texts are left alone), and its findings after them. */
export function fix(text: string, options: FixOptions = {}): FixResult {
  const { cwd, configFor } = context(options);
  const path = resolve(cwd, options.filePath ?? 'contract.md');
  const config = configFor(path);
  const before = analyzeIn(text, config, options.settings);
  const { fixed } = fixFile(text, before, options.fixTypes ?? ['fix'], configMarksStandard(config, path));
  const after = fixed === text ? before : analyzeIn(fixed, config, options.settings);
  return { output: fixed, fixed: fixed !== text, result: toJsonFile({ path: options.filePath ?? '<text>', result: after, lines: after.model.lines }) };
}
