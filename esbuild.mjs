// One esbuild step per entry point; every bundle is self-contained so the package ships no node_modules.
import { build } from 'esbuild';

const production = process.argv.includes('--production');

/** ESM sources use import.meta.url to find rules/; in a CommonJS bundle that is this file's URL. */
const importMetaUrl = {
  define: { 'import.meta.url': 'importMetaUrl' },
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
