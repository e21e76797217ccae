/**
 * The command over many files (issue 13), each tool as a whole process, in alternating rounds: cold
 * batch time on CUAD's 72 held-out contracts beside markdownlint-cli2 and beside remark-parse alone (with
 * the extensions the engine uses), as ratios; a warm --cache run; peak memory over all of CUAD; start-up.
 * `--before <checkout>` (a built checkout of an earlier commit) measures it too, in the same rounds.
 * Each figure is given as wall time and as CPU time (user + system, all threads): on a shared machine a
 * short run's wall time is mostly waiting for a core (a warm --cache run took 2.6 s of wall time at load 8,
 * 0.35 s of CPU), so the load average is printed, and CPU ratios are the ones that compare across runs.
 * Without ../shared/corpus, it says so and measures nothing.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cuad = join(root, '..', 'shared', 'corpus', 'cuad');
const open = join(root, '..', 'shared', 'corpus', 'open');
const args = process.argv.slice(2);
const beforeAt = args.indexOf('--before');
const before = beforeAt >= 0 ? resolve(args[beforeAt + 1]) : undefined;
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;

if (!existsSync(join(cuad, 'labels.json'))) {
  console.log('batch benchmark: skipped (../shared/corpus/cuad is absent)');
  process.exit(0);
}
const heldOut = (JSON.parse(readFileSync(join(cuad, 'labels.json'), 'utf8')) as { held_out: string[] }).held_out.map((f) => join(cuad, 'contracts', f));
const allCuad = readdirSync(join(cuad, 'contracts')).filter((f) => f.endsWith('.md')).map((f) => join(cuad, 'contracts', f));
const mb = (files: string[]) => files.reduce((n, f) => n + readFileSync(f).length, 0) / 1e6;

const work = mkdtempSync(join(tmpdir(), 'clauselint-batch-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
writeFileSync(join(work, '.markdownlint-cli2.jsonc'), '{}');

// remark-parse alone, with the engine's extensions (markdown.ts's processor), bundled as the command is.
const remarkAlone = join(work, 'remark-alone.cjs');
writeFileSync(join(work, 'remark-alone.ts'), `import { readFileSync } from 'node:fs';
import { markdownProcessor } from ${JSON.stringify(join(root, 'server', 'src', 'engine', 'markdown.ts'))};
for (const file of process.argv.slice(2)) markdownProcessor.parse(readFileSync(file, 'utf8'));
`);
await build({ entryPoints: [join(work, 'remark-alone.ts')], outfile: remarkAlone, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error', define: { __CLAUSELINT_RULES__: '{}' } });

// Peak memory and CPU time: the child reports its own when it exits.
const probe = join(work, 'probe.cjs');
writeFileSync(probe, `const out = process.argv.splice(2, 1)[0];
process.argv.splice(1, 1);
process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  require('fs').writeFileSync(out, JSON.stringify({ maxRSS, cpu: userCPUTime + systemCPUTime }));
});
require(process.argv[1]);
`);

interface Tool { name: string; argv: (files: string[]) => string[]; cwd?: string }
const cli = (checkout: string) => join(checkout, 'dist', 'cli.cjs');
const clauselint = (checkout: string, name: string, extra: string[] = []): Tool => ({ name, argv: (files) => [cli(checkout), '--format', 'json', ...extra, ...files] });
const markdownlint: Tool = { name: 'markdownlint-cli2', argv: (files) => [join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), ...files.map((f) => `:${f}`)], cwd: work };
const remark: Tool = { name: 'remark-parse alone', argv: (files) => [remarkAlone, ...files] };

/** Seconds of wall time and of CPU time, and the peak RSS in MB. */
interface Timing { wall: number; cpu: number; peakMb: number }

function timed(tool: Tool, files: string[]): Timing {
  const probeFile = join(work, 'probe.json');
  const argv = tool.argv(files);
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [probe, probeFile, ...argv], { cwd: tool.cwd ?? work, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, CI: '1' } });
  const wall = (performance.now() - t0) / 1000;
  if (p.status !== 0 && p.status !== 1) throw new Error(`${tool.name} failed (${p.status}): ${p.stderr.slice(0, 300)}`);
  const { maxRSS, cpu } = JSON.parse(readFileSync(probeFile, 'utf8')) as { maxRSS: number; cpu: number };
  return { wall, cpu: cpu / 1e6, peakMb: maxRSS / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Each round runs every tool once, the order reversed every other round; the median wall and CPU times per tool. */
function alternate(tools: Tool[], files: string[]): Map<string, Timing> {
  const runs = new Map<string, Timing[]>(tools.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const tool of r % 2 ? [...tools].reverse() : tools) runs.get(tool.name)!.push(timed(tool, files));
  }
  return new Map([...runs].map(([name, xs]) => [name, { wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)), peakMb: Math.max(...xs.map((x) => x.peakMb)) }]));
}

const versions = [{ label: 'after', checkout: root }, ...(before ? [{ label: 'before', checkout: before }] : [])];
const s = (x: number) => `${x.toFixed(2)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const both = (t: Timing) => `${s(t.wall)} wall, ${s(t.cpu)} CPU`;
const ratios = (t: Timing, of: Timing) => `${ratio(t.wall, of.wall)} wall, ${ratio(t.cpu, of.cpu)} CPU`;
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

console.log(`Batch: CUAD held-out split, ${heldOut.length} contracts, ${mb(heldOut).toFixed(1)} MB; ${rounds} alternating rounds, medians of whole processes; load average ${load()}`);
const cold = alternate([...versions.map((v) => clauselint(v.checkout, `clauselint ${v.label}`)), markdownlint, remark], heldOut);
const mdl = cold.get(markdownlint.name)!, rp = cold.get(remark.name)!;
console.log(`  markdownlint-cli2 ${both(mdl)}; remark-parse alone (frontmatter, GFM tables, footnotes, task lists) ${both(rp)}`);
for (const v of versions) {
  const t = cold.get(`clauselint ${v.label}`)!;
  console.log(`  clauselint ${v.label.padEnd(6)} cold ${both(t)}: ${ratios(t, mdl)} of markdownlint-cli2 (target ≤ 1), ${ratios(t, rp)} of remark-parse alone (target ≤ 1.5)`);
}

// Warm cache: the cache is filled once, then each round reads it.
const cacheFile = join(work, 'cache');
const warmTools = versions.filter((v) => v.label === 'after').map((v) => clauselint(v.checkout, `clauselint ${v.label} --cache`, ['--cache', '--cache-location', cacheFile]));
timed(warmTools[0], heldOut);
const warm = alternate([...warmTools, markdownlint], heldOut);
const w = warm.get(warmTools[0].name)!;
// markdownlint-cli2, which has no cache, in the same rounds: the target compares a warm run with its usual time.
console.log(`  clauselint after  warm --cache ${both(w)}: ${ratios(w, warm.get(markdownlint.name)!)} of markdownlint-cli2 (target ≤ 0.1)`);
const openFiles = readdirSync(open).filter((f) => f.endsWith('.md')).map((f) => join(open, f));
const openCache = join(work, 'open-cache');
const openCold = timed(clauselint(root, 'cold', ['--cache', '--cache-location', openCache]), openFiles);
const openWarm = timed(clauselint(root, 'warm', ['--cache', '--cache-location', openCache]), openFiles);
console.log(`  ../shared/corpus/open (${openFiles.length} files): --cache cold ${both(openCold)}, warm ${both(openWarm)} (${ratios(openWarm, openCold)})`);

console.log(`Peak memory, all of CUAD (${allCuad.length} contracts, ${mb(allCuad).toFixed(1)} MB), one run each:`);
for (const tool of [...versions.map((v) => clauselint(v.checkout, `clauselint ${v.label}`)), markdownlint]) {
  const t = timed(tool, allCuad);
  console.log(`  ${tool.name.padEnd(18)} ${t.peakMb.toFixed(0)} MB peak RSS${tool.name.startsWith('clauselint') ? ' (target ≤ 400)' : ''}, ${both(t)}`);
}

// Start-up: a bare node, --version, one small contract; medians of 15 alternating runs.
const small = join(root, 'test', 'cli-fixtures', 'contract.md');
const startTools: Tool[] = [{ name: 'node -e 0', argv: () => ['-e', '0'] }];
for (const v of versions) startTools.push({ name: `${v.label} --version`, argv: () => [cli(v.checkout), '--version'] }, { name: `${v.label} contract.md`, argv: () => [cli(v.checkout), small] });
const startTimes = new Map<string, number[]>(startTools.map((t) => [t.name, []]));
for (let r = 0; r < 15; r++) for (const tool of r % 2 ? [...startTools].reverse() : startTools) {
  const t0 = performance.now();
  spawnSync(process.execPath, tool.argv([]), { cwd: work, env: { ...process.env, CI: '1' } });
  startTimes.get(tool.name)!.push(performance.now() - t0);
}
const bare = median(startTimes.get('node -e 0')!);
console.log(`Start-up (medians of 15): bare node ${bare.toFixed(0)} ms`);
for (const tool of startTools.slice(1)) {
  const t = median(startTimes.get(tool.name)!);
  console.log(`  clauselint ${tool.name.padEnd(22)} ${t.toFixed(0)} ms, +${(t - bare).toFixed(0)} ms over bare node (target ≤ +100)`);
}
