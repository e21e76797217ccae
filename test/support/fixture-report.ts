/** Prints every fixture mismatch and the topic accuracy: `npx tsx test/support/fixture-report.ts`. */
import { basename } from 'node:path';
import { compareFixture, fixtureFiles } from './fixtures.js';

let checked = 0, right = 0, clean = 0;
const files = fixtureFiles();
for (const file of files) {
  const r = compareFixture(file);
  checked += r.topicsChecked; right += r.topicsRight;
  if (!r.mismatches.length) { clean++; continue; }
  console.log(`\n${basename(file)}`);
  for (const m of r.mismatches) console.log(`  ${m.what}: expected ${m.expected}, got ${m.actual}`);
}
console.log(`\n${clean}/${files.length} fixtures clean; topic statuses ${right}/${checked} right (${((100 * right) / checked).toFixed(1)}%)`);
