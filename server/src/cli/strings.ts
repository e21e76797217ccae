/**
 * The command's own lines (coverage, totals, headers, the job summary) in one language. The rule: a
 * line about one contract is in that contract's language (which --lang sets); a line about several is
 * in their common language, English when they differ; `clauselint catalogue` follows --lang.
 */
import type { Language } from '../engine/types.js';
import { heading, phrasebook, WORDS } from '../engine/words.js';

const STRINGS = {
  coverage: WORDS.coverage,
  'source.inferred': WORDS['source.inferred'],
  'source.front-matter': WORDS['source.front-matter'],
  'source.config': WORDS['source.config'],
  regimes: { en: 'regimes {list}', nl: 'regimes {list}' },
  // Each language by its own name.
  language: { en: WORDS['lang.en'].en, nl: WORDS['lang.nl'].nl },
  noProblems: { en: '✔ no problems in {files}', nl: '✔ geen bevindingen in {files}' },
  problems: { en: '✖ {total} ({breakdown}) in {files}', nl: '✖ {total} ({breakdown}) in {files}' },
  'count.file': { en: '1 file', nl: '1 bestand' },
  'count.files': { en: '{n} files', nl: '{n} bestanden' },
  'count.problem': { en: '1 problem', nl: '1 bevinding' },
  'count.problems': { en: '{n} problems', nl: '{n} bevindingen' },
  'count.error': { en: '1 error', nl: '1 fout' },
  'count.errors': { en: '{n} errors', nl: '{n} fouten' },
  'count.warning': { en: '1 warning', nl: '1 waarschuwing' },
  'count.warnings': { en: '{n} warnings', nl: '{n} waarschuwingen' },
  'count.markdown': { en: '1 Markdown file', nl: '1 Markdown-bestand' },
  'count.markdowns': { en: '{n} Markdown files', nl: '{n} Markdown-bestanden' },
  // Files in folders and globs that are no contract by the editor's rule (the command's language).
  notMarked: {
    en: 'not marked as a contract, so not checked: {files} (no clauselint front matter or configuration); name the files, add a .clauselintrc.json, or use --all',
    nl: 'niet als overeenkomst gemarkeerd en dus niet gecontroleerd: {files} (geen clauselint-kopgegevens of configuratie); noem de bestanden, voeg een .clauselintrc.json toe of gebruik --all',
  },
  notMarkedReport: {
    en: 'not marked as a contract, so not in the report: {files} (no clauselint front matter or configuration); name the files, add a .clauselintrc.json, or use --all',
    nl: 'niet als overeenkomst gemarkeerd en dus niet in het rapport: {files} (geen clauselint-kopgegevens of configuratie); noem de bestanden, voeg een .clauselintrc.json toe of gebruik --all',
  },
  initWrote: {
    en: 'Wrote {file}: edit it to set rules, required topics, weak phrases and ignores.',
    nl: '{file} geschreven: stel daarin regels, verplichte onderwerpen, zwakke formuleringen en uitzonderingen in.',
  },
  configFrom: { en: 'configuration from {file}', nl: 'configuratie uit {file}' },
  'init.askType': {
    en: 'Contract type ({types}; empty to let Clauselint infer it): ',
    nl: 'Soort overeenkomst ({types}; leeg om Clauselint die te laten afleiden): ',
  },
  'init.askRegimes': {
    en: 'Regimes that apply (comma-separated: {regimes}; empty for none): ',
    nl: 'Wetgeving die van toepassing is (gescheiden door komma\'s: {regimes}; leeg voor geen): ',
  },
  others: { en: '{n} other', nl: '{n} overig' },
  // A finding's severity, in its column.
  'severity.error': { en: 'error', nl: 'fout' },
  'severity.warning': { en: 'warning', nl: 'waarschuwing' },
  'severity.information': { en: 'information', nl: 'informatie' },
  'severity.hint': { en: 'hint', nl: 'hint' },
  total: { en: 'Total', nl: 'Totaal' },
  coverageTitle: WORDS.coverageTitle,
  contract: heading(WORDS.contract),
  type: { en: 'Type', nl: 'Soort' },
  present: heading(WORDS['status.present']),
  weak: heading(WORDS['status.weak']),
  missing: heading(WORDS['status.missing']),
  findings: heading(WORDS.findings),
  topic: heading(WORDS.topic),
  line: heading(WORDS.line),
  finding: { en: 'Finding', nl: 'Bevinding' },
  moreAnnotations: {
    en: '{count} more {level} are not shown here (GitHub shows ten of each kind): see the job summary, or run clauselint locally.',
    nl: 'Nog {count} {level} staan hier niet (GitHub toont er tien van elke soort): zie de samenvatting van de job, of draai clauselint lokaal.',
  },
  'level.error': { en: 'errors', nl: 'fouten' },
  'level.warning': { en: 'warnings', nl: 'waarschuwingen' },
  'level.notice': { en: 'notices', nl: 'meldingen' },
  'catalogue.topic': WORDS.topic,
  'catalogue.clause': { en: 'clause', nl: 'bepaling' },
  'catalogue.variant': { en: 'variant', nl: 'variant' },
  'catalogue.title': { en: 'title', nl: 'titel' },
} as const;

export type CliStringId = keyof typeof STRINGS;

export const s = phrasebook(STRINGS);

/** "1 file" / "3 bestanden". */
export function count(
  lang: Language, n: number, one: 'count.file' | 'count.problem' | 'count.error' | 'count.warning' | 'count.markdown',
  many: 'count.files' | 'count.problems' | 'count.errors' | 'count.warnings' | 'count.markdowns',
): string {
  return n === 1 ? s(lang, one) : s(lang, many, { n });
}

/** The language of what the command says before it has read a contract (a configuration error): --lang, else the locale. */
export function commandLanguage(argv: string[], env: NodeJS.ProcessEnv = process.env): Language {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const given = at < 0 ? undefined : argv[at].startsWith('--lang=') ? argv[at].slice(7) : argv[at + 1];
  if (given === 'en' || given === 'nl') return given;
  return /^nl(?:[_.@-]|$)/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'nl' : 'en';
}

/** The language of lines about several contracts: theirs if they share one, else English. */
export function commonLanguage(langs: Language[]): Language {
  return langs.length && langs.every((l) => l === langs[0]) ? langs[0] : 'en';
}

/** Every string in both languages, for the test that reads Dutch strings as Dutch. */
export function allCliStrings(): { id: string; lang: Language; text: string }[] {
  return Object.entries(STRINGS).flatMap(([id, e]) => (['en', 'nl'] as const).map((lang) => ({ id, lang, text: e[lang] })));
}
