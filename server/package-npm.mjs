// `npm run pack`: builds clauselint-<version>.tgz, the npm package (the command, the language server and the
// library), ready for `npm publish clauselint-<version>.tgz`.
//
// `npm pack` in the project builds the production bundles (esbuild.mjs, through `prepare`) and takes the
// "files" list; this script then stages those files with a published manifest: no scripts (an installer
// would list `prepare` as an install script to approve), no devDependencies, no editor contributions, and
// no dependencies at all, since every bundle is self-contained. The VS Code extension is packaged apart
// (client/package-vsix.mjs).
//
// `--check` (prepublishOnly) refuses `npm publish` from the project folder, which would publish the manifest
// as it is.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

if (process.argv.includes('--check')) {
  console.error(`Publish the staged package instead: npm run pack && npm publish ${manifest.name}-${manifest.version}.tgz`);
  process.exit(1);
}

const npmCli = process.env.npm_execpath;
const npm = (args, cwd) => {
  const r = spawnSync(npmCli ? process.execPath : 'npm', [...(npmCli ? [npmCli] : []), ...args], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) { process.stderr.write(r.stderr ?? ''); throw new Error(`npm ${args.join(' ')} failed`); }
  return r.stdout;
};

// 1. The file list npm would pack. This runs `prepare` (the production build and the library's types);
// `--ignore-scripts` packs dist/ as it is (the tests do, so as not to rebuild it under other tests).
const ignoreScripts = process.argv.includes('--ignore-scripts');
const outArg = process.argv.indexOf('--out');
const destination = outArg > 0 ? process.argv[outArg + 1] : root;
if (ignoreScripts) {
  // The library's types, which only production builds emit (esbuild.mjs).
  spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'server', 'tsconfig.api.json')], { cwd: root, stdio: 'ignore' });
}
const [dry] = JSON.parse(npm(['pack', '--dry-run', '--json', `--ignore-scripts=${ignoreScripts}`], root));
if (!dry.files.some((f) => f.path === 'dist/types/api.d.ts')) throw new Error('dist/types/api.d.ts is missing: run node esbuild.mjs --types');
const files = dry.files.map((f) => f.path).filter((p) => p !== 'package.json');

// 2. The published manifest.
const KEEP = ['name', 'version', 'description', 'keywords', 'license', 'author', 'repository', 'homepage', 'bugs', 'engines', 'bin', 'exports', 'types', 'files'];
const published = Object.fromEntries(KEEP.filter((k) => manifest[k] !== undefined).map((k) => [k, manifest[k]]));
published.engines = { node: manifest.engines.node };
published.main = './dist/engine.cjs';

const stage = mkdtempSync(join(tmpdir(), 'clauselint-npm-'));
try {
  for (const file of files) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(join(root, file), join(stage, file));
  }
  writeFileSync(join(stage, 'package.json'), JSON.stringify(published, null, 2) + '\n');
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', destination], stage));
  console.log(`${join(destination, packed.filename)}: ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked, ${packed.entryCount} files`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
