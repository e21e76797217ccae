/** `clauselint catalogue`: the clause catalogue for people, and the playbook folder of a configuration. */
import { resolve } from 'node:path';
import { builtInCatalogue, fillClause, readClauseFolder, type CatalogueClause } from '../engine/catalogue.js';
import { ConfigError, type LoadedConfig } from '../config.js';
import { TOPIC_IDS, type Language, type TopicId } from '../engine/types.js';
import { citation } from '../engine/citations.js';
import { s } from './strings.js';

const cache = new Map<string, CatalogueClause[]>();

/** The organisation's own clauses, from the folder its configuration names. */
export function playbookFor(config: LoadedConfig): CatalogueClause[] {
  const folder = config.settings.playbook;
  if (!folder || !config.file) return [];
  const dir = resolve(config.dir, folder);
  let clauses = cache.get(dir);
  if (!clauses) {
    clauses = readClauseFolder(dir, 'playbook');
    for (const c of clauses) {
      if (!c || typeof c !== 'object' || !c.id || !TOPIC_IDS.includes(c.topic) || !c.text?.en || !c.text?.nl || !c.heading || !c.title) {
        throw new ConfigError(config.file, 1, `playbook clause “${c?.id ?? '?'}” in ${folder} needs id, a known topic, title, heading and text in en and nl`);
      }
    }
    cache.set(dir, clauses);
  }
  return clauses;
}

export function printCatalogue(topic: TopicId | undefined, lang: Language, playbook: CatalogueClause[]): string {
  const all = [...playbook, ...builtInCatalogue()];
  // The headers, variants and references in the language asked for (--lang), like the titles.
  const variant = (c: CatalogueClause) => s(lang, c.source === 'playbook' ? 'variant.playbook' : c.variant === 'strict' ? 'variant.strict' : 'variant.balanced');
  if (!topic) {
    const rows = all.map((c) => `${c.topic.padEnd(24)} ${c.id.padEnd(36)} ${variant(c).padEnd(11)} ${c.title[lang]}`);
    return `${s(lang, 'catalogue.topic').padEnd(24)} ${s(lang, 'catalogue.clause').padEnd(36)} ${s(lang, 'catalogue.variant').padEnd(11)} ${s(lang, 'catalogue.title')}\n${rows.join('\n')}\n`;
  }
  const parties = lang === 'nl' ? { supplier: 'Leverancier', customer: 'Opdrachtgever' } : { supplier: 'the Supplier', customer: 'the Customer' };
  return all.filter((c) => c.topic === topic).map((c) => [
    `## ${c.title[lang]}`,
    `${c.id} · ${variant(c)}${c.preferred ? ` · ${s(lang, 'preferred')}` : ''} · ${c.references.map((r) => citation(r, lang)).join('; ')}`,
    '',
    fillClause(c, lang, parties),
    '',
  ].join('\n')).join('\n');
}
