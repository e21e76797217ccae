/**
 * Stand-ins for node:fs, node:path, node:url and node:crypto in the web worker build (esbuild aliases them
 * here). On the web there are no configuration files, no playbook folders and no rules folder to read (the
 * rules are embedded in the bundle): a file never exists, and reading one is an error. Paths are POSIX.
 * Nothing on the web hashes: the review report's script hash is for the file `clauselint report` writes.
 */
export const sep = '/';

export function existsSync(_path: string): boolean { return false; }
export function readFileSync(path: string): never { throw new Error(`${path}: no file system in a web worker`); }
export function readdirSync(path: string): never { throw new Error(`${path}: no file system in a web worker`); }
export function realpathSync(path: string): never { throw new Error(`${path}: no file system in a web worker`); }

function normalize(parts: string[]): string {
  const out: string[] = [];
  for (const p of parts.join('/').split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop(); else out.push(p);
  }
  return '/' + out.join('/');
}
export function join(...parts: string[]): string { return normalize(parts); }
export function resolve(...parts: string[]): string {
  const from = parts.reduce((acc, p) => (p.startsWith('/') ? p : `${acc}/${p}`), '/');
  return normalize([from]);
}
export function isAbsolute(path: string): boolean { return path.startsWith('/'); }
export function dirname(path: string): string {
  const n = normalize([path]);
  return n.slice(0, n.lastIndexOf('/')) || '/';
}
export function relative(from: string, to: string): string {
  const a = normalize([from]).split('/').filter(Boolean), b = normalize([to]).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
export function fileURLToPath(url: string | URL): string { return decodeURIComponent(new URL(String(url)).pathname); }
export function pathToFileURL(path: string): URL { return new URL(`file://${encodeURI(path)}`); }

export function createHash(_algorithm: string): never { throw new Error('no hashing in a web worker'); }

export default { createHash, sep, existsSync, readFileSync, readdirSync, join, resolve, dirname, relative, fileURLToPath, pathToFileURL };
