/**
 * Clauselint as a library: `require('clauselint')` or `import … from 'clauselint'` (dist/engine.cjs, with
 * dist/engine.mjs and dist/types/api.d.ts). No editor, no `vscode`: the engine, the configuration lookup
 * and --fix, returning the same objects as `clauselint --format json` (version 1): lint() decides and
 * analyses each file with the command's own functions (cli/lint-files.ts).
 *
 *   import { lint, lintText, fix, loadConfig } from 'clauselint';
 *   const report = lint(['contracts/']);                 // { version: 1, files: [...] }, as --format json
 *   const file = lintText(text, { filePath: 'msa.md' }); // one JsonFile
 *   const { output } = fix(text, { filePath: 'msa.md' }); // the text with missing clauses inserted
 */
import { relative, resolve } from 'node:path';
import { analyze as analyzeText } from './engine/analyze.js';
import { readContractFile } from './engine/input.js';
import { LinePositions } from './engine/lines.js';
import { toJsonFile, toJsonReport, type FileResult, type JsonFile, type JsonReport } from './engine/report.js';
import type { Settings } from './engine/types.js';
import { ConfigLookup, type LoadedConfig } from './config.js';
import { expandInputs } from './cli/files.js';
import { configMarksStandard, fixFile, type FixType } from './cli/fix.js';
import { entryOf } from './cli/entry.js';
import { loadIgnores } from './cli/ignore.js';
import { fileJob, isIgnoredFile, isLinted, lintedFile } from './cli/lint-files.js';
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
  /** Lint ignored files too: the configuration's `ignores`, .clauselintignore and `ignorePatterns` (as `--no-ignore`). */
  noIgnore?: boolean;
  /** Globs of files not to lint, besides a .clauselintignore in `cwd` (as `--ignore-pattern`). */
  ignorePatterns?: string[];
  /** In folders and globs, every Markdown file, not only contracts (as `--all`). */
  all?: boolean;
  /** Report disable comments that switch nothing off, as errors (as `--report-unused-disable-directives`). */
  reportUnusedDisableDirectives?: boolean;
}

export interface LintTextOptions extends Pick<LintOptions, 'cwd' | 'configFile' | 'settings' | 'reportUnusedDisableDirectives'> {
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
  return toJsonFile(lintedFile(options.filePath ?? '<text>', fileJob(text, configFor(path), options.settings ?? {}, Boolean(options.reportUnusedDisableDirectives))));
}

/**
 * Lints files, folders and globs, as `clauselint --format json …` would: ignored files and, in folders and
 * globs, files that are no contract are left out. A file that cannot be read throws (InputError, or the
 * file system's error), where the command reports it and goes on.
 */
export function lint(patterns: string[], options: LintOptions = {}): JsonReport {
  const { cwd, configFor } = context(options);
  const ignores = options.noIgnore ? undefined : loadIgnores(cwd, options.ignorePatterns ?? []);
  const files: FileResult[] = [];
  for (const { path, explicit } of expandInputs(patterns, cwd)) {
    const config = configFor(path);
    if (!options.noIgnore && isIgnoredFile(path, config, ignores)) continue;
    const text = readContractFile(path);
    if (!isLinted(text, config, explicit, Boolean(options.all))) continue;
    files.push(lintedFile(relative(cwd, path) || path, fileJob(text, config, options.settings ?? {}, Boolean(options.reportUnusedDisableDirectives))));
  }
  return toJsonReport(files);
}

/** The text with the fixes `--fix` would make (standard texts are left alone), and its findings after them. */
export function fix(text: string, options: FixOptions = {}): FixResult {
  const { cwd, configFor } = context(options);
  const path = resolve(cwd, options.filePath ?? 'contract.md');
  const config = configFor(path);
  const job = fileJob(text, config, options.settings ?? {}, Boolean(options.reportUnusedDisableDirectives));
  const before = analyzeText(text, job.settings, job.options);
  const { fixed } = fixFile(text, before, options.fixTypes ?? ['fix'], configMarksStandard(config, path));
  const after = fixed === text ? before : analyzeText(fixed, job.settings, job.options);
  const { result, lineStarts } = entryOf({ ...job, text: fixed }, after);
  return { output: fixed, fixed: fixed !== text, result: toJsonFile({ path: options.filePath ?? '<text>', result, lines: new LinePositions(lineStarts) }) };
}
