/**
 * The command's own lines (coverage, totals, headers, the job summary) in one language. The rule: a
 * line about one contract is in that contract's language (which --lang sets); a line about several is
 * in their common language, English when they differ; `clauselint catalogue` follows --lang.
 */
import type { Language } from '../engine/types.js';

const STRINGS = {
  coverage: { en: '{present} present · {weak} weak · {missing} missing', nl: '{present} aanwezig · {weak} zwak · {missing} ontbrekend' },
  'source.inferred': { en: 'inferred', nl: 'afgeleid' },
  'source.front-matter': { en: 'from front matter', nl: 'uit de kopgegevens' },
  'source.config': { en: 'from configuration', nl: 'uit de configuratie' },
  regimes: { en: 'regimes {list}', nl: 'regimes {list}' },
  language: { en: 'English', nl: 'Nederlands' },
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
  others: { en: '{n} other', nl: '{n} overig' },
  total: { en: 'Total', nl: 'Totaal' },
  coverageTitle: { en: 'Security coverage', nl: 'Dekking van beveiligingsbepalingen' },
  contract: { en: 'Contract', nl: 'Overeenkomst' },
  type: { en: 'Type', nl: 'Soort' },
  present: { en: 'Present', nl: 'Aanwezig' },
  weak: { en: 'Weak', nl: 'Zwak' },
  missing: { en: 'Missing', nl: 'Ontbrekend' },
  findings: { en: 'Findings', nl: 'Bevindingen' },
  topic: { en: 'Topic', nl: 'Onderwerp' },
  line: { en: 'Line', nl: 'Regel' },
  finding: { en: 'Finding', nl: 'Bevinding' },
  moreAnnotations: {
    en: '{count} more {level} are not shown here (GitHub shows ten of each kind): see the job summary, or run clauselint locally.',
    nl: 'Nog {count} {level} staan hier niet (GitHub toont er tien van elke soort): zie de samenvatting van de job, of draai clauselint lokaal.',
  },
  'level.error': { en: 'errors', nl: 'fouten' },
  'level.warning': { en: 'warnings', nl: 'waarschuwingen' },
  'level.notice': { en: 'notices', nl: 'meldingen' },
  'catalogue.topic': { en: 'topic', nl: 'onderwerp' },
  'catalogue.clause': { en: 'clause', nl: 'bepaling' },
  'catalogue.variant': { en: 'variant', nl: 'variant' },
  'catalogue.title': { en: 'title', nl: 'titel' },
  'variant.balanced': { en: 'balanced', nl: 'evenwichtig' },
  'variant.strict': { en: 'strict', nl: 'streng' },
  'variant.playbook': { en: 'playbook', nl: 'eigen' },
  preferred: { en: 'preferred', nl: 'voorkeur' },
} as const;

export type CliStringId = keyof typeof STRINGS;

export function s(lang: Language, id: CliStringId, values: Record<string, string | number> = {}): string {
  return STRINGS[id][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** "1 file" / "3 bestanden". */
export function count(lang: Language, n: number, one: 'count.file' | 'count.problem' | 'count.error' | 'count.warning', many: 'count.files' | 'count.problems' | 'count.errors' | 'count.warnings'): string {
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
