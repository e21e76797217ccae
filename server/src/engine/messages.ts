/**
 * Messages for people who draft contracts: what is missing or weak, why (the legal reference) and
 * how to fix it, in the document's language. Keyed by message id so tests do not depend on wording.
 */
import type { Language } from './types.js';

const TEMPLATES = {
  missing: {
    en: '{topic} is missing: no clause in this contract covers it. Why it matters: {refs}. How to fix: {fix}',
    nl: '{topic} ontbreekt: geen bepaling in deze overeenkomst regelt dit. Waarom: {refs}. Oplossing: {fix}',
  },
  'weak-clause': {
    en: '{topic} is weak: the clause does not state {lacks}. Why it matters: {refs}. How to fix: add {lacks}, or insert a clause from the catalogue.',
    nl: '{topic} is zwak: de bepaling regelt niet {lacks}. Waarom: {refs}. Oplossing: vul {lacks} aan, of voeg een bepaling uit de catalogus in.',
  },
  'weak-phrase': {
    en: '{topic} is weak: {detail}. Why it matters: {refs}. How to fix: {fix}',
    nl: '{topic} is zwak: {detail}. Waarom: {refs}. Oplossing: {fix}',
  },
  'too-long': {
    en: '{topic} is weak: {value} is longer than the {limit} that applies. Why it matters: {refs}. How to fix: shorten the deadline to at most {limit}.',
    nl: '{topic} is zwak: {value} is langer dan de toegestane {limit}. Waarom: {refs}. Oplossing: verkort de termijn tot ten hoogste {limit}.',
  },
  'too-short': {
    en: '{topic} is weak: a period of {value} is shorter than the {limit} required. Why it matters: {refs}. How to fix: extend it to at least {limit}.',
    nl: '{topic} is zwak: een periode van {value} is korter dan de vereiste {limit}. Waarom: {refs}. Oplossing: verleng deze tot ten minste {limit}.',
  },
  'too-low': {
    en: '{topic} is weak: a cap of {value} of fees is below twelve months of fees. Why it matters: {refs}. How to fix: raise the cap to at least the fees of twelve months, or add a separate cap for security incidents and data loss.',
    nl: '{topic} is zwak: een maximum van {value} vergoeding ligt onder twaalf maanden vergoeding. Waarom: {refs}. Oplossing: verhoog het maximum tot ten minste twaalf maanden vergoeding, of neem een apart maximum op voor beveiligingsincidenten en gegevensverlies.',
  },
  disclaimed: {
    en: '{topic} is weak: “{phrase}” disclaims the duty this clause speaks of. Why it matters: {refs}. How to fix: remove the disclaimer, or replace the clause with one from the catalogue.',
    nl: '{topic} is zwak: “{phrase}” sluit de verplichting uit waar deze bepaling over gaat. Waarom: {refs}. Oplossing: schrap de uitsluiting, of vervang de bepaling door een bepaling uit de catalogus.',
  },
  hedged: {
    en: '{topic} is weak: “{phrase}” makes the duty depend on something the contract does not settle. Why it matters: {refs}. How to fix: state the duty without the condition, or insert a clause from the catalogue.',
    nl: '{topic} is zwak: “{phrase}” maakt de verplichting afhankelijk van iets wat de overeenkomst niet regelt. Waarom: {refs}. Oplossing: formuleer de verplichting zonder die voorwaarde, of voeg een bepaling uit de catalogus in.',
  },
  contradiction: {
    en: 'Contradiction on {topic}: this clause says {value}, another clause (line {otherLine}) says {other}. Why it matters: two different figures for one duty make it uncertain which one binds. How to fix: use one figure in both places.',
    nl: 'Tegenstrijdigheid over {topic}: deze bepaling noemt {value}, een andere bepaling (regel {otherLine}) noemt {other}. Waarom: twee verschillende termijnen of bedragen voor één verplichting maken onzeker welke geldt. Oplossing: gebruik op beide plaatsen hetzelfde.',
  },
  'undefined-term': {
    en: '“{term}” is used as a defined term but the contract never defines it. Why it matters: an undefined term is read in its ordinary meaning, which may not be what the parties intended. How to fix: add a definition (“{term}” means …) or write it in lower case.',
    nl: '“{term}” wordt gebruikt als gedefinieerd begrip, maar de overeenkomst definieert het nergens. Waarom: een ongedefinieerd begrip krijgt zijn gewone betekenis, die kan afwijken van wat partijen bedoelen. Oplossing: neem een definitie op ({term}: …) of schrijf het met een kleine letter.',
  },
  'missing-reference': {
    en: '“{ref}” is referred to but the document has no such annex or schedule. Why it matters: a clause that relies on a missing annex may have no content. How to fix: add “{ref}” to the document, or correct the reference.',
    nl: '“{ref}” wordt genoemd, maar het document bevat die bijlage niet. Waarom: een bepaling die naar een ontbrekende bijlage verwijst, kan zonder inhoud blijven. Oplossing: voeg “{ref}” toe of verbeter de verwijzing.',
  },
  'undeclared-regime': {
    en: 'The contract mentions {regimeName} but does not declare the regime “{regime}”, so its extra requirements are not checked. How to fix: add “{regime}” to regimes in the front matter (clauselint: regimes: [{regime}]) or in the configuration.',
    nl: 'De overeenkomst noemt {regimeName}, maar verklaart het regime “{regime}” niet van toepassing, zodat de extra eisen niet worden gecontroleerd. Oplossing: voeg “{regime}” toe aan regimes in de front matter (clauselint: regimes: [{regime}]) of in de configuratie.',
  },
  'contract-type-thin': {
    en: 'Clauselint took this contract for type “{type}”{because}, but the text says little about what is supplied. The type decides which topics are checked. How to fix: declare it in the front matter (clauselint: type: {type}) or with --type.',
    nl: 'Clauselint houdt deze overeenkomst voor type “{type}”{because}, maar de tekst zegt weinig over wat er wordt geleverd. Het type bepaalt welke onderwerpen worden gecontroleerd. Oplossing: geef het type op in de front matter (clauselint: type: {type}) of met --type.',
  },
  'contract-type-close': {
    en: 'Clauselint took this contract for type “{type}”{because}, but it reads almost as much like “{runnerUp}”. The type decides which topics are checked. How to fix: declare the right one in the front matter (clauselint: type: {type}) or with --type.',
    nl: 'Clauselint houdt deze overeenkomst voor type “{type}”{because}, maar zij lijkt bijna even sterk op “{runnerUp}”. Het type bepaalt welke onderwerpen worden gecontroleerd. Oplossing: geef het juiste type op in de front matter (clauselint: type: {type}) of met --type.',
  },
  'front-matter': {
    en: 'The front matter cannot be read: {problem}. Clauselint uses the configuration and its own inference instead. How to fix: correct the YAML between the --- lines.',
    nl: 'De front matter is onleesbaar: {problem}. Clauselint gebruikt in plaats daarvan de configuratie en eigen herkenning. Oplossing: verbeter de YAML tussen de ---regels.',
  },
} as const;

export type MessageId = keyof typeof TEMPLATES;

export function message(id: MessageId, lang: Language, values: Record<string, string | number>): string {
  return TEMPLATES[id][lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

/** "a, b and c" / "a, b en c". */
export function joinList(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${items[items.length - 1]}`;
}

export function formatHours(hours: number, lang: Language): string {
  if (hours > 96 && hours % 24 === 0) return `${hours / 24} ${lang === 'nl' ? 'dagen' : 'days'}`;
  return `${+hours.toFixed(2)} ${lang === 'nl' ? 'uur' : hours === 1 ? 'hour' : 'hours'}`;
}

export function formatYears(years: number, lang: Language): string {
  return `${+years.toFixed(2)} ${lang === 'nl' ? 'jaar' : years === 1 ? 'year' : 'years'}`;
}

export function formatMonths(months: number, lang: Language): string {
  return `${+months.toFixed(2)} ${lang === 'nl' ? 'maanden' : months === 1 ? 'month' : 'months'}`;
}
