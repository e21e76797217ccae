/** Batch runs (issue 13): --cache, --concurrency and the progress line. Speed itself is measured by npm run bench. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { BUNDLE, NO_BUNDLE, REPO, SMALL_CONTRACT, cli, spawnCli, tempTree } from '../cli-fixtures/harness.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { progressFor } from '../../server/src/cli/progress.js';
import { analyseForReport, entryOf, type FileJob } from '../../server/src/cli/entry.js';
import { analyseAll, type Outcome } from '../../server/src/cli/pool.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { readRulesFolder } from '../../server/src/engine/rule-data.js';

// ---------------------------------------------------------------- --cache

const MARK = 'ANSWERED FROM THE CACHE';

/** Rewrites every cached finding's message, so that output from the cache shows the mark. */
function markCache(file: string, change: (data: { version: string; files: Record<string, { entry: { result: { findings: { message: string }[] } } }> }) => void = () => {}): void {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const cached of Object.values(data.files) as { entry: { result: { findings: { message: string }[] } } }[]) {
    for (const f of cached.entry.result.findings) f.message = MARK;
  }
  change(data);
  writeFileSync(file, JSON.stringify(data));
}

function cachedTree(): { cwd: string; cacheFile: string; run: () => ReturnType<typeof cli> } {
  const cwd = tempTree({ 'contracts/a.md': SMALL_CONTRACT, 'contracts/b.md': SMALL_CONTRACT.replace('Northwind', 'Fabrikam'), '.clauselintrc.json': '{ "type": "saas" }' });
  const cacheFile = join(cwd, 'lint.cache');
  return { cwd, cacheFile, run: () => cli(['contracts', '--cache', '--cache-location', 'lint.cache', '--format', 'json'], { cwd }) };
}

test('--cache: a warm run gives the output of a cold one, from the cache file', () => {
  const { cwd, cacheFile, run } = cachedTree();
  const uncached = cli(['contracts', '--format', 'json'], { cwd });
  const cold = run();
  assert.ok(existsSync(cacheFile));
  const warm = run();
  assert.equal(cold.code, uncached.code);
  assert.equal(cold.stdout, uncached.stdout);
  assert.equal(warm.stdout, uncached.stdout);
  markCache(cacheFile);
  assert.match(run().stdout, new RegExp(MARK), 'an unchanged file is not analysed again');
});

test('--cache: a file whose text changed is analysed again, the others are not', () => {
  const { cwd, cacheFile, run } = cachedTree();
  run();
  markCache(cacheFile);
  writeFileSync(join(cwd, 'contracts/a.md'), SMALL_CONTRACT + '\nThe Supplier shall encrypt Customer data at rest.\n');
  const report = JSON.parse(run().stdout) as { files: { path: string; diagnostics: { message: string }[] }[] };
  const byPath = Object.fromEntries(report.files.map((f) => [f.path.replace(/\\/g, '/'), f.diagnostics.map((d) => d.message)]));
  assert.ok(!byPath['contracts/a.md'].includes(MARK), 'the changed file is analysed');
  assert.ok(byPath['contracts/b.md'].every((m) => m === MARK), 'the unchanged file comes from the cache');
});

test('--cache: a changed configuration or command-line setting analyses again', () => {
  const { cwd, cacheFile, run } = cachedTree();
  // Configuration files are read once per process: a second one stands for the edited first.
  writeFileSync(join(cwd, 'edited.json'), '{ "type": "saas", "regimes": ["gdpr"] }');
  const withConfig = (file: string) => cli(['contracts', '--cache', '--cache-location', 'lint.cache', '--format', 'json', '--config', join(cwd, file)], { cwd }).stdout;
  withConfig('.clauselintrc.json');
  markCache(cacheFile);
  assert.match(withConfig('.clauselintrc.json'), new RegExp(MARK));
  assert.doesNotMatch(withConfig('edited.json'), new RegExp(MARK));
  run();
  markCache(cacheFile);
  assert.doesNotMatch(cli(['contracts', '--cache', '--cache-location', 'lint.cache', '--format', 'json', '--lang', 'nl'], { cwd }).stdout, new RegExp(MARK));
});

test('--cache: a warm run over the same files leaves the cache file as it is; one over other files rewrites it', () => {
  const { cwd, cacheFile, run } = cachedTree();
  run();
  // A trailing newline JSON allows and the cache never writes: it stays only where the file is not rewritten.
  writeFileSync(cacheFile, `${readFileSync(cacheFile, 'utf8')}\n`);
  run();
  assert.ok(readFileSync(cacheFile, 'utf8').endsWith('}\n'), 'not rewritten');
  cli(['contracts/a.md', '--cache', '--cache-location', 'lint.cache', '--format', 'json'], { cwd });
  assert.ok(readFileSync(cacheFile, 'utf8').endsWith('}'), 'rewritten: it keeps the entries of the last run only');
});

test('--cache: a cache written by another Clauselint version is not used', () => {
  const { cacheFile, run } = cachedTree();
  run();
  markCache(cacheFile, (data) => { data.version = '0.0.1-older'; });
  assert.doesNotMatch(run().stdout, new RegExp(MARK));
  markCache(cacheFile);
  assert.match(run().stdout, new RegExp(MARK), 'the rewritten cache has this version again');
});

test('--cache: .clauselintcache in the working folder by default, or in a folder given to --cache-location', () => {
  const cwd = tempTree({ 'a.md': SMALL_CONTRACT, 'cache/.keep': '' });
  assert.equal(cli(['a.md', '--cache'], { cwd }).code, 0);
  assert.ok(existsSync(join(cwd, '.clauselintcache')));
  cli(['a.md', '--cache', '--cache-location', 'cache'], { cwd });
  assert.ok(existsSync(join(cwd, 'cache', '.clauselintcache')));
  cli(['a.md', '--cache', '--cache-location', 'new/'], { cwd });
  assert.ok(existsSync(join(cwd, 'new', '.clauselintcache')), 'a path ending in a slash is a folder, made when missing');
});

test('--cache: a damaged cache file is started afresh, never a crash', () => {
  const cwd = tempTree({ 'a.md': SMALL_CONTRACT });
  const expected = cli(['a.md', '--format', 'json'], { cwd }).stdout;
  for (const damage of ['{ not json', 'null', '{"version":"0.1.0","files":{"x":1}}', JSON.stringify({ version: '0.1.0', files: { [join(cwd, 'a.md')]: { content: 'x', config: 'y', entry: null } } })]) {
    writeFileSync(join(cwd, '.clauselintcache'), damage);
    const r = cli(['a.md', '--cache', '--format', 'json'], { cwd });
    assert.equal(r.stdout, expected, damage);
    assert.equal(r.stderr, '', damage);
  }
});

test('--cache with a hand-edited entry of the right hash but the wrong shape analyses again', () => {
  const { cacheFile, run } = cachedTree();
  const expected = run().stdout;
  const data = JSON.parse(readFileSync(cacheFile, 'utf8'));
  for (const cached of Object.values(data.files) as { entry: unknown }[]) cached.entry = { result: {}, lineStarts: 'no' };
  writeFileSync(cacheFile, JSON.stringify(data));
  assert.equal(run().stdout, expected);
});

// ---------------------------------------------------------------- --concurrency

const FIXTURE_FOLDERS = ['test/fixtures/en', 'test/fixtures/nl'];

test('--concurrency: the worker pool prints exactly what one thread prints, in the same order', { skip: NO_BUNDLE }, () => {
  for (const format of ['json', 'stylish', 'sarif']) {
    const single = spawnCli(['--all', '--format', format, ...FIXTURE_FOLDERS], { cwd: REPO });
    const pooled = spawnCli(['--all', '--format', format, '--concurrency', '2', ...FIXTURE_FOLDERS], { cwd: REPO });
    assert.ok(single.stdout.length > 10_000, format);
    assert.equal(pooled.stderr, '', format);
    assert.equal(pooled.code, single.code, format);
    assert.equal(pooled.stdout, single.stdout, format);
  }
});

test('--concurrency: more threads than files, and auto, give the same output', { skip: NO_BUNDLE }, () => {
  const single = spawnCli(['--all', '--format', 'json', 'test/fixtures/nl'], { cwd: REPO });
  assert.equal(spawnCli(['--all', '--format', 'json', '--concurrency', '64', 'test/fixtures/nl'], { cwd: REPO }).stdout, single.stdout);
  assert.equal(spawnCli(['--all', '--format', 'json', '--concurrency', 'auto', 'test/fixtures/nl'], { cwd: REPO }).stdout, single.stdout);
});

test('--concurrency: workers that cannot start (the TypeScript sources, in-process) leave the work to this thread, saying so', () => {
  const single = cli(['--all', '--format', 'json', 'test/fixtures/nl'], { cwd: REPO });
  const pooled = cli(['--all', '--format', 'json', '--concurrency', '2', 'test/fixtures/nl'], { cwd: REPO });
  assert.equal(pooled.stdout, single.stdout);
  if (pooled.stderr) assert.match(pooled.stderr, /^clauselint: worker threads could not start .*; analysing on one thread\n$/);
});

/** The pool as bundled, so that its workers can load it; crash-first.ts makes them crash where a contract asks. */
async function bundledPool(): Promise<typeof import('../../server/src/cli/pool.js')> {
  const bundle = join(tempTree({}), 'pool.cjs');
  await build({
    entryPoints: [join(REPO, 'test', 'support', 'pool-crash', 'entry.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error',
    define: { 'import.meta.url': 'importMetaUrl', __CLAUSELINT_RULES__: JSON.stringify(readRulesFolder()) },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  return createRequire(import.meta.url)(bundle) as typeof import('../../server/src/cli/pool.js');
}

test('--concurrency: a worker that crashes fails the file it had with one line, and the rest is analysed', { timeout: 120_000 }, async () => {
  const { analyseAll } = await bundledPool();
  const texts = [SMALL_CONTRACT, `${SMALL_CONTRACT}\nEXIT THE WORKER\n`, SMALL_CONTRACT.replace('Northwind', 'Fabrikam'), `${SMALL_CONTRACT}\nTHROW IN THE WORKER\n`, SMALL_CONTRACT, SMALL_CONTRACT];
  const jobs = texts.map((text) => ({ text, settings: {}, options: {}, reportUnusedDirectives: false }));
  const outcomes = new Map<number, Outcome>();
  const warnings: string[] = [];
  analyseAll(jobs, 2, (i, outcome) => { assert.ok(!outcomes.has(i), `file ${i} reported twice`); outcomes.set(i, outcome); }, (w) => warnings.push(w));
  assert.deepEqual([...outcomes.keys()].sort(), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(outcomes.get(1), { error: 'the analysis thread stopped (exit code 3)' });
  assert.deepEqual(outcomes.get(3), { error: 'the analysis thread stopped (nobody catches this)' });
  for (const i of [0, 2, 4, 5]) assert.deepEqual(outcomes.get(i), { entry: analyseForReport(jobs[i]) }, `file ${i}`);
  // Both workers crashed: this thread analysed what was left, and said so.
  assert.deepEqual(warnings, ['every worker thread stopped; analysing the rest on one thread']);
  // In the command's language: a Dutch run says the crash in Dutch.
  const dutch = new Map<number, Outcome>();
  analyseAll([jobs[1], jobs[0]], 2, (i, outcome) => dutch.set(i, outcome), (w) => warnings.push(w), 'nl');
  assert.deepEqual(dutch.get(0), { error: 'de analysethread is gestopt (afsluitcode 3)' });
  assert.deepEqual(dutch.get(1), { entry: analyseForReport(jobs[0]) });
});

/** Jobs that count how many were taken and not yet done, each time the pool takes one. */
function countedJobs(texts: string[], outcomes: Map<number, Outcome>): { jobs: Iterable<FileJob>; mostAtOnce: () => number } {
  let most = 0;
  function* jobs(): Generator<FileJob> {
    for (const [i, text] of texts.entries()) {
      most = Math.max(most, i + 1 - outcomes.size);
      yield { text, settings: {}, options: {}, reportUnusedDirectives: false };
    }
  }
  return { jobs: jobs(), mostAtOnce: () => most };
}

test('the pool takes a file from its source only when a thread is free for it: a run holds the texts being analysed, not every file\'s', { timeout: 120_000 }, async () => {
  const texts = [SMALL_CONTRACT, SMALL_CONTRACT.replace('Northwind', 'Fabrikam'), SMALL_CONTRACT.replace('Contoso', 'Adatum'), SMALL_CONTRACT, SMALL_CONTRACT.replace('Northwind', 'Litware')];
  const expected = texts.map((text) => ({ entry: analyseForReport({ text, settings: {}, options: {}, reportUnusedDirectives: false }) }));
  const pools: [string, typeof analyseAll, number][] = [['this thread', analyseAll, 1], ['two workers', (await bundledPool()).analyseAll, 2]];
  for (const [name, analyseWith, threads] of pools) {
    const outcomes = new Map<number, Outcome>();
    const { jobs, mostAtOnce } = countedJobs(texts, outcomes);
    const warnings: string[] = [];
    analyseWith(jobs, threads, (i, outcome) => outcomes.set(i, outcome), (w) => warnings.push(w));
    assert.deepEqual(warnings, [], name);
    assert.deepEqual(texts.map((_, i) => outcomes.get(i)), expected, name);
    assert.equal(mostAtOnce(), threads, name);
  }
});

test('a report entry is the report\'s data alone: a batch keeps findings and topics, not each file\'s analysis', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // In a function of its own, so that nothing of this test's scope holds the analysis.
  let fixesMade = 0;
  const analysed = (text: string) => {
    const details = analyze(text, {});
    // Each finding's fixes are made when first read: an entry has none, and must not make them.
    details.findings = details.findings.map((f) => Object.defineProperty({ ...f, fixes: [] }, 'fixes', { enumerable: true, get: () => { fixesMade++; return []; } }));
    return { model: new WeakRef(details.model), entry: entryOf({ text, settings: {}, options: {}, reportUnusedDirectives: false }, details) };
  };
  const { model, entry } = analysed(`${SMALL_CONTRACT}\nThe Supplier shall keep logs of access to Customer data for 12 months.\n`);
  assert.deepEqual(Object.keys(entry), ['result', 'lineStarts']);
  assert.deepEqual(Object.keys(entry.result).sort(), ['findings', 'language', 'regimes', 'regimesSource', 'topics', 'type', 'typeSource']);
  assert.ok(entry.result.findings.length && entry.result.findings.every((f) => f.fixes.length === 0), 'findings without their fixes');
  assert.equal(fixesMade, 0, 'no finding\'s fixes were made');
  const evidence = Object.values(entry.result.topics).flatMap((t) => t.evidence);
  assert.ok(evidence.length && evidence.every((e) => Object.keys(e).join() === 'span,text'), 'evidence as spans and texts');
  // WeakRefs are cleared by a collection after the job that made them.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.equal(model.deref(), undefined, 'the document model is dropped once the entry is made');
});

test('the entry point without the command\'s bundle says so in one line, in the command\'s language', { skip: NO_BUNDLE }, () => {
  const dir = tempTree({});
  copyFileSync(BUNDLE, join(dir, 'cli.cjs'));
  for (const [lang, line] of [['en', /^clauselint: cannot load the command \(.+\); the installation is incomplete\n$/], ['nl', /^clauselint: kan de opdracht niet laden \(.+\); de installatie is onvolledig\n$/]] as const) {
    const r = spawnSync(process.execPath, ['cli.cjs', 'contract.md', '--lang', lang], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, line);
  }
});

test('--concurrency: a value that is not off, auto or a whole number is a usage error', () => {
  for (const bad of ['0', 'two', '1.5']) {
    const r = cli(['contract.md', '--concurrency', bad]);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--concurrency needs off, auto or a number of threads/, bad);
  }
});

// ---------------------------------------------------------------- progress

function progressRun(options: { tty?: boolean; format?: string; env?: NodeJS.ProcessEnv; stepMs: number; total: number }): string {
  let out = '';
  let clock = 0;
  const progress = progressFor({ stderr: (s) => { out += s; }, stderrIsTTY: options.tty ?? true }, options.format ?? 'stylish', options.total, options.env ?? {}, () => clock);
  for (let i = 0; i < options.total; i++) { clock += options.stepMs; progress.step(); }
  progress.end();
  return out;
}

test('progress: on a terminal, after two seconds, files done / total, and the line is cleared at the end', () => {
  const out = progressRun({ stepMs: 500, total: 10 });
  assert.ok(!out.includes('clauselint: 3/10'), 'nothing in the first two seconds');
  assert.match(out, /\r\x1b\[Kclauselint: 4\/10/);
  assert.match(out, /clauselint: 10\/10\r\x1b\[K$/);
});

test('progress: nothing for a run under two seconds', () => {
  assert.equal(progressRun({ stepMs: 100, total: 19 }), '');
});

test('progress: never when standard error is not a terminal, in CI, or with a machine format', () => {
  assert.equal(progressRun({ tty: false, stepMs: 500, total: 10 }), '');
  assert.equal(progressRun({ env: { CI: 'true' }, stepMs: 500, total: 10 }), '');
  for (const format of ['json', 'sarif', 'junit', 'github']) assert.equal(progressRun({ format, stepMs: 500, total: 10 }), '', format);
  assert.notEqual(progressRun({ env: { CI: 'false' }, stepMs: 500, total: 10 }), '', 'CI=false is not CI');
});
