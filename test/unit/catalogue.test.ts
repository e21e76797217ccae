/** Every catalogue clause, inserted into a contract, makes its topic present: in English and in Dutch. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { analyze, applicableTopics } from '../../server/src/engine/analyze.js';
import { builtInCatalogue, type CatalogueClause } from '../../server/src/engine/catalogue.js';
import { applyEdits } from '../../server/src/engine/fixes.js';
import { rulesDir } from '../../server/src/engine/rule-data.js';
import { TOPIC_IDS, type ContractType, type Language } from '../../server/src/engine/types.js';

const SKELETON: Record<Language, string> = {
  en: `# Services Agreement

This Agreement is made between Example Supplier B.V. (the "Supplier") and Example Customer N.V. (the "Customer").

## 1. Subject

1.1 The Supplier provides the services described in this Agreement to the Customer.

## 2. Fees

2.1 The Customer pays the Supplier the fees set out in this Agreement.

Signed for the Supplier and for the Customer.
`,
  nl: `# Overeenkomst

Deze overeenkomst is gesloten tussen Voorbeeld Leverancier B.V. ("Leverancier") en Voorbeeld Opdrachtgever N.V. ("Opdrachtgever").

## Artikel 1 – Onderwerp

1.1 Leverancier levert Opdrachtgever de diensten die in deze overeenkomst zijn omschreven.

## Artikel 2 – Vergoeding

2.1 Opdrachtgever betaalt Leverancier de vergoeding die in deze overeenkomst is vastgelegd.

Aldus overeengekomen en getekend.
`,
};

/** The strictest setting the clause claims to fit: a type it names where its topic applies, with all its regimes. */
function settingFor(c: CatalogueClause): { type: ContractType; regimes: CatalogueClause['regimes'] } {
  const type = c.types.find((t) => applicableTopics(t, c.regimes).has(c.topic)) ?? c.types[0];
  return { type, regimes: c.regimes };
}

const catalogue = builtInCatalogue();

test('the catalogue has a balanced and a strict clause for every topic, valid against its schema', () => {
  const schema = JSON.parse(readFileSync(join(rulesDir(), 'schemas', 'catalogue.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  for (const { source: _source, ...c } of catalogue) assert.ok(validate(c), `${c.id}: ${JSON.stringify(validate.errors)}`);
  for (const topic of TOPIC_IDS) {
    const variants = catalogue.filter((c) => c.topic === topic).map((c) => c.variant).sort();
    assert.deepEqual(variants, ['balanced', 'strict'], topic);
  }
});

for (const clause of catalogue) {
  for (const lang of ['en', 'nl'] as const) {
    test(`${clause.id} (${lang}) makes ${clause.topic} present`, () => {
      const { type, regimes } = settingFor(clause);
      const settings = { type, regimes, language: lang };
      const before = analyze(SKELETON[lang], settings);
      const missing = before.findings.find((f) => f.topic === clause.topic && f.messageId === 'missing');
      assert.ok(missing, `${clause.topic} is missing from the skeleton`);
      const fix = missing.fixes.find((f) => f.kind === 'insert-clause' && f.title.includes(clause.title[lang]));
      assert.ok(fix, `no fix inserts ${clause.id}`);
      const after = analyze(applyEdits(SKELETON[lang], fix.edits), settings);
      const status = after.topics[clause.topic].status;
      const why = after.findings.filter((f) => f.topic === clause.topic).map((f) => f.message).join('\n');
      assert.equal(status, 'present', why);
    });
  }
}
