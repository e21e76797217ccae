/**
 * The clause catalogue (`rules/catalogue/<topic>/<clause>.yaml`): clauses in both languages with
 * placeholders for the parties and for numbers. An organisation's own clauses (its playbook) come first.
 */
import { rulesFolder } from './rule-data.js';
import type { ContractType, Language, Localized, Regime, TopicId } from './types.js';

export interface CatalogueClause {
  id: string;
  topic: TopicId;
  variant: string;
  preferred: boolean;
  title: Localized;
  heading: Localized;
  types: ContractType[];
  regimes: Regime[];
  references: string[];
  parameters?: Record<string, number>;
  text: Localized;
  /** Where it came from: the built-in catalogue or a playbook folder. */
  source?: 'built-in' | 'playbook';
}

let builtIn: CatalogueClause[] | undefined;

export function builtInCatalogue(): CatalogueClause[] {
  builtIn ??= rulesFolder().catalogue.map((c) => ({ ...(c as CatalogueClause), source: 'built-in' as const }));
  return builtIn;
}

/** Clauses for a topic that fit the contract: playbook first, then the preferred variant, then the rest. */
export function clausesFor(topic: TopicId, type: ContractType, playbook: CatalogueClause[] = []): CatalogueClause[] {
  const all = [...playbook, ...builtInCatalogue()].filter((c) => c.topic === topic);
  // A regime can bring a topic to a type no clause was written for: then every clause of the topic is offered.
  const fitting = all.filter((c) => !c.types?.length || c.types.includes(type));
  const rank = (c: CatalogueClause) => (c.source === 'playbook' ? 0 : c.preferred ? 1 : 2);
  return (fitting.length ? fitting : all).sort((a, b) => rank(a) - rank(b));
}

export function formatNumber(n: number, lang: Language): string {
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');
  return frac ? `${grouped}${lang === 'nl' ? ',' : '.'}${frac}` : grouped;
}

/** The clause text with parties and numbers filled in; a party at the start of a sentence gets a capital. */
export function fillClause(clause: CatalogueClause, lang: Language, parties: { supplier: string; customer: string }): string {
  const values: Record<string, string> = { supplier: parties.supplier, customer: parties.customer };
  for (const [k, v] of Object.entries(clause.parameters ?? {})) values[k] = formatNumber(v, lang);
  const text = clause.text[lang].replace(/\s+/g, ' ').trim();
  const value = (key: string) => values[key] ?? `{{${key}}}`;
  return text
    .replace(/(^|[.;:!?]\s+)\{\{(\w+)\}\}/g, (_, lead: string, key: string) => lead + value(key).charAt(0).toUpperCase() + value(key).slice(1))
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => value(key));
}
