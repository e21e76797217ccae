/**
 * The interface words that the command, the editor and the review report share (a topic's status, the
 * column headings, where a setting came from, the contract types), written once in both languages, and
 * the one way a `{name}` in a template is filled.
 */
import type { ContractType, Language, Regime } from './types.js';

export type Texts = Readonly<Record<Language, string>>;

/** Fills `{name}` from `values`; a name without a value stays as written ("{a,b}", "{…}"). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (values[key] !== undefined ? String(values[key]) : m));
}

/** A table's lookup: `say(lang, id, values)` fills the entry's template in `lang`. */
export function phrasebook<Id extends string>(table: Readonly<Record<Id, Texts>>) {
  return (lang: Language, id: Id, values: Readonly<Record<string, string | number>> = {}): string => fillTemplate(table[id][lang], values);
}

/** The same words with a capital, for a heading or a table column ("Present", "Aanwezig"). */
export function heading(texts: Texts): Texts {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return { en: cap(texts.en), nl: cap(texts.nl) };
}

export const WORDS = {
  // A topic's status, as an adjective beside the others ("3 aanwezig · 1 zwak · 2 ontbrekend").
  'status.present': { en: 'present', nl: 'aanwezig' },
  'status.weak': { en: 'weak', nl: 'zwak' },
  'status.missing': { en: 'missing', nl: 'ontbrekend' },
  'status.not-applicable': { en: 'not applicable', nl: 'niet van toepassing' },
  coverage: { en: '{present} present · {weak} weak · {missing} missing', nl: '{present} aanwezig · {weak} zwak · {missing} ontbrekend' },
  coverageTitle: { en: 'Security coverage', nl: 'Dekking van beveiligingsbepalingen' },
  topic: { en: 'topic', nl: 'onderwerp' },
  status: { en: 'status', nl: 'status' },
  findings: { en: 'findings', nl: 'bevindingen' },
  contract: { en: 'contract', nl: 'overeenkomst' },
  contractType: { en: 'contract type', nl: 'soort overeenkomst' },
  regimes: { en: 'regimes', nl: 'regimes' },
  references: { en: 'references', nl: 'bronnen' },
  line: { en: 'line', nl: 'regel' },
  none: { en: 'none', nl: 'geen' },
  // Where a setting came from.
  'source.front-matter': { en: 'from front matter', nl: 'uit de kopgegevens' },
  'source.config': { en: 'from configuration', nl: 'uit de configuratie' },
  'source.inferred': { en: 'inferred', nl: 'afgeleid' },
  // A catalogue clause's variant.
  'variant.balanced': { en: 'balanced', nl: 'evenwichtig' },
  'variant.strict': { en: 'strict', nl: 'streng' },
  'variant.playbook': { en: 'playbook', nl: 'eigen' },
  preferred: { en: 'preferred', nl: 'voorkeur' },
  'lang.en': { en: 'English', nl: 'Engels' },
  'lang.nl': { en: 'Dutch', nl: 'Nederlands' },
  // The contract types.
  'type.saas': { en: 'SaaS / cloud service', nl: 'SaaS / clouddienst' },
  'type.software': { en: 'software licence', nl: 'softwarelicentie' },
  'type.hardware': { en: 'hardware / product', nl: 'hardware / product' },
  'type.managed-services': { en: 'managed services', nl: 'beheerde diensten' },
  'type.dpa': { en: 'data processing agreement', nl: 'verwerkersovereenkomst' },
  'type.other': { en: 'other', nl: 'overig' },
  // The regimes by the names their readers use: the AVG in Dutch, the GDPR in English.
  'regime.nis2': { en: 'NIS2', nl: 'NIS2' },
  'regime.dora': { en: 'DORA', nl: 'DORA' },
  'regime.dora-critical': { en: 'DORA (critical functions)', nl: 'DORA (kritieke functies)' },
  'regime.gdpr': { en: 'GDPR', nl: 'AVG' },
  'regime.cra': { en: 'CRA', nl: 'Cyberweerbaarheidsverordening' },
} as const satisfies Record<string, Texts> & Record<`type.${ContractType}` | `regime.${Regime}`, Texts>;

export type WordId = keyof typeof WORDS;

/** The word for a catalogue clause's variant: the organisation's own (playbook), strict, or balanced. */
export function variantWord(clause: { source?: string; variant: string }): 'variant.playbook' | 'variant.strict' | 'variant.balanced' {
  return clause.source === 'playbook' ? 'variant.playbook' : clause.variant === 'strict' ? 'variant.strict' : 'variant.balanced';
}
export const word = phrasebook(WORDS);

/** The regime a reader's name stands for ("AVG", "GDPR", "Cyberweerbaarheidsverordening"), case aside. */
export function regimeNamed(name: string): Regime | undefined {
  const lower = name.toLowerCase();
  for (const [id, texts] of Object.entries(WORDS)) {
    if (id.startsWith('regime.') && (texts.en.toLowerCase() === lower || texts.nl.toLowerCase() === lower)) return id.slice('regime.'.length) as Regime;
  }
  return undefined;
}

/** The regimes by name, in a list ("AVG, NIS2"); ids are for configuration files, not for readers. */
export function regimeNames(regimes: readonly Regime[], lang: Language): string {
  return regimes.map((r) => word(lang, `regime.${r}`)).join(', ');
}
