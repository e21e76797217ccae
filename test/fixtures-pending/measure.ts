/** Compares the pending fixtures (issue 8 classes) with the engine: `node --import tsx test/fixtures-pending/measure.ts [files]`. */
import { readdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareFixture } from '../support/fixtures.js';

const dir = dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2).length ? process.argv.slice(2)
  : ['en', 'nl'].flatMap((l) => readdirSync(join(dir, l)).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, l, f)));
let checked = 0, right = 0, clean = 0;
for (const file of files) {
  const r = compareFixture(file);
  checked += r.topicsChecked; right += r.topicsRight;
  if (!r.mismatches.length) { clean++; console.log(`\n${basename(file)}: clean`); continue; }
  console.log(`\n${basename(file)}`);
  for (const m of r.mismatches) console.log(`  ${m.what}: expected ${m.expected}, got ${m.actual}`);
}
console.log(`\n${clean}/${files.length} fixtures clean; topic statuses ${right}/${checked} right (${((100 * right) / checked).toFixed(1)}%)`);
