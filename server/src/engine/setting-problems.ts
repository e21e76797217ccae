/**
 * What is wrong with a configuration file or a document's front matter, kept as data and said in the
 * reader's language: the document's for its front matter, the command's (--lang, else the locale) or the
 * editor's for a configuration file. What a parser says in its own English words ({detail}) is shown only
 * in English; Dutch says the same in plain words.
 */
import type { Language } from './types.js';
import { fillTemplate } from './words.js';

/** A value a problem names: the same in both languages, or in words of each ("a list", "een lijst"). */
export type ProblemValue = string | number | Readonly<Record<Language, string>>;

const TEXTS = {
  // Configuration files
  json: { en: 'it is not valid JSON ({detail})', nl: 'het is geen geldige JSON' },
  yaml: { en: 'it is not valid YAML ({detail})', nl: 'het is geen geldige YAML' },
  'unknown-rule': { en: '{where} names an unknown rule “{name}”', nl: '{where} noemt een onbekende regel “{name}”' },
  'unknown-rule-guess': { en: '{where} names an unknown rule “{name}”: did you mean “{guess}”?', nl: '{where} noemt een onbekende regel “{name}”: bedoelt u “{guess}”?' },
  'unknown-setting': { en: 'unknown setting “{name}” in {where}', nl: 'onbekende instelling “{name}” in {where}' },
  'one-of': { en: '{where} must be one of: {allowed}', nl: '{where} moet een van deze waarden zijn: {allowed}' },
  required: { en: '{where} needs “{name}”', nl: 'in {where} ontbreekt “{name}”' },
  'wrong-type': { en: '{where} must be {kind}', nl: '{where} moet {kind} zijn' },
  invalid: { en: '{where} {detail}', nl: '{where} heeft een ongeldige waarde' },
  'too-long': { en: '“{where}” is longer than {max} characters', nl: '“{where}” is langer dan {max} tekens' },
  'too-many-words': { en: '“{where}” has more than {max} words', nl: '“{where}” heeft meer dan {max} woorden' },
  'too-many-gaps': { en: '“{where}” has {gaps} “...” gaps; at most {max} are allowed', nl: '“{where}” bevat {gaps} keer “...”; ten hoogste {max} keer is toegestaan' },
  'only-gaps': { en: '“{where}” needs at least one word besides “...”', nl: '“{where}” moet naast “...” ten minste één woord bevatten' },
  'glob-alternatives': { en: '“{where}” has more than {max} {…} alternatives', nl: '“{where}” heeft meer dan {max} alternatieven tussen {…}' },
  'glob-extended': {
    en: '“{where}” uses the extended glob “{marker}(…)”, which is not supported; use *, ?, [...] and {a,b}',
    nl: '“{where}” gebruikt het uitgebreide patroon “{marker}(…)”, dat niet wordt ondersteund; gebruik *, ?, [...] en {a,b}',
  },
  'not-found': { en: 'the configuration file does not exist', nl: 'het configuratiebestand bestaat niet' },
  // The playbook folder a configuration names, and its clause files
  'playbook-outside': {
    en: '“playbook” must be a folder inside the configuration\'s folder: a relative path without “..”',
    nl: '“playbook” moet een map binnen de map van de configuratie zijn: een relatief pad zonder “..”',
  },
  'playbook-link': {
    en: 'the playbook folder “{folder}” leads outside the configuration\'s folder (a symbolic link)',
    nl: 'de map “{folder}” van “playbook” leidt buiten de map van de configuratie (een symbolische koppeling)',
  },
  'playbook-yaml': { en: 'playbook file {file} is not valid YAML (line {line})', nl: 'het bestand {file} van “playbook” is geen geldige YAML (regel {line})' },
  'playbook-fields': {
    en: 'playbook file {file} needs id, a known topic, title, heading and text in en and nl',
    nl: 'in het bestand {file} van “playbook” ontbreekt “id”, een bekend “topic”, “title”, “heading” of “text” in “en” en “nl”',
  },
  // Front matter
  'fm-yaml': { en: '{detail} (front matter line {line})', nl: 'ongeldige YAML op regel {line} van de kopgegevens' },
  'fm-aliases': { en: '{detail} (YAML aliases that expand too far)', nl: 'YAML-verwijzingen (aliassen) die te ver uitdijen' },
  'fm-mapping': { en: '“clauselint” must be a mapping with type, regimes and language', nl: '“clauselint” moet sleutels bevatten: type, regimes en language' },
  'fm-type': { en: 'type “{value}” is not one of {allowed}', nl: 'type “{value}” is onbekend; kies uit {allowed}' },
  'fm-regime': { en: 'regime “{value}” is not one of {allowed}', nl: 'regime “{value}” is onbekend; kies uit {allowed}' },
  'fm-language': { en: 'language “{value}” is not en or nl', nl: 'language “{value}” is niet en of nl' },
  'fm-standard-text': { en: 'standardText must be true or a list of section headings', nl: 'standardText moet true zijn of een lijst met kopjes van artikelen' },
} as const satisfies Record<string, Record<Language, string>>;

export type ProblemId = keyof typeof TEXTS;
export interface SettingProblem { id: ProblemId; values?: Record<string, ProblemValue> }

/** Where in a configuration a problem is: a setting's path ("rules.liability"), or the whole file. */
const WHOLE: Record<Language, string> = { en: 'the configuration', nl: 'de configuratie' };

/** A configuration error as one plain sentence: the file, the line, what is wrong and what to do. */
const CONFIG_ERROR: Record<Language, string> = {
  en: 'configuration error in {file} line {line}: {problem}; {action}.',
  nl: 'fout in de configuratie {file} regel {line}: {problem}; {action}.',
};

function said(value: ProblemValue, lang: Language): string | number {
  return typeof value === 'object' ? value[lang] : value;
}

export function problemText(problems: SettingProblem | readonly SettingProblem[], lang: Language): string {
  return ([] as SettingProblem[]).concat(problems).map((p) => {
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(p.values ?? {})) values[k] = said(v, lang);
    if (values.where === '') values.where = WHOLE[lang];
    return fillTemplate(TEXTS[p.id][lang], values);
  }).join('; ');
}

/**
 * What to do about it: correct the line; or the path (a file named with --config that is not there); or
 * the playbook file named (its problem is in that file, not on the configuration's line).
 */
const ACTION: Record<'line' | 'path' | 'file', Record<Language, string>> = {
  line: { en: 'correct that line and save the file', nl: 'verbeter die regel en sla het bestand op' },
  path: { en: 'check the path given with --config', nl: 'controleer het pad dat met --config is opgegeven' },
  file: { en: 'correct that file and save it', nl: 'verbeter dat bestand en sla het op' },
};

function actionFor(problem: SettingProblem): keyof typeof ACTION {
  return problem.id === 'not-found' ? 'path' : problem.id === 'playbook-yaml' || problem.id === 'playbook-fields' ? 'file' : 'line';
}

/** A configuration error as one sentence (the command puts "clauselint: " before it, the editor a capital). */
export function configErrorText(file: string, line: number, problem: SettingProblem, lang: Language): string {
  const said = problemText(problem, lang);
  const action = ACTION[actionFor(problem)][lang];
  return fillTemplate(CONFIG_ERROR[lang], { file, line, problem: said, action });
}

/** Every text in both languages, for the test that reads Dutch strings as Dutch. */
export function allProblemTexts(): { id: string; lang: Language; text: string }[] {
  return [...Object.entries(TEXTS), ['config-error', CONFIG_ERROR] as const, ['whole', WHOLE] as const, ['action.line', ACTION.line] as const, ['action.path', ACTION.path] as const, ['action.file', ACTION.file] as const]
    .flatMap(([id, e]) => (['en', 'nl'] as const).map((lang) => ({ id, lang, text: e[lang] })));
}
