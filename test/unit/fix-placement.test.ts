/** Placement of inserted clauses: each case in test/fix-fixtures/ has its expected fixed text beside it (<name>.fixed.md). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../server/src/engine/analyze.js';
import { applyEdits, fixAllEdits } from '../../server/src/engine/fixes.js';
import { keepsWords } from '../../server/src/engine/completions.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fix-fixtures');

for (const name of readdirSync(DIR).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md')).sort()) {
  test(`--fix placement: ${name}`, () => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const expected = readFileSync(join(DIR, name.replace(/\.md$/, '.fixed.md')), 'utf8');
    const r = analyze(text);
    const fixed = applyEdits(text, fixAllEdits(r.fixContext, r.findings));
    assert.equal(fixed, expected);
    assert.ok(keepsWords(text, fixed), 'every original word kept');
    const again = analyze(fixed);
    assert.equal(applyEdits(fixed, fixAllEdits(again.fixContext, again.findings)), fixed, 'a second --fix changes nothing');
  });
}
