/** The shared corpus (../shared/corpus beside the project), when present: real contracts for speed and robustness. */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus');

export function corpusFiles(): string[] {
  if (!existsSync(CORPUS)) return [];
  const open = join(CORPUS, 'open');
  const cuad = join(CORPUS, 'cuad', 'contracts');
  return [
    ...readdirSync(open).filter((f) => f.endsWith('.md')).sort().map((f) => join(open, f)),
    ...readdirSync(cuad).filter((f) => f.endsWith('.md')).sort().map((f) => join(cuad, f)),
  ];
}
