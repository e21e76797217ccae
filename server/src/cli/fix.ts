/**
 * `--fix` and `--fix-dry-run` for one file: which edits (fixes by default, suggestions when asked), what
 * to say about them, and a write that keeps the file what it was: through a symlink to its target, with
 * its mode and owner, never over a read-only file or over changes saved since it was read.
 */
import { accessSync, chmodSync, chownSync, constants, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { compileGlob } from '../glob.js';
import type { AnalysisDetails } from '../engine/analyze.js';
import { applyEdits, planFix, standardTextSpans, type FixPlan } from '../engine/fixes.js';
import type { LoadedConfig } from '../config.js';
import { declaresClauselint } from '../lsp/contracts.js';
import { printable } from './printable.js';
import { s } from './strings.js';
import type { Language } from '../engine/types.js';

export const FIX_TYPES = ['fix', 'suggestion'] as const;
export type FixType = (typeof FIX_TYPES)[number];

/** A file --fix leaves alone, with the one line that says why. */
export class FixRefused extends Error {}

/** What was read, to tell right before the write whether the file changed since. */
export interface ReadState { bytes: Buffer; mtimeMs: number; size: number }

export function readForFix(path: string): ReadState {
  const before = statSync(path);
  const bytes = readFileSync(path);
  return { bytes, mtimeMs: before.mtimeMs, size: before.size };
}

/**
 * Whether a file found in a folder is a contract, as the language server decides: `clauselint` front
 * matter, or a folder governed by a configuration file. A file named on the command line always is.
 */
export function isContractToFix(text: string, config: LoadedConfig, explicit: boolean): boolean {
  return explicit || declaresClauselint(text) || Boolean(config.file);
}

/** Whether the configuration's `standardTexts` globs name this file. */
export function configMarksStandard(config: LoadedConfig, path: string): boolean {
  const globs = config.settings.standardTexts ?? [];
  if (!globs.length) return false;
  const rel = relative(config.dir, resolve(path)).split(sep).join('/');
  return !rel.startsWith('..') && globs.some((g) => compileGlob(g)(rel));
}

export interface FileFix { plan: FixPlan; fixed: string; suggested: string }

/** The edits for one analysed file, and the text with them applied (`suggested`: with the suggestions left too). */
export function fixFile(text: string, result: AnalysisDetails, types: FixType[], standard: boolean): FileFix {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const marked = result.standardText;
  const plan = planFix(result, {
    fixes: types.includes('fix'), suggestions: types.includes('suggestion'),
    standardText: standard || marked === true,
    protectedSpans: Array.isArray(marked) ? standardTextSpans(result.model, marked) : [],
  });
  const fixed = bom + applyEdits(body, plan.edits);
  const suggested = plan.suggestions.length ? bom + applyEdits(body, plan.suggestions.flatMap((s) => s.fix.edits)) : text;
  return { plan, fixed, suggested };
}

type Counted = 'inserted' | 'completed' | 'applied' | 'left' | 'fixes';
const counted = (lang: Language, n: number, what: Counted) => (n === 1 ? s(lang, `fix.${what}.1`) : s(lang, `fix.${what}.n`, { n }));

/** One line per file, in the contract's language: what --fix changed (or would change), and what it left for the user. */
export function fixSummary(shown: string, plan: FixPlan, dryRun: boolean, lang: Language = 'en'): string {
  const file = printable(shown);
  if (plan.standardText) {
    return `${s(lang, 'fix.standardText', { file, withheld: plan.withheld ? ` (${s(lang, 'fix.withheldShort', { fixes: counted(lang, plan.withheld, 'fixes') })})` : '' })}\n`;
  }
  const parts = [
    counted(lang, plan.inserted, 'inserted'),
    counted(lang, plan.completed, 'completed'),
    ...(plan.replaced ? [counted(lang, plan.replaced, 'applied')] : []),
    counted(lang, plan.suggestions.length, 'left') + (plan.suggestions.length ? s(lang, 'fix.applyThem') : ''),
    ...(plan.withheld ? [s(lang, 'fix.withheld', { fixes: counted(lang, plan.withheld, 'fixes') })] : []),
  ];
  return `${s(lang, dryRun ? 'fix.dryRunSummary' : 'fix.summary', { file, parts: parts.join(', ') })}\n`;
}

function sameFile(a: Stats, b: ReadState, bytes: Buffer): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && bytes.equals(b.bytes);
}

/**
 * Writes `text` over the file that `read` came from: to the symlink's target, by a temporary file in
 * the target's folder and a rename, with the original mode and (where allowed) owner. Refuses a
 * read-only file, and a file whose content changed on disk since it was read (nothing is lost).
 */
export function writeFixed(path: string, shown: string, read: ReadState, text: string, lang: Language = 'en'): void {
  const target = realpathSync(path);
  const st = statSync(target);
  let writable = (st.mode & 0o222) !== 0;
  try { accessSync(target, constants.W_OK); } catch { writable = false; }
  if (!writable) throw new FixRefused(s(lang, 'fix.readOnly', { file: shown }));
  const changed = () => {
    const now = statSync(target);
    return !sameFile(now, read, readFileSync(target));
  };
  if (changed()) throw new FixRefused(s(lang, 'fix.changedOnDisk', { file: shown }));
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.clauselint.tmp`);
  try {
    writeFileSync(tmp, text, { mode: st.mode & 0o7777 });
    try { chownSync(tmp, st.uid, st.gid); } catch { /* not permitted: the owner stays the user's */ }
    chmodSync(tmp, st.mode & 0o7777);
    // The last look before the rename: an edit saved while --fix ran wins.
    if (changed()) throw new FixRefused(s(lang, 'fix.changedOnDisk', { file: shown }));
    renameSync(tmp, target);
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw err;
  }
}
