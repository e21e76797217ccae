/**
 * `clauselint catalogue`: the clause catalogue for people; and the playbook folder of a configuration,
 * read for the command, the library and the language server alike.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { builtInCatalogue, fillClause, type CatalogueClause } from '../engine/catalogue.js';
import { ConfigError, type LoadedConfig } from '../config.js';
import { TOPIC_IDS, type Language, type TopicId } from '../engine/types.js';
import { citation } from '../engine/citations.js';
import { s } from './strings.js';
import { variantWord, word } from '../engine/words.js';

const cache = new WeakMap<LoadedConfig, CatalogueClause[]>();

/**
 * The organisation's own clauses, from the folder its configuration names (remembered with that
 * configuration, so a server that forgets a changed configuration reads its playbook again). The folder
 * must lie inside the configuration's folder, symbolic links resolved; inside it only regular files and
 * folders are read, never a link. A bad file is a ConfigError naming the file, never quoting it.
 */
export function playbookFor(config: LoadedConfig): CatalogueClause[] {
  const folder = config.settings.playbook;
  if (!folder || !config.file) return [];
  let clauses = cache.get(config);
  if (!clauses) {
    const file = config.file;
    const line = config.lineOf?.('playbook') ?? 1;
    const dir = resolve(config.dir, folder);
    if (!existsSync(dir)) return [];
    const rel = relative(realpathSync(config.dir), realpathSync(dir));
    if (rel.startsWith('..') || isAbsolute(rel)) throw new ConfigError(file, line, { id: 'playbook-link', values: { folder } });
    clauses = [];
    for (const path of yamlFiles(dir)) {
      const shown = relative(config.dir, path);
      let clause: CatalogueClause;
      const text = readFileSync(path, 'utf8');
      try { clause = parseYaml(text, { prettyErrors: false }) as CatalogueClause; } catch (err) {
        if (!(err instanceof YAMLParseError)) throw err;
        // Without pretty errors (which quote the file) the parser gives an offset, not a line.
        const at = text.slice(0, err.pos[0]).split('\n').length;
        throw new ConfigError(file, line, { id: 'playbook-yaml', values: { file: shown, line: at } });
      }
      if (!clause || typeof clause !== 'object' || typeof clause.id !== 'string' || !TOPIC_IDS.includes(clause.topic) || typeof clause.text?.en !== 'string'
        || typeof clause.text?.nl !== 'string' || !clause.heading || !clause.title) {
        throw new ConfigError(file, line, { id: 'playbook-fields', values: { file: shown } });
      }
      clauses.push({ ...clause, source: 'playbook' });
    }
    cache.set(config, clauses);
  }
  return clauses;
}

/** The .yaml and .yml files of a folder and its subfolders, sorted; links are not followed. */
function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out;
}

export function printCatalogue(topic: TopicId | undefined, lang: Language, playbook: CatalogueClause[]): string {
  const all = [...playbook, ...builtInCatalogue()];
  // The headers, variants and references in the language asked for (--lang), like the titles.
  const variant = (c: CatalogueClause) => word(lang, variantWord(c));
  if (!topic) {
    const rows = all.map((c) => `${c.topic.padEnd(24)} ${c.id.padEnd(36)} ${variant(c).padEnd(11)} ${c.title[lang]}`);
    return `${s(lang, 'catalogue.topic').padEnd(24)} ${s(lang, 'catalogue.clause').padEnd(36)} ${s(lang, 'catalogue.variant').padEnd(11)} ${s(lang, 'catalogue.title')}\n${rows.join('\n')}\n`;
  }
  const parties = lang === 'nl' ? { supplier: 'Leverancier', customer: 'Opdrachtgever' } : { supplier: 'the Supplier', customer: 'the Customer' };
  return all.filter((c) => c.topic === topic).map((c) => [
    `## ${c.title[lang]}`,
    `${c.id} · ${variant(c)}${c.preferred ? ` · ${word(lang, 'preferred')}` : ''} · ${c.references.map((r) => citation(r, lang)).join('; ')}`,
    '',
    fillClause(c, lang, parties),
    '',
  ].join('\n')).join('\n');
}
