/** Every rule has its data, its documentation page and its catalogue clauses: nothing is added in one place only. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ruleIndex } from '../../server/src/engine/rule-index.js';
import { loadRuleData, rulesDir } from '../../server/src/engine/rule-data.js';
import { builtInCatalogue } from '../../server/src/engine/catalogue.js';
import { TOPIC_IDS } from '../../server/src/engine/types.js';

const docs = join(rulesDir(), '..', 'docs', 'rules');
const schema = JSON.parse(readFileSync(join(rulesDir(), '..', 'schemas', 'clauselintrc.schema.json'), 'utf8'));

test('every rule has a documentation page with examples in English and Dutch, listed in the index', () => {
  const index = readFileSync(join(docs, 'README.md'), 'utf8');
  for (const rule of ruleIndex()) {
    const page = join(docs, `${rule.id}.md`);
    assert.ok(existsSync(page), `docs/rules/${rule.id}.md is missing`);
    const text = readFileSync(page, 'utf8');
    assert.match(text, new RegExp(`^# ${rule.id}\\b`), `${rule.id}: the page starts with its id`);
    for (const heading of ['### Weak (English)', '### Strong (English)', '### Zwak (Nederlands)', '### Sterk (Nederlands)', '## Configuration']) {
      assert.ok(text.includes(heading), `${rule.id}: no “${heading}”`);
    }
    assert.ok(index.includes(`${rule.id}.md`), `docs/rules/README.md does not link ${rule.id}`);
  }
  const pages = readdirSync(docs).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort();
  assert.deepEqual(pages, ruleIndex().map((r) => r.id).sort(), 'a page without a rule, or a rule without a page');
});

test('every topic id of topics.md has its rule data, messages in both languages and catalogue clauses', () => {
  const { topics } = loadRuleData();
  for (const id of TOPIC_IDS) {
    const rule = topics.get(id)!;
    assert.ok(rule.name.en && rule.name.nl && rule.missing.en && rule.missing.nl, id);
    assert.ok(rule.references.length > 0, `${id}: references`);
    for (const lang of ['en', 'nl'] as const) for (const [c, terms] of Object.entries(rule.concepts)) assert.ok(terms[lang]?.length, `${id}: concept ${c} has no ${lang} terms`);
    assert.ok(builtInCatalogue().some((c) => c.topic === id), `${id}: no catalogue clause`);
  }
});

test('the configuration schema knows every rule id', () => {
  const names: string[] = schema.properties.rules.propertyNames.enum;
  assert.deepEqual([...names].sort(), ruleIndex().map((r) => r.id).sort());
});

test('no rule is a hint by default: VS Code leaves hints out of the Problems panel', () => {
  for (const rule of ruleIndex()) assert.notEqual(rule.severity, 'hint', `${rule.id} would show only as dots under the text`);
});

test('the editor settings (package.json) list every topic and rule id wherever they list them', () => {
  const manifest = JSON.parse(readFileSync(join(rulesDir(), '..', 'package.json'), 'utf8'));
  const lists: string[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value) && value.includes('security-measures')) lists.push(value);
      else walk(value);
    }
  };
  walk(manifest.contributes.configuration);
  assert.ok(lists.length > 0, 'the settings list the ids somewhere');
  const rules = ruleIndex().map((r) => r.id).sort(), topics = [...TOPIC_IDS].sort();
  for (const list of lists) assert.ok([rules.join(), topics.join()].includes([...list].sort().join()), `an enum of the settings lacks ids: ${list.join(', ')}`);
});
