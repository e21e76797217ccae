// `npm run package`: builds clauselint.vsix offline with `vsce package --no-dependencies`.
//
// package.json has a "files" list for the npm package (the CLI and the language server), and vsce refuses
// a "files" list next to a .vscodeignore. So the extension is staged in a temporary folder: the shipped
// files and a package.json without "files", where .vscodeignore alone says what goes into the .vsix.
// Run after `node esbuild.mjs --production` (the package script does both).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, process.argv[2] ?? 'clauselint.vsix');
const LIMIT = 2 * 1024 * 1024;

const bundles = ['dist/client.cjs', 'dist/server.cjs', 'dist/client-web.cjs', 'dist/server-web.js'];
for (const b of bundles.slice(0, 2)) if (!existsSync(join(root, b))) throw new Error(`${b} is missing: run node esbuild.mjs --production first`);

const stage = mkdtempSync(join(tmpdir(), 'clauselint-vsix-'));
try {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const key of ['files', 'scripts', 'devDependencies', 'dependencies', 'allowScripts', 'bin', 'exports', 'types']) delete manifest[key];
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  // The marketplace page is the extension's own README (client/README.md), not the developer README.
  const top = readdirSync(root).filter((f) => /^(?:LICENSE|LICENCE|CHANGELOG|NOTICE)(?:\.|$)/i.test(f) || /^package\.nls(?:\.[\w-]+)?\.json$/.test(f));
  cpSync(join(root, 'client', 'README.md'), join(stage, 'README.md'));
  for (const path of [...bundles, '.vscodeignore', 'syntaxes', 'l10n', 'docs', 'media', 'schemas', ...top]) {
    const from = join(root, path);
    // README pictures (docs/images) are shown from the repository, not shipped; vsce's negated patterns
    // would let them through a .vscodeignore exclusion.
    if (existsSync(from)) cpSync(from, join(stage, path), { recursive: true, filter: (src) => !src.startsWith(join(root, 'docs', 'images')) });
  }
  const vsce = join(root, 'test', 'editor', 'node_modules', '@vscode', 'vsce', 'vsce'); // test/editor/install.mjs puts it there
  const args = [vsce, 'package', '--no-dependencies', '--out', out];
  const run = spawnSync(process.execPath, args, { cwd: stage, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const size = statSync(out).size;
console.log(`${out}: ${(size / 1024).toFixed(0)} KB (limit ${LIMIT / 1024} KB)`);
if (size > LIMIT) { console.error('The .vsix is over 2 MB.'); process.exit(1); }
