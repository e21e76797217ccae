/**
 * The npm package and the CI integrations (issue 12): `npm run pack`'s tarball installs from itself alone
 * (offline, no dependencies) into an empty prefix, puts `clauselint` and `clauselint-language-server` on
 * the PATH, gives the library to require() and import, and stays small; the GitHub Action's command and
 * the pre-commit hook's entry run against a folder of contracts.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { BUNDLE, NO_BUNDLE, REPO, SMALL_CONTRACT, tempTree } from '../cli-fixtures/harness.js';

const NO_ENGINE = NO_BUNDLE || (existsSync(join(REPO, 'dist', 'engine.cjs')) ? false : 'dist/engine.cjs is missing: run npm run build first');
const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1' };

function du(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, e) => n + du(join(path, e)), 0);
}

describe('the npm package', { skip: NO_ENGINE }, () => {
  const work = mkdtempSync(join(tmpdir(), 'clauselint-pack-'));
  const prefix = join(work, 'prefix');
  let tarball = '';
  let installed = '';
  const bin = (name: string) => join(prefix, 'bin', name);

  before(() => {
    const pack = spawnSync(process.execPath, [join(REPO, 'server', 'package-npm.mjs'), '--ignore-scripts', '--out', work], { cwd: REPO, encoding: 'utf8', env });
    assert.equal(pack.status, 0, pack.stderr);
    tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
    // From the tarball alone: offline, with an empty cache.
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--cache', join(work, 'cache'), tarball], { encoding: 'utf8', env });
    assert.equal(install.status, 0, install.stderr);
    assert.doesNotMatch(install.stderr, /EBADENGINE|install-scripts/, 'no warnings');
    installed = join(prefix, 'lib', 'node_modules', 'clauselint');
  });

  test('holds the bundles, rules, schemas and docs, and no maps, sources or editor bundles', () => {
    const list = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    for (const must of ['package/dist/cli.cjs', 'package/dist/cli-command.cjs', 'package/dist/server.cjs', 'package/dist/engine.cjs', 'package/dist/engine.mjs', 'package/dist/types/api.d.ts',
      'package/LICENSE', 'package/CHANGELOG.md', 'package/README.md', 'package/schemas/clauselintrc.schema.json', 'package/docs/rules/insurance.md']) {
      assert.ok(list.includes(must), `${must} is packed`);
    }
    for (const name of list) assert.doesNotMatch(name, /\.map$|client|server-web|\.ts$(?<!\.d\.ts)|^package\/(?:server|test|examples|node_modules)\//, `${name} should not be packed`);
    const manifest = JSON.parse(spawnSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout);
    assert.equal(manifest.dependencies, undefined, 'no runtime dependencies: the bundles hold them');
    assert.equal(manifest.scripts, undefined, 'no install scripts to approve');
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
  });

  test('installs one package, well under 10 MB', () => {
    assert.deepEqual(readdirSync(join(prefix, 'lib', 'node_modules')), ['clauselint']);
    assert.ok(!existsSync(join(installed, 'node_modules')), 'no dependencies installed');
    const size = du(installed);
    assert.ok(size < 10 * 1024 * 1024, `installed size ${(size / 1024 / 1024).toFixed(1)} MB`);
  });

  test('clauselint and clauselint-language-server run from the PATH', async () => {
    const dir = tempTree({ 'a.md': SMALL_CONTRACT });
    const PATH = `${join(prefix, 'bin')}${delimiter}${process.env.PATH}`;
    const version = spawnSync('clauselint', ['--version'], { encoding: 'utf8', env: { ...env, PATH } });
    assert.equal(version.status, 0, version.stderr);
    const lint = spawnSync('clauselint', ['--format', 'json', 'a.md'], { cwd: dir, encoding: 'utf8', env: { ...env, PATH } });
    assert.equal(lint.status, 0, lint.stderr);
    assert.equal(JSON.parse(lint.stdout).files[0].path, 'a.md');
    const report = spawnSync('clauselint', ['report', 'a.md', '--regimes', 'gdpr', '--format', 'markdown'], { cwd: dir, encoding: 'utf8', env: { ...env, PATH } });
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /\| GDPR art\. 28\(3\)\(c\) \|/, 'the review report has its checklists');
    // The language server answers initialize over stdio.
    const server = spawn(bin('clauselint-language-server'), ['--stdio'], { env: { ...env, PATH } });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const reply = await new Promise<string>((done, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`no initialize reply: ${out}`)), 15_000);
      server.stdout.on('data', (d) => { out += d; if (/"capabilities"/.test(out)) { clearTimeout(timer); done(out); } });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    server.kill();
    assert.match(reply, /"textDocumentSync"/);
  });

  test('require() and import of the library from a scratch project', () => {
    const project = tempTree({ 'package.json': '{"name":"scratch","private":true}', 'a.md': SMALL_CONTRACT });
    const add = spawnSync('npm', ['install', '--offline', '--cache', join(work, 'cache'), tarball], { cwd: project, encoding: 'utf8', env });
    assert.equal(add.status, 0, add.stderr);
    writeFileSync(join(project, 'use.cjs'), "const { lintText, lint } = require('clauselint'); const f = lintText(require('fs').readFileSync('a.md', 'utf8'), { filePath: 'a.md' }); console.log(JSON.stringify({ n: f.diagnostics.length, files: lint(['a.md']).files.length }));");
    writeFileSync(join(project, 'use.mjs'), "import { fix, loadConfig, VERSION } from 'clauselint'; import { readFileSync } from 'node:fs'; console.log(JSON.stringify({ fixed: fix(readFileSync('a.md', 'utf8'), { filePath: 'a.md' }).fixed, config: loadConfig('a.md').file, VERSION }));");
    writeFileSync(join(project, 'use.ts'), "import { lintText, type JsonFile } from 'clauselint';\nconst f: JsonFile = lintText('# x', { filePath: 'x.md' });\nexport const n: number = f.diagnostics.length;\n");
    const cjs = spawnSync(process.execPath, ['use.cjs'], { cwd: project, encoding: 'utf8' });
    assert.equal(cjs.status, 0, cjs.stderr);
    const c = JSON.parse(cjs.stdout);
    assert.ok(c.n > 0 && c.files === 1);
    const mjs = spawnSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' });
    assert.equal(mjs.status, 0, mjs.stderr);
    assert.deepEqual(JSON.parse(mjs.stdout), { fixed: true, config: null, VERSION: '0.1.0' });
    const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node', '--typeRoots', join(REPO, 'node_modules', '@types'), 'use.ts'], { cwd: project, encoding: 'utf8' });
    assert.equal(tsc.status, 0, `the types resolve: ${tsc.stdout}`);
  });
});

describe('CI integrations', { skip: NO_BUNDLE }, () => {
  const tree = () => tempTree({ 'contracts/.clauselintrc.json': '{"type":"saas"}', 'contracts/msa.md': SMALL_CONTRACT, 'notes.txt': 'not a contract' });

  test('action.yml: a composite action whose step runs clauselint --format github', () => {
    const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8'));
    assert.equal(action.runs.using, 'composite');
    assert.match(action.runs.steps[0].run, /action\/run\.sh/);
    const dir = tree();
    const run = spawnSync('bash', [join(REPO, 'action', 'run.sh')], {
      cwd: dir, encoding: 'utf8',
      env: { ...env, CLAUSELINT_BIN: `${process.execPath} ${BUNDLE}`, CLAUSELINT_FILES: 'contracts', CLAUSELINT_MAX_WARNINGS: '-1', CLAUSELINT_ARGS: '--regimes gdpr' },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^::warning file=contracts\/msa\.md,line=\d+/m);
    const strict = spawnSync('bash', [join(REPO, 'action', 'run.sh')], {
      cwd: dir, encoding: 'utf8', env: { ...env, CLAUSELINT_BIN: `${process.execPath} ${BUNDLE}`, CLAUSELINT_FILES: 'contracts', CLAUSELINT_MAX_WARNINGS: '0' },
    });
    assert.equal(strict.status, 1, 'max-warnings fails the step');
  });

  test('.pre-commit-hooks.yaml: the hook\'s entry and args on the files it selects', () => {
    const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; args?: string[]; files: string; language: string }[];
    const hook = hooks.find((h) => h.id === 'clauselint')!;
    assert.equal(hook.language, 'node');
    const dir = tree();
    const files = ['contracts/msa.md', 'notes.txt'].filter((f) => new RegExp(hook.files).test(f));
    assert.deepEqual(files, ['contracts/msa.md']);
    const [command, ...entryArgs] = hook.entry.split(' ');
    assert.equal(command, 'clauselint', 'the entry is the package\'s bin');
    const run = spawnSync(process.execPath, [BUNDLE, ...entryArgs, ...(hook.args ?? []), ...files], { cwd: dir, encoding: 'utf8', env });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /msa\.md/);
  });
});
