/**
 * `npm run bench`: the engine's throughput over ../shared/corpus in MB/s, and markdownlint-cli2 over the
 * same files in the same run, as a ratio; peak memory. Without the corpus, the fixtures and examples.
 * Speed is measured here, never in a timed test.
 */
import { readFileSync, readdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { analyze } from '../../server/src/engine/analyze.js';
import { corpusFiles } from './corpus.js';
import { evaluateCuadLiability } from './cuad-liability.js';
import type { EditorLatency } from './editor-latency.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fallbackFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['test/fixtures/en', 'test/fixtures/nl', 'examples']) {
    for (const f of readdirSync(join(root, dir))) if (f.endsWith('.md')) out.push(join(root, dir, f));
  }
  return out;
}

let files = corpusFiles();
const source = files.length ? '../shared/corpus (open + CUAD)' : 'fixtures and examples (../shared/corpus is absent)';
if (!files.length) files = fallbackFiles();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const mb = bytes / 1e6;

analyze(texts[0]); // load the rules once, as a long-running server would
let peak = process.memoryUsage().rss;
const t0 = performance.now();
for (const text of texts) {
  analyze(text);
  peak = Math.max(peak, process.memoryUsage().rss);
}
const ours = (performance.now() - t0) / 1000;

// markdownlint-cli2 over the same files, each given by name, with its default rules.
const work = mkdtempSync(join(tmpdir(), 'clauselint-bench-'));
writeFileSync(join(work, '.markdownlint-cli2.jsonc'), '{}');
const bin = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const t1 = performance.now();
const run = spawnSync(process.execPath, [bin, ...files.map((f) => `:${f}`)], { cwd: work, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
const theirs = (performance.now() - t1) / 1000;
rmSync(work, { recursive: true, force: true });

console.log(`Corpus: ${files.length} files, ${mb.toFixed(1)} MB, from ${source}`);
console.log(`clauselint engine:  ${ours.toFixed(1)} s, ${(mb / ours).toFixed(2)} MB/s, peak RSS ${(peak / 1048576).toFixed(0)} MB`);
if (run.error || (run.status !== 0 && run.status !== 1)) console.log(`markdownlint-cli2 did not run: ${run.error?.message ?? run.stderr.slice(0, 200)}`);
else {
  console.log(`markdownlint-cli2:  ${theirs.toFixed(1)} s, ${(mb / theirs).toFixed(2)} MB/s (whole process, default rules)`);
  console.log(`ratio clauselint / markdownlint-cli2 throughput: ${(theirs / ours).toFixed(2)}`);
}
if (files.length > 100) {
  const r = evaluateCuadLiability();
  console.log(`CUAD dev, "a liability clause exists": precision ${(100 * r.precision).toFixed(1)}%, recall ${(100 * r.recall).toFixed(1)}% (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}, tn ${r.tn})`);
}

// The LSP client runs in a process of its own: here it would share a heap of hundreds of MB with the
// corpus run above, and that heap's garbage collection would be timed as the server's latency.
const latency = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test', 'bench', 'editor-latency.ts')], { cwd: root, encoding: 'utf8' });
if (latency.status !== 0) throw new Error(`the editor benchmark failed: ${latency.stderr}`);
const editor = JSON.parse(latency.stdout) as EditorLatency | null;
if (!editor) console.log('editor latency: skipped (run npm run build first: dist/server.cjs is missing)');
else {
  const ms = (p: { p50: number; p95: number }) => `p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms`;
  for (const c of editor.cases) {
    console.log(`language server, ${c.name}, ${(c.bytes / 1000).toFixed(0)} KB: open ${c.open.toFixed(0)} ms; server RSS ${c.rssMb.toFixed(0)} MB; load average ${c.load.toFixed(1)}`);
    console.log(`  edit to diagnostics, typing in a clause: ${ms(c.typing)}`);
    console.log(`  edit to diagnostics, adding a sentence with a security obligation: ${ms(c.sentence)}`);
    console.log(`  server CPU per edit, with its requests: typing ${c.cpuPerEdit.typing.toFixed(0)} ms, adding a sentence ${c.cpuPerEdit.sentence.toFixed(0)} ms`);
    console.log(`  code actions and code lenses sent with those edits: ${ms(c.requests)}`);
    console.log(`  at 8 keystrokes a second (150 ms debounce): requests ${ms(c.brisk.requests)}; last keystroke to its diagnostics ${c.brisk.lastDiagnostics === null ? 'over a minute' : `${c.brisk.lastDiagnostics.toFixed(0)} ms`}`);
  }
  if (editor.memory) console.log(`language server memory over a session, ${editor.memory.name}: ${editor.memory.rssMb.map((m) => `${m.mb.toFixed(0)} MB after ${m.edits} keystrokes`).join(', ')}`);
}

// The command over many files (batch time, --cache, peak memory, start-up), in processes of its own.
const batch = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test', 'bench', 'batch.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (batch.status !== 0) throw new Error('the batch benchmark failed');
