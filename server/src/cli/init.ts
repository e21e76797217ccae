/**
 * `clauselint --init`: writes a commented `.clauselintrc.yaml` in the working folder. The contract type and
 * regimes come from --type and --regimes, or are asked when a person is at the terminal; with neither, the
 * type is left to inference and no regime is declared.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILES } from '../config-names.js';
import { CONTRACT_TYPES, REGIMES, TOPIC_IDS, type ContractType, type Language, type Regime } from '../engine/types.js';
import { UsageError } from './files.js';
import { s } from './strings.js';

export const INIT_FILE = '.clauselintrc.yaml';

export interface InitAnswers { type?: ContractType; regimes?: Regime[]; language?: Language }

/**
 * Asks what --type and --regimes did not say, in the command's language; `ask` returns the line typed (or
 * undefined at end of input).
 */
export function askInit(given: InitAnswers, ask: (question: string) => string | undefined, lang: Language = 'en'): InitAnswers {
  const out = { ...given };
  while (!out.type) {
    const a = ask(s(lang, 'init.askType', { types: CONTRACT_TYPES.join(', ') }))?.trim();
    if (a === undefined || a === '') break;
    if ((CONTRACT_TYPES as readonly string[]).includes(a)) out.type = a as ContractType;
  }
  while (!out.regimes) {
    const a = ask(s(lang, 'init.askRegimes', { regimes: REGIMES.join(', ') }))?.trim();
    if (a === undefined || a === '') { out.regimes = []; break; }
    const items = a.split(/[\s,]+/).filter(Boolean);
    if (items.every((i) => (REGIMES as readonly string[]).includes(i))) out.regimes = items as Regime[];
  }
  return out;
}

/** The file's comments, in the language of --init's questions; keys and values stay as the schema has them. */
const COMMENTS = {
  en: {
    about: 'Clauselint configuration: it applies to the contracts in this folder and below (the nearest file wins).',
    reference: 'Every setting: schemas/clauselintrc.schema.json in the clauselint package; rules: docs/rules/.',
    type: 'The contract type when a contract\'s front matter does not say: {list}.',
    regimes: 'The regimes that apply (never inferred): {list}.',
    language: 'The contracts\' language, when it should not be detected: en or nl.',
    rules: 'Severity per rule (a topic id or a document rule): error, warning, information, hint or off.',
    requiredTopics: 'Topics your playbook requires in every contract, whatever its type ({list}, ...).',
    weakPhrases: 'Your organisation\'s own weak phrases.',
    ignores: 'Files not to lint, and standard texts that are checked but never edited by --fix (globs, relative to this file).',
  },
  nl: {
    about: 'Configuratie van Clauselint: die geldt voor de overeenkomsten in deze map en daaronder (het dichtstbijzijnde bestand gaat voor).',
    reference: 'Alle instellingen: schemas/clauselintrc.schema.json in het pakket clauselint; regels: docs/rules/.',
    type: 'De soort overeenkomst als de kopgegevens van een overeenkomst die niet noemen: {list}.',
    regimes: 'De wetgeving die van toepassing is (wordt nooit afgeleid): {list}.',
    language: 'De taal van de overeenkomsten, als die niet moet worden herkend: en of nl.',
    rules: 'Ernst per regel (een onderwerp of een documentregel): error, warning, information, hint of off.',
    requiredTopics: 'Onderwerpen die uw playbook in elke overeenkomst eist, van welke soort ook ({list}, ...).',
    weakPhrases: 'De eigen zwakke formuleringen van uw organisatie.',
    ignores: 'Bestanden die niet worden gecontroleerd, en standaardteksten die wel worden gecontroleerd maar nooit door --fix bewerkt (globpatronen, ten opzichte van dit bestand).',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The configuration text: every setting, the chosen ones set and the others commented out; comments in `lang`. */
export function initText(a: InitAnswers, lang: Language = 'en'): string {
  const line = (set: boolean, text: string) => (set ? text : `# ${text}`);
  const c = COMMENTS[lang];
  const example = a.language ?? lang;
  return `# yaml-language-server: $schema=https://clauselint.dev/schemas/clauselintrc.schema.json
# ${c.about}
# ${c.reference}

# ${c.type.replace('{list}', CONTRACT_TYPES.join(', '))}
${line(Boolean(a.type), `type: ${a.type ?? 'saas'}`)}

# ${c.regimes.replace('{list}', REGIMES.join(', '))}
${line(Boolean(a.regimes?.length), `regimes: [${(a.regimes?.length ? a.regimes : ['gdpr']).join(', ')}]`)}

# ${c.language}
${line(Boolean(a.language), `language: ${example}`)}

# ${c.rules}
# rules:
#   insurance: off
#   incident-notification: error

# ${c.requiredTopics.replace('{list}', TOPIC_IDS.slice(0, 3).join(', '))}
# requiredTopics: [insurance]

# ${c.weakPhrases}
# weakPhrases:
#   - ${example === 'nl' ? '{ topic: incident-notification, phrase: "zo snel als we kunnen", language: nl }' : '{ topic: incident-notification, phrase: "as soon as we can", language: en }'}

# ${c.ignores}
# ignores: ["drafts/**"]
# standardTexts: ["terms/eu-scc-*.md"]
`;
}

/** Writes the file; refuses when the folder already has a configuration. Returns its path. */
export function writeInit(cwd: string, answers: InitAnswers, lang: Language = 'en'): string {
  const existing = CONFIG_FILES.filter((n) => n !== 'package.json').find((n) => existsSync(join(cwd, n)));
  if (existing) throw new UsageError({
    en: `${existing} already exists here; --init writes a new configuration only`,
    nl: `${existing} bestaat hier al; --init schrijft alleen een nieuwe configuratie`,
  });
  const file = join(cwd, INIT_FILE);
  writeFileSync(file, initText(answers, lang), { flag: 'wx' });
  return file;
}
