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

/** The configuration text: every setting, the chosen ones set and the others commented out. */
export function initText(a: InitAnswers): string {
  const line = (set: boolean, text: string) => (set ? text : `# ${text}`);
  return `# yaml-language-server: $schema=https://clauselint.dev/schemas/clauselintrc.schema.json
# Clauselint configuration: it applies to the contracts in this folder and below (the nearest file wins).
# Every setting: schemas/clauselintrc.schema.json in the clauselint package; rules: docs/rules/.

# The contract type when a contract's front matter does not say: ${CONTRACT_TYPES.join(', ')}.
${line(Boolean(a.type), `type: ${a.type ?? 'saas'}`)}

# The regimes that apply (never inferred): ${REGIMES.join(', ')}.
${line(Boolean(a.regimes?.length), `regimes: [${(a.regimes?.length ? a.regimes : ['gdpr']).join(', ')}]`)}

# The contracts' language, when it should not be detected: en or nl.
${line(Boolean(a.language), `language: ${a.language ?? 'en'}`)}

# Severity per rule (a topic id or a document rule): error, warning, information, hint or off.
# rules:
#   insurance: off
#   incident-notification: error

# Topics your playbook requires in every contract, whatever its type (${TOPIC_IDS.slice(0, 3).join(', ')}, ...).
# requiredTopics: [insurance]

# Your organisation's own weak phrases.
# weakPhrases:
#   - { topic: incident-notification, phrase: "as soon as we can", language: en }

# Files not to lint, and standard texts that are checked but never edited by --fix (globs, relative to this file).
# ignores: ["drafts/**"]
# standardTexts: ["terms/eu-scc-*.md"]
`;
}

/** Writes the file; refuses when the folder already has a configuration. Returns its path. */
export function writeInit(cwd: string, answers: InitAnswers): string {
  const existing = CONFIG_FILES.filter((n) => n !== 'package.json').find((n) => existsSync(join(cwd, n)));
  if (existing) throw new UsageError(`${existing} already exists here; --init writes a new configuration only`);
  const file = join(cwd, INIT_FILE);
  writeFileSync(file, initText(answers), { flag: 'wx' });
  return file;
}
