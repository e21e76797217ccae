/**
 * Messages for people who draft contracts, in the document's language. A finding's message is one
 * sentence of at most MESSAGE_LIMIT characters: what is missing or weak, and the one fix. Why it matters
 * (the references) and how to fix it in full are its details, shown one step away (hover, --verbose,
 * SARIF, the rule page). Keyed by message id so tests do not depend on wording.
 *
 * The sentences never make a verb agree with a topic's name ("Security updates is weak"): the name
 * follows a preposition ("Weak clause on security updates", "Geen bepaling over beveiligingsupdates").
 */
import type { Language } from './types.js';
import { fillTemplate } from './words.js';

/** The longest message: what the VS Code Problems panel shows on one line without cutting it. */
export const MESSAGE_LIMIT = 120;

type Text = string | readonly string[];

/** Short messages; a list holds shorter variants, the first that fits MESSAGE_LIMIT is used. */
const TEMPLATES = {
  missing: {
    en: 'No clause on {topic}: add one, for example from the catalogue.',
    nl: 'Geen bepaling over {topic}: neem er een op, bijvoorbeeld uit de catalogus.',
  },
  'weak-clause': {
    en: ['Weak clause on {topic}: also state {lacks}.', 'Weak clause on {topic}: also state {first} (and {more} more).', 'Weak clause on {topic}: also state {first}.'],
    nl: ['Zwakke bepaling over {topic}: regel ook {lacks}.', 'Zwakke bepaling over {topic}: regel ook {first} (en nog {more}).', 'Zwakke bepaling over {topic}: regel ook {first}.'],
  },
  // A weak phrase, a figure that falls short, a disclaimer or a hedge: {detail} says what, {fix} the fix.
  'weak-phrase': {
    en: ['Weak clause on {topic}: {detail}; {fix}.', 'Weak clause on {topic}: {detail}.'],
    nl: ['Zwakke bepaling over {topic}: {detail}; {fix}.', 'Zwakke bepaling over {topic}: {detail}.'],
  },
  contradiction: {
    en: ['Contradiction on {topic}: {value} here, {other} on line {otherLine}; use one figure.', 'Contradiction: {value} here, {other} on line {otherLine}; use one figure.'],
    nl: ['Tegenstrijdigheid over {topic}: hier {value}, elders {other} (regel {otherLine}); kies één waarde.', 'Tegenstrijdigheid: hier {value}, elders {other} (regel {otherLine}); kies één waarde.'],
  },
  'undefined-term': {
    en: ['“{term}” is used as a defined term but never defined; define it or write it in lower case.', '“{term}” is never defined; define it or write it in lower case.'],
    nl: ['“{term}” wordt als gedefinieerd begrip gebruikt maar nergens gedefinieerd; definieer het of schrijf het klein.', '“{term}” wordt nergens gedefinieerd; definieer het of schrijf het klein.'],
  },
  'missing-reference': {
    en: ['“{ref}” is referred to but not in the document; add it or correct the reference.'],
    nl: ['“{ref}” wordt genoemd maar ontbreekt in het document; voeg de bijlage toe of verbeter de verwijzing.'],
  },
  'undeclared-regime': {
    en: ['The contract mentions {regimeName} but does not declare “{regime}”; add it to regimes to check its requirements.', 'The contract mentions {regimeName}; add “{regime}” to regimes to check its requirements.'],
    nl: ['De overeenkomst noemt {regimeName}, maar “{regime}” is niet opgegeven; voeg het toe aan regimes om de eisen te controleren.', 'De overeenkomst noemt {regimeName}; voeg “{regime}” toe aan regimes om de eisen te controleren.'],
  },
  'contract-type-thin': {
    en: 'Contract type “{type}” was inferred from little text; declare it (clauselint: type: {type}).',
    nl: 'Soort overeenkomst “{type}” afgeleid uit weinig tekst; geef die op (clauselint: type: {type}).',
  },
  'contract-type-close': {
    en: 'Contract type “{type}” inferred, but “{runnerUp}” fits almost as well; declare it (clauselint: type: …).',
    nl: 'Soort overeenkomst “{type}” afgeleid, maar “{runnerUp}” past bijna even goed; geef die op (clauselint: type: …).',
  },
  'front-matter': {
    en: ['The front matter cannot be read: {problem}; correct the YAML between the --- lines.', 'The front matter cannot be read: {problem}.'],
    nl: ['De kopgegevens zijn onleesbaar: {problem}; verbeter de YAML tussen de ---regels.', 'De kopgegevens zijn onleesbaar: {problem}.'],
  },
} as const satisfies Record<string, Record<Language, Text>>;

/** The details: why it matters and how to fix it, in full. */
const DETAILS: Partial<Record<MessageId, Record<Language, string>>> = {
  contradiction: {
    en: 'Why it matters: two different figures for one duty make it uncertain which one binds.\nHow to fix: use the same figure in both places.',
    nl: 'Waarom: twee verschillende termijnen of bedragen voor één verplichting maken onzeker welke geldt.\nOplossing: gebruik op beide plaatsen dezelfde waarde.',
  },
  'undefined-term': {
    en: 'Why it matters: an undefined term is read in its ordinary meaning, which may not be what the parties intended.\nHow to fix: add a definition (“{term}” means …) or write it in lower case.',
    nl: 'Waarom: een ongedefinieerd begrip krijgt zijn gewone betekenis, die kan afwijken van wat partijen bedoelen.\nOplossing: neem een definitie op ({term}: …) of schrijf het met een kleine letter.',
  },
  'missing-reference': {
    en: 'Why it matters: a clause that relies on a missing annex or schedule may have no content.\nHow to fix: add “{ref}” to the document, or correct the reference.',
    nl: 'Waarom: een bepaling die naar een ontbrekende bijlage verwijst, kan zonder inhoud blijven.\nOplossing: voeg “{ref}” toe aan het document, of verbeter de verwijzing.',
  },
  'undeclared-regime': {
    en: 'Why it matters: the extra requirements of {regimeName} are checked only when the regime is declared.\nHow to fix: add “{regime}” to regimes in the front matter (clauselint: regimes: [{regime}]) or in the configuration.',
    nl: 'Waarom: de extra eisen van {regimeName} worden alleen gecontroleerd als dat regime is opgegeven.\nOplossing: voeg “{regime}” toe aan regimes in de kopgegevens bovenaan het document (clauselint: regimes: [{regime}]) of in de configuratie.',
  },
  'contract-type-thin': {
    en: 'Clauselint took this contract for type “{type}”{because}, but the text says little about what is supplied. The type decides which topics are checked.\nHow to fix: declare it in the front matter (clauselint: type: {type}) or with --type.',
    nl: 'Clauselint houdt deze overeenkomst voor soort “{type}”{because}, maar de tekst zegt weinig over wat er wordt geleverd. De soort bepaalt welke onderwerpen worden gecontroleerd.\nOplossing: geef de soort op in de kopgegevens bovenaan het document (clauselint: type: {type}) of met --type.',
  },
  'contract-type-close': {
    en: 'Clauselint took this contract for type “{type}”{because}, but it reads almost as much like “{runnerUp}”. The type decides which topics are checked.\nHow to fix: declare the right one in the front matter (clauselint: type: {type}) or with --type.',
    nl: 'Clauselint houdt deze overeenkomst voor soort “{type}”{because}, maar zij lijkt bijna even sterk op “{runnerUp}”. De soort bepaalt welke onderwerpen worden gecontroleerd.\nOplossing: geef de juiste soort op in de kopgegevens bovenaan het document (clauselint: type: {type}) of met --type.',
  },
  'front-matter': {
    en: 'The front matter cannot be read: {problem}. Clauselint uses the configuration and its own inference instead.\nHow to fix: correct the YAML between the --- lines.',
    nl: 'De kopgegevens zijn onleesbaar: {problem}. Clauselint gebruikt in plaats daarvan de configuratie en eigen herkenning.\nOplossing: verbeter de YAML tussen de ---regels.',
  },
};

/** The pieces of the messages on topics, which analyze.ts puts together per clause. */
const PIECES = {
  why: { en: 'Why it matters: {refs}.', nl: 'Waarom: {refs}.' },
  howMissing: { en: 'How to fix: {fix}', nl: 'Oplossing: {fix}' },
  lacks: { en: 'Not stated in the clause: {lacks}.', nl: 'Niet geregeld in de bepaling: {lacks}.' },
  howLacks: { en: 'How to fix: add what is missing, or insert a clause from the catalogue.', nl: 'Oplossing: vul aan wat ontbreekt, of voeg een bepaling uit de catalogus in.' },
  howPlaces: { en: 'How to fix:', nl: 'Oplossing:' },
  place: { en: 'line {line}: {detail}; {fix}.', nl: 'regel {line}: {detail}; {fix}.' },
  each: { en: '{phrases}: each {rest}', nl: '{phrases}: elk {rest}' },
  wording: { en: 'weak wording {phrases}', nl: 'zwakke formulering {phrases}' },
  several: { en: '{count} weak points ({phrases})', nl: '{count} zwakke punten ({phrases})' },
  alsoState: { en: 'also state {lacks}', nl: 'regel ook {lacks}' },
  specific: { en: 'make it specific', nl: 'maak het concreet' },
  eachSpecific: { en: 'make each specific', nl: 'maak ze concreet' },
  write: { en: 'write “{text}”', nl: 'schrijf “{text}”' },
  disclaimed: { en: '“{phrase}” disclaims the duty', nl: '“{phrase}” sluit de verplichting uit' },
  disclaimedFix: { en: 'remove the disclaimer', nl: 'schrap de uitsluiting' },
  hedged: { en: '“{phrase}” makes the duty conditional', nl: '“{phrase}” maakt de verplichting voorwaardelijk' },
  hedgedFix: { en: 'state the duty without the condition', nl: 'formuleer de verplichting zonder die voorwaarde' },
  playbook: { en: '“{phrase}” is on your organisation’s list of weak phrases', nl: '“{phrase}” staat op de lijst van zwakke formuleringen van uw organisatie' },
  tooLong: { en: '{value} is longer than the {limit} allowed', nl: '{value} is langer dan de toegestane {limit}' },
  tooLongFix: { en: 'shorten it to at most {limit}', nl: 'verkort de termijn tot ten hoogste {limit}' },
  tooShort: { en: 'a period of {value} is shorter than the {limit} required', nl: 'een periode van {value} is korter dan de vereiste {limit}' },
  tooShortFix: { en: 'extend it to at least {limit}', nl: 'verleng die tot ten minste {limit}' },
  tooLow: { en: 'a cap of {value} of fees is below twelve months of fees', nl: 'een maximum van {value} vergoeding ligt onder twaalf maanden vergoeding' },
  cap: { en: 'a cap of {value}', nl: 'een maximum van {value}' },
  tooLowFix: { en: 'raise it, or add a separate cap for security incidents', nl: 'verhoog het, of neem een apart maximum op voor beveiligingsincidenten' },
  longNoticeFix: { en: 'limit the notice to at most 30 days', nl: 'beperk de aankondigingstermijn tot ten hoogste 30 dagen' },
  more: { en: '{count} more', nl: 'nog {count}' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageId = keyof typeof TEMPLATES;
export type PieceId = keyof typeof PIECES;

/** Every template, detail and piece in both languages: for the tests that read them as text. */
export function allTemplates(): { id: string; lang: Language; text: string }[] {
  const out: { id: string; lang: Language; text: string }[] = [];
  const add = (id: string, entry: Record<Language, Text>) => {
    for (const lang of ['en', 'nl'] as const) for (const text of ([] as string[]).concat(entry[lang])) out.push({ id, lang, text });
  };
  for (const [id, entry] of Object.entries(TEMPLATES)) add(id, entry);
  for (const [id, entry] of Object.entries(DETAILS)) add(`${id}.details`, entry!);
  for (const [id, entry] of Object.entries(PIECES)) add(`piece.${id}`, entry);
  return out;
}

/** The first of the candidates that fits MESSAGE_LIMIT; else the shortest, cut at a word with an ellipsis. */
export function fit(candidates: string[]): string {
  const fitting = candidates.find((c) => c.length <= MESSAGE_LIMIT);
  if (fitting) return fitting;
  const shortest = candidates.reduce((a, b) => (b.length < a.length ? b : a));
  const cut = shortest.slice(0, MESSAGE_LIMIT - 1);
  const at = cut.lastIndexOf(' ');
  return `${(at > MESSAGE_LIMIT / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:]+$/, '')}…`;
}

export function message(id: MessageId, lang: Language, values: Record<string, string | number>): string {
  return fit(([] as string[]).concat(TEMPLATES[id][lang]).map((t) => fillTemplate(t, values)));
}

export function details(id: MessageId, lang: Language, values: Record<string, string | number>): string | undefined {
  const entry = DETAILS[id];
  return entry && fillTemplate(entry[lang], values);
}

export function piece(id: PieceId, lang: Language, values: Record<string, string | number> = {}): string {
  return fillTemplate(PIECES[id][lang], values);
}

/** A quoted phrase in a short message: at most 40 characters. */
export function shortPhrase(phrase: string): string {
  const flat = phrase.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39).replace(/\s+\S*$/, '')}…` : flat;
}

/** A topic's name inside a sentence: "incident notification", "NIS2 …" kept as written. */
export function inSentence(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

export function capitalise(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }

/** "a, b and c" / "a, b en c". */
export function joinList(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${items[items.length - 1]}`;
}

/** A figure as the language writes it: "2.5" in English, "2,5" in Dutch. */
function figure(n: number, lang: Language): string {
  const text = String(+n.toFixed(2));
  return lang === 'nl' ? text.replace('.', ',') : text;
}

export function formatHours(hours: number, lang: Language): string {
  if (hours > 96 && hours % 24 === 0) return `${hours / 24} ${lang === 'nl' ? 'dagen' : 'days'}`;
  return `${figure(hours, lang)} ${lang === 'nl' ? 'uur' : hours === 1 ? 'hour' : 'hours'}`;
}

/** Years; a period that is not whole years (one from a start date to an end date) in months. */
export function formatYears(years: number, lang: Language): string {
  const months = Math.round(years * 12);
  if (!Number.isInteger(years) && Math.abs(years * 12 - months) < 1e-6) return formatMonths(months, lang);
  return `${figure(years, lang)} ${lang === 'nl' ? 'jaar' : years === 1 ? 'year' : 'years'}`;
}

export function formatMonths(months: number, lang: Language): string {
  return `${figure(months, lang)} ${lang === 'nl' ? (months === 1 ? 'maand' : 'maanden') : months === 1 ? 'month' : 'months'}`;
}
