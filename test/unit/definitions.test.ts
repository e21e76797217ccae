/** Defined terms as real contracts write them, and inserted clauses that use them (issue 9). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { applyEdits, fixAllEdits } from '../../server/src/engine/fixes.js';
import { findDefinitions } from '../../server/src/engine/definitions.js';
import { parseMarkdown } from '../../server/src/engine/markdown.js';

const terms = (text: string) => findDefinitions(parseMarkdown(text)).map((d) => d.term);

test('a quoted term with HTML a conversion left around it is defined (Common Paper: **"Customer Content"**</span> means)', () => {
  const text = `# Cloud Service Agreement\n\n13. <span class="header_2" id="13">Definitions</span>\n    7. <span id="13.7">**"Cloud Service"**</span> means the product described in the Order Form.\n    11. <span id="13.11">**"Customer Content"**</span> means data submitted by or on behalf of <span class="coverpage_link">Customer</span>.\n`;
  assert.deepEqual(terms(text), ['Cloud Service', 'Customer Content']);
  const def = findDefinitions(parseMarkdown(text)).find((d) => d.term === 'Cloud Service')!;
  assert.equal(text.slice(def.span.start, def.span.end), 'Cloud Service');
  assert.match(def.meaning, /^\s*the product described/);
});

test('"X": … and "X" means … are definitions anywhere; X: … and X means … only in a definitions article', () => {
  assert.deepEqual(terms(`# Terms\n\n"Service": the hosted platform described in the Order Form.\n`), ['Service']);
  assert.deepEqual(terms(`# Terms\n\n## 1. Definitions\n\n### Downtime\n\nDowntime means any period in which the Service is not available.\n\n- **Login Service** means the login page.\n`), ['Downtime', 'Login Service']);
  assert.deepEqual(terms(`# Terms\n\n## 4. Security\n\nSecurity: we take many measures.\n\nDowntime means nothing here.\n`), [], 'outside a definitions article neither is a definition');
});

test('Dutch: X: … in an article on Begrippen, after a lead-in "wordt verstaan:" without a heading, and in a definitions table', () => {
  assert.deepEqual(terms(`# Overeenkomst\n\n## Artikel 1 – Begrippen\n\n1.1 *Klantdata:* de gegevens die Opdrachtgever in de Dienst opslaat;\n\n1.2 Dienst: de clouddienst van Leverancier;\n`), ['Klantdata', 'Dienst']);
  assert.deepEqual(terms(`# Voorwaarden\n\n### Artikel  1\n\nOnder deze begrippen wordt verstaan: \n\n1.1.  *Diensten:* de door Opdrachtnemer te verrichten werkzaamheden;\n\n1.2.  *Opdrachtnemer:* de wederpartij van Opdrachtgever;\n\n### Artikel  2\n\nToepassing: deze voorwaarden gelden voor iedere opdracht.\n`), ['Diensten', 'Opdrachtnemer']);
  assert.deepEqual(terms(`# Overeenkomst\n\n## Artikel 3 – Diensten\n\n| Begrip | Betekenis |\n| --- | --- |\n| **Klantdata** | de gegevens die Opdrachtgever in de Dienst opslaat |\n| Dienst | de clouddienst van Leverancier |\n\n| Niveau | Reactietijd |\n| --- | --- |\n| Hoog | 4 uur |\n`), ['Klantdata', 'Dienst'], 'the head row defines nothing, and a table of figures defines nothing');
});

test('an abbreviation stands for its full name: "X" or "Y" means …, and X ("Y") whose initials spell Y', () => {
  const defs = findDefinitions(parseMarkdown(`# BAA\n\n## 1. Definitions\n\n1.1 **"Protected Health Information"** or **"PHI"** has the meaning given to it under HIPAA.\n\n1.2 The Service Level Agreement ("SLA") and the Support Desk (the "Desk") apply.\n`));
  const standsFor = Object.fromEntries(defs.map((d) => [d.term, d.standsFor]));
  assert.deepEqual(standsFor, { PHI: 'Protected Health Information', 'Protected Health Information': undefined, SLA: 'Service Level Agreement', Desk: undefined });
  assert.match(defs.find((d) => d.term === 'Protected Health Information')!.meaning, /given to it under HIPAA/, 'the first name gets the meaning too');
});

test('an inserted clause speaks of the service and the data in the contract\'s own defined terms (EN)', () => {
  const contract = `# Cloud Service Agreement\n\nThis Agreement is made between Acme Cloud B.V. (the "Provider") and Example Bank N.V. (the "Customer").\n\n## 1. Definitions\n\n1.1 <span id="1.1">**"Cloud Service"**</span> means the product described in the Order Form.\n\n1.2 <span id="1.2">**"Customer Content"**</span> means data submitted by the Customer to the Cloud Service.\n\n## 2. Fees\n\n2.1 The Customer pays the fees.\n\nSigned for the Provider and for the Customer.\n`;
  const r = analyze(contract, { type: 'saas' });
  const fixed = applyEdits(contract, fixAllEdits(r.fixContext, r.findings));
  const inserted = fixed.slice(fixed.indexOf('## 3.'));
  assert.match(inserted, /the Cloud Service/);
  assert.match(inserted, /Customer Content/);
  assert.doesNotMatch(inserted, /the services\b|Customer's data|data of the Customer/i);
  assert.match(inserted, /the Cloud Service is restored/, 'one service: the verb agrees');
  assert.doesNotMatch(inserted, /Cloud Service are\b|Cloud Service and the systems used for them/);
});

test('an inserted clause speaks of the service and the data in the contract\'s own defined terms (NL, a definitions table)', () => {
  const contract = `# Overeenkomst clouddienst\n\nDeze overeenkomst is gesloten tussen Leverancier B.V. ("Leverancier") en Gemeente Voorbeeld ("Opdrachtgever").\n\n## Artikel 1 – Begrippen\n\n| Begrip | Betekenis |\n| --- | --- |\n| Klantdata | de gegevens die Opdrachtgever in de Dienst opslaat |\n| Dienst | de clouddienst die Leverancier aan Opdrachtgever levert |\n\n## Artikel 2 – Vergoeding\n\n2.1 Opdrachtgever betaalt Leverancier de vergoeding.\n\nAldus overeengekomen en getekend.\n`;
  const r = analyze(contract, { type: 'saas' });
  const fixed = applyEdits(contract, fixAllEdits(r.fixContext, r.findings));
  const inserted = fixed.slice(fixed.indexOf('## Artikel 3'));
  assert.match(inserted, /de Klantdata/);
  assert.match(inserted, /de Dienst\b/);
  assert.doesNotMatch(inserted, /de gegevens van Opdrachtgever|de dienstverlening/);
});
