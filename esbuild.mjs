// One esbuild step per entry point; every bundle is self-contained so the package ships no node_modules.
import { build } from 'esbuild';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// `npm pack` and `npm publish` run `prepare`: the published bundles are the production ones, without source maps.
const production = process.argv.includes('--production') || ['pack', 'publish'].includes(process.env.npm_command ?? '');

/** The rules folder, embedded in every bundle: the engine then needs no files at run time (nor fs, on the web). */
function rulesFolder(dir = 'rules') {
  const read = (file) => parse(readFileSync(join(dir, file), 'utf8'));
  const yamlFiles = (sub) => readdirSync(join(dir, sub), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(sub, e.name)) : e.name.endsWith('.yaml') ? [join(sub, e.name)] : []));
  return {
    topics: yamlFiles('topics').map((file) => ({ file, data: read(file) })),
    applicability: read('applicability.yaml'),
    language: read('language.yaml'),
    catalogue: yamlFiles('catalogue').map(read),
    checklists: yamlFiles('checklists').map((file) => ({ file, data: read(file) })),
    explainers: read('explainers.yaml'),
  };
}
/** The library's run-time exports (server/src/api.ts), named again in dist/engine.mjs. */
const API_EXPORTS = ['VERSION', 'analyze', 'lint', 'lintText', 'fix', 'loadConfig', 'ConfigError', 'InputError', 'UsageError',
  'TOPIC_IDS', 'CONTRACT_TYPES', 'REGIMES', 'LANGUAGES', 'SEVERITIES'];
const rules = { __CLAUSELINT_RULES__: JSON.stringify(rulesFolder()) };

/** ESM sources use import.meta.url; in a CommonJS bundle that is this file's URL. */
const importMetaUrl = {
  define: { 'import.meta.url': 'importMetaUrl', ...rules },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const node = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: !production, minify: production,
  logLevel: 'warning', ...importMetaUrl,
};

/**
 * The command's entry answers --version and --help alone; it loads the command's own bundle for the rest,
 * by require: an import() would start node's ESM loader first (230 ms of CPU on one small contract).
 */
const commandBesideEntry = {
  name: 'command-beside-entry',
  setup(b) { b.onResolve({ filter: /^\.\/cli\/command\.js$/ }, () => ({ path: './cli-command.cjs', external: true })); },
};

await Promise.all([
  build({ ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node\n' + importMetaUrl.banner.js }, plugins: [commandBesideEntry], supported: { 'dynamic-import': false } }),
  build({ ...node, entryPoints: ['server/src/cli/command.ts'], outfile: 'dist/cli-command.cjs' }),
  build({ ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.cjs', banner: { js: '#!/usr/bin/env node\n' + importMetaUrl.banner.js } }),
  build({ ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
  // The library (`require('clauselint')`); dist/engine.mjs re-exports it for `import`.
  build({ ...node, entryPoints: ['server/src/api.ts'], outfile: 'dist/engine.cjs' }),
]);
writeFileSync('dist/engine.mjs', `// ESM entry of the library: the CommonJS bundle's exports, by name.
import engine from './engine.cjs';
export const { ${API_EXPORTS.join(', ')} } = engine;
export default engine;
`);

// ---- the web build (VS Code for the Web): the server in a web worker, the client in the browser host ----
const shim = 'server/src/lsp/web/node-shim.ts';
const nodeShims = Object.fromEntries(['fs', 'path', 'url', 'crypto'].flatMap((m) => [[m, `./${shim}`], [`node:${m}`, `./${shim}`]]));
const web = {
  bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: !production, minify: production,
  logLevel: 'warning', define: { 'import.meta.url': '"file:///clauselint/dist/server-web.js"', 'process.env.NODE_ENV': '"production"', ...rules },
};
await Promise.all([
  // conditions: ['worker'] keeps decode-named-character-reference from calling `document`, which a worker lacks.
  build({ ...web, entryPoints: ['server/src/lsp/web/server-web.ts'], outfile: 'dist/server-web.js', conditions: ['worker'], alias: nodeShims }),
  build({ ...web, entryPoints: ['client/src/extension-web.ts'], outfile: 'dist/client-web.cjs', format: 'cjs', external: ['vscode'] }),
]);

// ---- the library's types (dist/types/api.d.ts): for production builds and `npm pack` (tsc takes seconds the
// Quick start need not spend). Type errors are the type check's business; here only the declarations must come out.
if (production || process.argv.includes('--types')) {
  const { spawnSync } = await import('node:child_process');
  const { existsSync, rmSync } = await import('node:fs');
  rmSync('dist/types', { recursive: true, force: true });
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'server/tsconfig.api.json'], { stdio: 'ignore' });
  if (!existsSync('dist/types/api.d.ts')) throw new Error('dist/types/api.d.ts was not emitted: run npx tsc -p server/tsconfig.api.json');
}
