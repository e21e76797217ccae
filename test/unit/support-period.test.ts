/**
 * A support period stated by its end date (issue 15): "until 31 December 2031", "tot en met 31 december
 * 2032" state the period that patch-management's strong point asks for; from a start date, its length
 * is checked against the minimum.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { findDates } from '../../server/src/engine/numbers.js';

test('dates by month and year, in words or figures, English and Dutch', () => {
  const read = (text: string) => findDates(text).map((d) => `${d.year}-${d.month}:${text.slice(d.span.start, d.span.end)}`);
  assert.deepEqual(read('until 31 December 2031, December 31, 2031 or 31st of December 2031'), ['2031-12:31 December 2031', '2031-12:December 31, 2031', '2031-12:31st of December 2031']);
  assert.deepEqual(read('tot en met 31 december 2032, t/m 30-06-2030, 2029-03-31, 11/2028, eind 2030, the end of 2031'),
    ['2032-12:31 december 2032', '2030-6:30-06-2030', '2029-3:2029-03-31', '2028-11:11/2028', '2030-12:eind 2030', '2031-12:the end of 2031']);
  assert.deepEqual(read('within 2031 hours, clause 12.2031, 31-13-2031'), [], 'no month, or no month 13');
});

const support = (sentence: string, language: 'en' | 'nl') => {
  const [heading, update] = language === 'en'
    ? ['# Software Licence Agreement\n\n## 9. Security updates\n\n', 'The Licensor shall make a security update available within seven (7) days for a critical vulnerability.']
    : ['# Licentieovereenkomst\n\n## 9. Beveiligingsupdates\n\n', 'Leverancier stelt een beveiligingsupdate beschikbaar binnen zeven (7) dagen voor een kritieke kwetsbaarheid.'];
  const r = analyze(`${heading}9.1 ${sentence}\n\n9.2 ${update}\n`, { type: 'software', language });
  return { status: r.topics['patch-management'].status, messages: r.findings.filter((f) => f.ruleId === 'patch-management').map((f) => f.message) };
};

test('an end date states the support period; without one the clause is weak', () => {
  assert.equal(support('The Licensor shall provide security updates free of charge until 31 December 2031.', 'en').status, 'present');
  assert.equal(support('Leverancier levert kosteloos beveiligingsupdates tot en met 31 december 2032.', 'nl').status, 'present');
  assert.equal(support('The Licensor shall provide security updates free of charge for five years after delivery.', 'en').status, 'present');
  assert.deepEqual(support('The Licensor shall provide security updates free of charge.', 'en'),
    { status: 'weak', messages: ['Weak clause on security updates: also state a support period of at least 5 years.'] });
});

test('from a start date to an end date: the length counts, in years or months as the language writes them', () => {
  assert.deepEqual(support('The Licensor shall provide security updates free of charge from 1 January 2026 until 30 June 2029.', 'en'),
    { status: 'weak', messages: ['Weak clause on security updates: a period of 42 months is shorter than the 5 years required.'] });
  assert.deepEqual(support('Leverancier levert vanaf 1 september 2026 tot en met 31 augustus 2029 kosteloos beveiligingsupdates.', 'nl'),
    { status: 'weak', messages: ['Zwakke bepaling over beveiligingsupdates: een periode van 3 jaar is korter dan de vereiste 5 jaar.'] });
  assert.equal(support('Leverancier levert vanaf 1 januari 2026 tot en met 31 december 2031 kosteloos beveiligingsupdates.', 'nl').status, 'present');
});
