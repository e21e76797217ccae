/**
 * The command over many files (issue 13), each tool as a whole process, in alternating rounds: cold
 * batch time on CUAD's 72 held-out contracts beside markdownlint-cli2 and beside remark-parse alone (with
 * the extensions the engine uses), as ratios; a warm --cache run; peak memory over all of CUAD; start-up.
 * `--before <checkout>` (a built checkout of an earlier commit) measures it too, in the same rounds.
 * Without ../shared/corpus, it says so and measures nothing.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
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

// Peak memory: the child reports its own maxRSS when it exits.
const peakProbe = join(work, 'peak.cjs');
writeFileSync(peakProbe, `const out = process.argv.splice(2, 1)[0];
process.argv.splice(1, 1);
process.on('exit', () => require('fs').writeFileSync(out, String(process.resourceUsage().maxRSS)));
require(process.argv[1]);
`);

interface Tool { name: string; argv: (files: string[]) => string[]; cwd?: string }
const cli = (checkout: string) => join(checkout, 'dist', 'cli.cjs');
const clauselint = (checkout: string, name: string, extra: string[] = []): Tool => ({ name, argv: (files) => [cli(checkout), '--format', 'json', ...extra, ...files] });
const markdownlint: Tool = { name: 'markdownlint-cli2', argv: (files) => [join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), ...files.map((f) => `:${f}`)], cwd: work };
const remark: Tool = { name: 'remark-parse alone', argv: (files) => [remarkAlone, ...files] };

function timed(tool: Tool, files: string[]): { wall: number; peakMb: number } {
  const peakFile = join(work, 'peak.txt');
  const argv = tool.argv(files);
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [peakProbe, peakFile, ...argv], { cwd: tool.cwd ?? work, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, CI: '1' } });
  const wall = (performance.now() - t0) / 1000;
  if (p.status !== 0 && p.status !== 1) throw new Error(`${tool.name} failed (${p.status}): ${p.stderr.slice(0, 300)}`);
  return { wall, peakMb: Number(readFileSync(peakFile, 'utf8')) / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Each round runs every tool once, the order reversed every other round; the median wall time per tool. */
function alternate(tools: Tool[], files: string[], prepare: (tool: Tool) => void = () => {}): Map<string, number> {
  const times = new Map<string, number[]>(tools.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const tool of r % 2 ? [...tools].reverse() : tools) { prepare(tool); times.get(tool.name)!.push(timed(tool, files).wall); }
  }
  return new Map([...times].map(([name, xs]) => [name, median(xs)]));
}

const versions = [{ label: 'after', checkout: root }, ...(before ? [{ label: 'before', checkout: before }] : [])];
const s = (x: number) => `${x.toFixed(2)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

console.log(`Batch: CUAD held-out split, ${heldOut.length} contracts, ${mb(heldOut).toFixed(1)} MB; ${rounds} alternating rounds, medians of whole-process wall time`);
const cold = alternate([...versions.map((v) => clauselint(v.checkout, `clauselint ${v.label}`)), markdownlint, remark], heldOut);
const mdl = cold.get(markdownlint.name)!, rp = cold.get(remark.name)!;
console.log(`  markdownlint-cli2 ${s(mdl)}; remark-parse alone (frontmatter, GFM tables, footnotes, task lists) ${s(rp)}`);
for (const v of versions) {
  const t = cold.get(`clauselint ${v.label}`)!;
  console.log(`  clauselint ${v.label.padEnd(6)} cold ${s(t)}: ${ratio(t, mdl)} markdownlint-cli2 (target ≤ 1), ${ratio(t, rp)} remark-parse alone (target ≤ 1.5)`);
}

// Warm cache: the cache is filled once, then each round reads it.
const cacheFile = join(work, 'cache');
const warmTools = versions.filter((v) => v.label === 'after').map((v) => clauselint(v.checkout, `clauselint ${v.label} --cache`, ['--cache', '--cache-location', cacheFile]));
timed(warmTools[0], heldOut);
const warm = alternate([...warmTools, markdownlint], heldOut);
const w = warm.get(warmTools[0].name)!;
console.log(`  clauselint after  warm --cache ${s(w)}: ${ratio(w, warm.get(markdownlint.name)!)} markdownlint-cli2 (target ≤ 0.1)`);
const openFiles = readdirSync(open).filter((f) => f.endsWith('.md')).map((f) => join(open, f));
const openCache = join(work, 'open-cache');
const openCold = timed(clauselint(root, 'cold', ['--cache', '--cache-location', openCache]), openFiles).wall;
const openWarm = timed(clauselint(root, 'warm', ['--cache', '--cache-location', openCache]), openFiles).wall;
console.log(`  ../shared/corpus/open (${openFiles.length} files): --cache cold ${s(openCold)}, warm ${s(openWarm)} (${ratio(openWarm, openCold)})`);

console.log(`Peak memory, all of CUAD (${allCuad.length} contracts, ${mb(allCuad).toFixed(1)} MB), one run each:`);
for (const tool of [...versions.map((v) => clauselint(v.checkout, `clauselint ${v.label}`)), markdownlint]) {
  const { wall, peakMb } = timed(tool, allCuad);
  console.log(`  ${tool.name.padEnd(18)} ${peakMb.toFixed(0)} MB peak RSS${tool.name.startsWith('clauselint') ? ' (target ≤ 400)' : ''}, ${s(wall)}`);
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
