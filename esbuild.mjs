// One esbuild step per entry point; every bundle is self-contained so the package ships no node_modules.
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const production = process.argv.includes('--production');

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
  };
}
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

await Promise.all([
  build({ ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node\n' + importMetaUrl.banner.js } }),
  build({ ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.cjs', banner: { js: '#!/usr/bin/env node\n' + importMetaUrl.banner.js } }),
  build({ ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
]);
