/** Who owes what to whom, sentence by sentence: the reasoning every topic's evidence rests on. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown } from '../../server/src/engine/markdown.js';
import { buildUnits } from '../../server/src/engine/units.js';
import { loadRuleData } from '../../server/src/engine/rule-data.js';
import { commitmentAt, sentenceCommitments } from '../../server/src/engine/commitments.js';
import type { Language } from '../../server/src/engine/types.js';

/** The commitment of the sentence's whole text, and of the word `at`. */
function commitment(text: string, lang: Language, at?: string): string {
  const units = buildUnits(parseMarkdown(text), () => lang);
  const s = units.sentences[units.sentences.length - 1];
  const c = sentenceCommitments(s, loadRuleData().language, { supplier: ['Brightwell'], customer: [] });
  if (c.none) return 'none';
  const position = at ? s.tokens.findIndex((t) => t.word === at) : Infinity;
  const found = commitmentAt(c, position, undefined);
  return found ? `${found.party}-${found.force}` : 'fragment';
}

const cases: [string, Language, string, string?][] = [
  ['The Customer shall promptly notify the Provider of any unauthorised use of its account.', 'en', 'customer-duty'],
  ['The Provider shall notify the Customer of a Security Incident within 24 hours.', 'en', 'supplier-duty'],
  ['If the Customer so requests, the Provider shall give it a copy of the most recent audit report.', 'en', 'supplier-duty'],
  ['The Controller, an auditor mandated by the Controller and the supervisory authority may audit the Processor.', 'en', 'customer-right'],
  ['Brightwell reserves the right to verify the information a user enters.', 'en', 'supplier-right'],
  ['Neither party shall be liable for any failure to perform caused by events beyond its reasonable control.', 'en', 'none'],
  ['Sections 6.5 (Limitation of Liability) and 9 (Security) shall survive termination.', 'en', 'none'],
  ['Licensor’s aggregate liability shall not exceed the fees paid in the twelve months before the claim.', 'en', 'supplier-duty'],
  ['And notify us immediately of any unauthorized uses of your account.', 'en', 'customer-duty'],
  ['The Customer may not conduct penetration tests on the Platform.', 'en', 'customer-duty'],
  ['[ ] Provider will maintain annual SOC 2 Type II reports.', 'en', 'none'],
  ['Opdrachtgever is verantwoordelijk voor het tijdig installeren van beveiligingsupdates.', 'nl', 'customer-duty'],
  ['Indien Opdrachtgever daarom verzoekt, zal Leverancier een auditrapport verstrekken.', 'nl', 'supplier-duty'],
  ['Binnen dertig dagen nadat Opdrachtgever de ontvangst heeft bevestigd, verwijdert Leverancier alle gegevens.', 'nl', 'supplier-duty'],
  ['Opdrachtgever meldt Leverancier onverwijld ieder beveiligingsincident, zodat Leverancier kan beoordelen wat nodig is.', 'nl', 'customer-duty', 'meldt'],
  ['In geval van overmacht is geen der partijen gehouden tot nakoming.', 'nl', 'none'],
  ['Brightwell Ltd is a London-based provider of identity and access management as a service.', 'en', 'fragment'],
  ['Brightwell B.V. is een aanbieder van back-up- en herstelsoftware voor zorginstellingen.', 'nl', 'fragment'],
  ['Brightwell Ltd hosts all Customer Data in data centres in the Netherlands.', 'en', 'supplier-duty'],
  ['Please refer to our Security Response page for how to report a security incident or threat.', 'en', 'customer-duty'],
  ['Gelieve een vermoedelijk beveiligingsincident via het meldformulier aan ons door te geven.', 'nl', 'customer-duty'],
];

for (const [text, lang, expected, at] of cases) {
  test(`${expected}: ${text}`, () => assert.equal(commitment(text, lang, at), expected));
}

test('a marker whose subject is a name the document gives no role keeps that subject; a passive one takes the party before it', () => {
  const after = (text: string) => {
    const units = buildUnits(parseMarkdown(text), () => 'en');
    const s = units.sentences[0];
    const found = commitmentAt(sentenceCommitments(s, loadRuleData().language, { supplier: [], customer: [] }), Infinity, { party: 'customer', force: 'duty' });
    return found && `${found.party}-${found.force}`;
  };
  assert.equal(after('IN NO EVENT WILL EQUIDATA BE LIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES.'), 'unknown-duty');
  assert.equal(after('In no event shall Northwind Devices be liable for lost profits.'), 'unknown-duty');
  assert.equal(after('Each month the Marketing Affiliate shall send a report of its sales.'), 'unknown-duty');
  assert.equal(after('Such reports will be kept for two years.'), 'customer-duty');
  assert.equal(after('It will be sent by email.'), 'customer-duty');
});
