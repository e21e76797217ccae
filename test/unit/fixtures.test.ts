import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, dirname } from 'node:path';
import { compareFixture, fixtureFiles } from '../support/fixtures.js';

for (const file of fixtureFiles()) {
  test(`fixture ${basename(dirname(file))}/${basename(file)}`, () => {
    const { mismatches } = compareFixture(file);
    assert.deepEqual(mismatches.map((m) => `${m.what}: expected ${m.expected}, got ${m.actual}`), []);
  });
}
