/** Expands the command's arguments into Markdown files: files as given, folders searched, globs matched. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Language, Localized } from '../engine/types.js';

/** A mistake in how the command was called: its text in both languages, or in English where only that was written. */
export class UsageError extends Error {
  constructor(readonly texts: Localized | string) { super(typeof texts === 'string' ? texts : texts.en); }
  text(lang: Language): string { return typeof this.texts === 'string' ? this.texts : this.texts[lang]; }
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);
const isGlob = (s: string) => /[*?[\]{}]/.test(s);

function walk(dir: string, out: string[]): void {
  let entries;
  // An unreadable subfolder is listed as it is: reading it then fails, for that entry alone.
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { out.push(dir); return; }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) { if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name), out); }
    else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) out.push(join(dir, entry.name));
  }
}

export function expandPaths(args: string[], cwd = process.cwd()): string[] {
  return expandInputs(args, cwd).map((i) => i.path);
}

/** The files with how each was named: `explicit` when given as a file, not found in a folder or by a glob. */
export function expandInputs(args: string[], cwd = process.cwd()): { path: string; explicit: boolean }[] {
  const explicit = new Set<string>();
  const out: string[] = [];
  for (const arg of args) {
    if (isGlob(arg)) {
      const { base } = picomatch.scan(arg);
      const root = resolve(cwd, base || '.');
      if (!existsSync(root)) continue;
      const match = picomatch(arg.split(sep).join('/'), { dot: false });
      const found: string[] = [];
      walk(root, found);
      const absolute = isAbsolute(arg);
      for (const f of found) if (match((absolute ? f : relative(cwd, f)).split(sep).join('/'))) out.push(f);
      continue;
    }
    const path = resolve(cwd, arg);
    if (!existsSync(path)) throw new UsageError({ en: `no such file or folder: ${arg}`, nl: `bestand of map bestaat niet: ${arg}` });
    if (statSync(path).isDirectory()) walk(path, out);
    else { out.push(path); explicit.add(path); }
  }
  return [...new Set(out)].map((path) => ({ path, explicit: explicit.has(path) }));
}
