/**
 * What `clauselint` and the library's lint() decide alike, file by file, so the two cannot drift:
 * whether a file is ignored, whether it is linted, and what its analysis is (the same report entry).
 */
import type { LoadedConfig } from '../config.js';
import { LinePositions } from '../engine/lines.js';
import type { FileResult } from '../engine/report.js';
import type { Settings } from '../engine/types.js';
import { playbookFor } from './catalogue.js';
import { analyseForReport, type FileJob } from './entry.js';
import { isContractToFix } from './fix.js';
import type { Ignores } from './ignore.js';

/** Ignored by the configuration's `ignores`, or by .clauselintignore and --ignore-pattern (`ignores`). */
export function isIgnoredFile(path: string, config: LoadedConfig, ignores: Ignores | undefined): boolean {
  return config.isIgnored(path) || Boolean(ignores?.isIgnored(path));
}

/** Linted: a file named as such, or in a folder or glob a contract (front matter, a configuration); with `all` every Markdown file. */
export function isLinted(text: string, config: LoadedConfig, explicit: boolean, all: boolean): boolean {
  return explicit || all || isContractToFix(text, config, false);
}

/** A file's analysis: `settings` over the configuration's, its playbook, and the checks of its disable comments. */
export function fileJob(text: string, config: LoadedConfig, settings: Settings, reportUnusedDirectives: boolean): FileJob {
  return { text, settings: { ...config.settings, ...settings }, options: { playbook: playbookFor(config) }, reportUnusedDirectives };
}

/** A file's report entry under the name it is reported by. */
export function lintedFile(name: string, job: FileJob): FileResult {
  const { result, lineStarts } = analyseForReport(job);
  return { path: name, result, lines: new LinePositions(lineStarts) };
}
