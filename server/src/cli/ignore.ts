/**
 * Files the command leaves alone besides a configuration's `ignores`: the lines of `.clauselintignore` in the
 * working folder (gitignore syntax: `#` comments, `!` to take a file back, a trailing `/` for a folder, a
 * leading `/` or an inner `/` anchoring to the folder) and each `--ignore-pattern`. `--no-ignore` turns
 * these and the configuration's `ignores` off. Globs are matched without regular expressions (glob.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { compileGlob, GlobError } from '../glob.js';
import { UsageError } from './files.js';
import { problemText } from '../engine/setting-problems.js';
import { trimEndOf } from '../engine/trim-end.js';

export const IGNORE_FILE = '.clauselintignore';

interface Rule { negated: boolean; match: (path: string) => boolean }

/** One gitignore-style line as globs over a path relative to the base folder. */
function compileLine(line: string, where: string): Rule | undefined {
  let pattern = line.trim();
  if (!pattern || pattern.startsWith('#')) return undefined;
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  const folder = pattern.endsWith('/');
  pattern = trimEndOf(pattern, '/');
  const anchored = pattern.startsWith('/') || pattern.includes('/');
  pattern = pattern.replace(/^\/+/, '');
  if (!pattern) return undefined;
  const base = anchored ? pattern : `**/${pattern}`;
  try {
    const self = compileGlob(base), inside = compileGlob(`${base}/**`);
    return { negated, match: (p) => (!folder && self(p)) || inside(p) };
  } catch (err) {
    if (err instanceof GlobError) {
      const problem = { ...err.problem, values: { ...err.problem.values, where: line.trim() } };
      throw new UsageError({ en: `${where}: ${problemText(problem, 'en')}`, nl: `${where}: ${problemText(problem, 'nl')}` });
    }
    throw err;
  }
}

export interface Ignores { isIgnored(path: string): boolean; file: string | null }

/** The ignore rules for a run in `cwd`: its .clauselintignore, then the --ignore-pattern globs. */
export function loadIgnores(cwd: string, patterns: string[]): Ignores {
  const file = join(cwd, IGNORE_FILE);
  const rules: Rule[] = [];
  const present = existsSync(file);
  if (present) {
    readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, i) => {
      const rule = compileLine(line, `${IGNORE_FILE} line ${i + 1}`);
      if (rule) rules.push(rule);
    });
  }
  for (const p of patterns) { const rule = compileLine(p, '--ignore-pattern'); if (rule) rules.push(rule); }
  return {
    file: present ? file : null,
    isIgnored: (path) => {
      if (!rules.length) return false;
      const rel = relative(cwd, resolve(path)).split(sep).join('/');
      if (rel.startsWith('..')) return false;
      let ignored = false;
      for (const r of rules) if (r.match(rel)) ignored = !r.negated;
      return ignored;
    },
  };
}
