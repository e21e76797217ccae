/** Inline control comments in the Markdown (issue 2, item 9), checked with analyze() on small contracts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';

interface Slots { beforeTitle?: string; beforeClause?: string; afterClause?: string; end?: string }

/**
 * A managed-services contract under NIS2. Without comments it reports: every missing topic (insurance
 * among them) on the title line; one incident-notification finding on the 48-hour clause (one per clause
 * and topic, issue 10); a subcontracting finding on the subcontracting clause. Comments go into the slots.
 */
function contract(s: Slots = {}): string {
  return [
    '---', 'clauselint:', '  type: managed-services', '  regimes: [nis2]', '---',
    ...(s.beforeTitle ? [s.beforeTitle] : []),
    '# Managed Services Agreement', '',
    '## 1. Incident notification', '',
    ...(s.beforeClause ? [s.beforeClause] : []),
    'The Supplier shall notify the Customer of any Security Incident within 48 hours after becoming aware of it.', '',
    ...(s.afterClause ? [s.afterClause, ''] : []),
    '## 2. Subcontracting', '',
    'The Supplier may engage subcontractors without notice to the Customer.', '',
    ...(s.end ? [s.end, ''] : []),
  ].join('\n');
}

/** Each finding as "rule-id @ the start of its line", so that added comment lines do not matter. */
function found(text: string): string[] {
  const r = analyze(text);
  const lines = text.split('\n');
  return r.findings.map((f) => `${f.ruleId} @ ${lines[r.model.lines.position(f.span.start).line - 1].slice(0, 24)}`).sort();
}

const TITLE = '# Managed Services Agree';
const CLAUSE = 'The Supplier shall notif';
const SUB = 'The Supplier may engage ';
const BASE = found(contract());
const without = (pred: (f: string) => boolean) => BASE.filter((f) => !pred(f));

test('baseline: the contract has the findings the other tests switch off', () => {
  assert.ok(BASE.includes(`insurance @ ${TITLE}`));
  assert.ok(BASE.includes(`encryption @ ${TITLE}`) || BASE.includes(`access-control @ ${TITLE}`));
  assert.equal(BASE.filter((f) => f === `incident-notification @ ${CLAUSE}`).length, 1, 'one finding per clause and topic');
  assert.ok(BASE.includes(`subcontracting @ ${SUB}`));
});

// ---------------------------------------------------------------- disable-file

test('disable-file insurance removes only the insurance finding', () => {
  assert.deepEqual(found(contract({ beforeTitle: '<!-- clauselint-disable-file insurance -->' })), without((f) => f.startsWith('insurance ')));
});

test('disable-file works wherever the comment is, also at the end', () => {
  assert.deepEqual(found(contract({ end: '<!-- clauselint-disable-file insurance -->' })), without((f) => f.startsWith('insurance ')));
});

test('disable-file with several ids (space or comma separated)', () => {
  const expected = without((f) => f.startsWith('insurance ') || f.startsWith('subcontracting '));
  assert.deepEqual(found(contract({ end: '<!-- clauselint-disable-file insurance subcontracting -->' })), expected);
  assert.deepEqual(found(contract({ end: '<!-- clauselint-disable-file insurance, subcontracting -->' })), expected);
});

test('disable-file without ids removes every finding', () => {
  assert.deepEqual(found(contract({ end: '<!-- clauselint-disable-file -->' })), []);
});

test('disable-file does not change topic statuses, only findings', () => {
  const r = analyze(contract({ end: '<!-- clauselint-disable-file -->' }));
  assert.equal(r.topics.insurance.status, 'missing');
  assert.equal(r.topics['incident-notification'].status, 'weak');
});

test('a directive inside a code block is only text', () => {
  assert.deepEqual(found(contract({ end: '```\n<!-- clauselint-disable-file -->\n```' })), BASE);
});

test('an unknown directive or an unrelated comment changes nothing', () => {
  assert.deepEqual(found(contract({ beforeClause: '<!-- clauselint-disabled incident-notification -->\n' })), BASE);
  assert.deepEqual(found(contract({ beforeClause: '<!-- reviewed by legal -->\n' })), BASE);
});

// ---------------------------------------------------------------- disable … enable

test('disable incident-notification … enable incident-notification around the clause', () => {
  const text = contract({ beforeClause: '<!-- clauselint-disable incident-notification -->\n', afterClause: '<!-- clauselint-enable incident-notification -->' });
  assert.deepEqual(found(text), without((f) => f.startsWith('incident-notification ')));
});

test('enable ends the range: a range that closes before the clause leaves it reported', () => {
  const text = contract({ beforeTitle: '<!-- clauselint-disable incident-notification -->\n\n<!-- clauselint-enable incident-notification -->' });
  assert.deepEqual(found(text), BASE);
});

test('disable without enable lasts to the end of the document', () => {
  const text = contract({ beforeClause: '<!-- clauselint-disable subcontracting -->\n' });
  assert.deepEqual(found(text), without((f) => f.startsWith('subcontracting ')));
});

test('disable only affects what comes after it', () => {
  // Findings on the title line (missing topics) come before the comment and stay.
  const text = contract({ beforeClause: '<!-- clauselint-disable -->\n' });
  assert.deepEqual(found(text), BASE.filter((f) => f.endsWith(TITLE)));
});

test('disable of everything, enable of one id: only that one comes back', () => {
  const text = contract({ beforeClause: '<!-- clauselint-disable -->\n<!-- clauselint-enable subcontracting -->\n' });
  assert.deepEqual(found(text), BASE.filter((f) => f.endsWith(TITLE) || f.startsWith('subcontracting ')));
});

test('enable without ids ends a disable with ids', () => {
  const text = contract({ beforeClause: '<!-- clauselint-disable incident-notification -->\n', afterClause: '<!-- clauselint-enable -->' });
  assert.deepEqual(found(text), without((f) => f.startsWith('incident-notification ')));
});

// ---------------------------------------------------------------- disable-next-line

test('disable-next-line removes the findings on the next line only', () => {
  const text = contract({ beforeClause: '<!-- clauselint-disable-next-line -->' });
  assert.deepEqual(found(text), without((f) => f.endsWith(CLAUSE)));
});

test('disable-next-line with an id removes only that rule on the next line', () => {
  const title = contract({ beforeTitle: '<!-- clauselint-disable-next-line insurance -->' });
  assert.deepEqual(found(title), without((f) => f === `insurance @ ${TITLE}`));
  const other = contract({ beforeClause: '<!-- clauselint-disable-next-line subcontracting -->' });
  assert.deepEqual(found(other), BASE); // nothing of subcontracting is on that line
});

test('disable-next-line does not reach past a blank line', () => {
  const text = contract({ beforeClause: '<!-- clauselint-disable-next-line -->\n' });
  assert.deepEqual(found(text), BASE);
});

test('disable-next-line written over two lines applies to the line after its end', () => {
  const text = contract({ beforeClause: '<!-- clauselint-disable-next-line\n     incident-notification -->' });
  assert.deepEqual(found(text), without((f) => f.startsWith('incident-notification ')));
});

// ---------------------------------------------------------------- rule id vs topic id

/** Two clauses with different deadlines: a `contradiction` finding (a document rule, topic null) besides the topic's own. */
const CONTRADICTION = [
  '---', 'clauselint:', '  type: managed-services', '  regimes: [nis2]', '---',
  '# Managed Services Agreement', '',
  '## 1. Incident notification', '',
  '1.1 The Supplier shall notify the Customer of any Security Incident within 24 hours after becoming aware of it.', '',
  '## 2. Reporting', '',
  '2.1 The Supplier shall notify the Customer of any Security Incident within 72 hours after becoming aware of it.', '',
].join('\n');

test('a document rule is disabled by its rule id, leaving the topic\'s findings', () => {
  const before = analyze(CONTRADICTION).findings;
  assert.ok(before.some((f) => f.ruleId === 'contradiction' && f.topic === 'incident-notification'));
  assert.ok(before.some((f) => f.ruleId === 'incident-notification'));
  const after = analyze(`${CONTRADICTION}\n<!-- clauselint-disable-file contradiction -->\n`).findings;
  assert.ok(!after.some((f) => f.ruleId === 'contradiction'));
  assert.deepEqual(after.map((f) => f.ruleId), before.filter((f) => f.ruleId !== 'contradiction').map((f) => f.ruleId));
});

test('a topic id disables every finding whose topic it is', () => {
  const before = analyze(CONTRADICTION).findings;
  const after = analyze(`${CONTRADICTION}\n<!-- clauselint-disable-file incident-notification -->\n`).findings;
  assert.ok(before.some((f) => f.topic === 'incident-notification'));
  assert.ok(!after.some((f) => f.topic === 'incident-notification'));
  assert.deepEqual(after.map((f) => f.ruleId), before.filter((f) => f.topic !== 'incident-notification').map((f) => f.ruleId));
});

test('an id that matches neither rule nor topic disables nothing', () => {
  const before = analyze(CONTRADICTION).findings.map((f) => f.ruleId);
  assert.deepEqual(analyze(`${CONTRADICTION}\n<!-- clauselint-disable-file no-such-rule -->\n`).findings.map((f) => f.ruleId), before);
});

test('directives work in a CRLF file', () => {
  const crlf = contract({ beforeClause: '<!-- clauselint-disable-next-line -->', end: '<!-- clauselint-disable-file insurance -->' }).replace(/\n/g, '\r\n');
  const lf = without((f) => f.endsWith(CLAUSE) || f.startsWith('insurance '));
  assert.deepEqual(found(crlf).map((f) => f.replace(/\r/g, '')), lf);
});
