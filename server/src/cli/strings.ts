/**
 * The command's own lines (coverage, totals, headers, the job summary) in one language. The rule: a
 * line about one contract is in that contract's language (which --lang sets); a line about several is
 * in their common language, English when they differ; `clauselint catalogue` follows --lang.
 */
import type { Language, Localized } from '../engine/types.js';
import { heading, phrasebook, WORDS } from '../engine/words.js';
import { CANNOT_LOAD } from './command-language.js';

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
  // Files in folders and globs that are no contract by the editor's rule, when that leaves nothing checked
  // (the command's language): a run that checked nothing is no pass (exit 2, as ESLint's "no files matching").
  noContracts: {
    en: 'nothing checked in {paths}: {files}, none marked as a contract (no clauselint front matter or configuration); name the files, add a .clauselintrc.json, or use --all to check every Markdown file',
    nl: 'niets gecontroleerd in {paths}: {files}, geen daarvan als overeenkomst gemarkeerd (geen clauselint-kopgegevens of configuratie); noem de bestanden, voeg een .clauselintrc.json toe of gebruik --all om elk Markdown-bestand te controleren',
  },
  // Usage errors: option names and their values stay as typed.
  'usage.seeHelp': { en: 'Run clauselint --help for the options.', nl: 'Zie clauselint --help voor de opties.' },
  'usage.unknownOption': { en: 'unknown option {option}', nl: 'onbekende optie {option}' },
  'usage.missingValue': { en: '{option} needs a value', nl: 'na {option} ontbreekt de waarde' },
  'usage.noValue': { en: '{option} takes no value', nl: 'bij {option} hoort geen waarde' },
  'usage.notOneOf': { en: '--{name} “{bad}” is not one of {allowed}', nl: '--{name} “{bad}” is geen geldige waarde; kies uit {allowed}' },
  'usage.didYouMean': { en: ': did you mean “{guess}”?', nl: '. Bedoelt u “{guess}”?' },
  'usage.wholeNumber': { en: '--max-warnings needs a whole number', nl: '--max-warnings vraagt om een geheel getal' },
  'usage.concurrency': { en: '--concurrency needs off, auto or a number of threads', nl: '--concurrency vraagt om off, auto of een aantal threads' },
  'usage.fixOrDryRun': { en: 'use --fix or --fix-dry-run, not both', nl: 'gebruik --fix of --fix-dry-run, niet allebei' },
  'usage.fixStdin': { en: '--fix works on files, not on --stdin', nl: '--fix werkt op bestanden, niet op --stdin' },
  'usage.fixTypeAlone': { en: '--fix-type goes with --fix or --fix-dry-run', nl: '--fix-type hoort bij --fix of --fix-dry-run' },
  'usage.fixTypeEmpty': { en: '--fix-type needs one of {list}', nl: '--fix-type vraagt om een van {list}' },
  'usage.nameContracts': {
    en: 'name the contracts to check, e.g. clauselint contract.md (or a folder)',
    nl: 'noem de overeenkomsten die u wilt controleren, bijvoorbeeld clauselint overeenkomst.md (of een map)',
  },
  'usage.noMarkdown': { en: 'no Markdown files found in {paths}', nl: 'geen Markdown-bestanden gevonden in {paths}' },
  'usage.noSuchFile': { en: 'no such file: {path}', nl: 'bestand bestaat niet: {path}' },
  'usage.reportFormat': { en: '--format “{format}” is not one of {list} for a report', nl: '--format “{format}” is geen geldige waarde voor een rapport; kies uit {list}' },
  'usage.nameReported': {
    en: 'name the contracts to report on, e.g. clauselint report contracts/ --output report.html',
    nl: 'noem de overeenkomsten voor het rapport, bijvoorbeeld “clauselint report overeenkomsten/ --output rapport.html”',
  },
  'usage.compareTwo': { en: '--compare needs two files: the old version and the new one', nl: '--compare vraagt om twee bestanden: de oude versie en de nieuwe' },
  'io.cannotRead': { en: 'cannot read {file} ({code})', nl: 'kan {file} niet lezen ({code})' },
  // After the file's name, in the report's list of files not checked too.
  'io.cannotReadIt': { en: 'cannot read it ({code})', nl: 'kan het bestand niet lezen ({code})' },
  'io.cannotReadOrWrite': { en: 'cannot read or write {path} ({code})', nl: 'kan {path} niet lezen of schrijven ({code})' },
  'baseline.unreadable': { en: '--baseline {file}: cannot read it ({code})', nl: '--baseline {file}: kan het bestand niet lezen ({code})' },
  'baseline.notJson': { en: '--baseline {file}: not JSON', nl: '--baseline {file}: geen JSON' },
  'baseline.notARun': {
    en: '--baseline {file}: not the output of clauselint --format json or sarif, nor of clauselint report --format json',
    nl: '--baseline {file}: geen uitvoer van “clauselint --format json” of “sarif”, en ook niet van “clauselint report --format json”',
  },
  'usage.compareOrBaseline': { en: 'use --compare or --baseline, not both', nl: 'gebruik --compare of --baseline, niet allebei' },
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
  // A fault of Clauselint's own, after the file's name: the reader can only report it.
  'internal.file': { en: 'internal error: {message}; please report this with the file', nl: 'interne fout: {message}; meld dit graag, met het bestand' },
  // --concurrency's worker threads: why they could not start or stopped; the analysis goes on here.
  'pool.cannotStart': { en: 'worker threads could not start ({reason}); analysing on one thread', nl: 'de analysethreads konden niet starten ({reason}); de analyse gaat verder op één thread' },
  'pool.allStopped': { en: 'every worker thread stopped; analysing the rest on one thread', nl: 'alle analysethreads zijn gestopt; de rest wordt op één thread geanalyseerd' },
  'pool.threadStopped': { en: 'the analysis thread stopped ({reason})', nl: 'de analysethread is gestopt ({reason})' },
  'pool.exitCode': { en: 'exit code {code}', nl: 'afsluitcode {code}' },
  // Said by the entry point, which has no phrase tables: the text is kept beside the language's choice.
  'entry.cannotLoad': CANNOT_LOAD,
  'internal.run': { en: 'internal error: {message}\nPlease report this with the file that caused it.', nl: 'interne fout: {message}\nMeld dit graag, met het bestand waarbij het gebeurde.' },
  // What --fix changed (or would change) in one file, in that contract's language.
  'fix.inserted.1': { en: '1 clause inserted', nl: '1 bepaling ingevoegd' },
  'fix.inserted.n': { en: '{n} clauses inserted', nl: '{n} bepalingen ingevoegd' },
  'fix.completed.1': { en: '1 phrase completed', nl: '1 formulering aangevuld' },
  'fix.completed.n': { en: '{n} phrases completed', nl: '{n} formuleringen aangevuld' },
  'fix.applied.1': { en: '1 suggestion applied', nl: '1 voorstel toegepast' },
  'fix.applied.n': { en: '{n} suggestions applied', nl: '{n} voorstellen toegepast' },
  'fix.left.1': { en: '1 suggestion left', nl: '1 voorstel niet toegepast' },
  'fix.left.n': { en: '{n} suggestions left', nl: '{n} voorstellen niet toegepast' },
  'fix.fixes.1': { en: '1 fix', nl: '1 correctie' },
  'fix.fixes.n': { en: '{n} fixes', nl: '{n} correcties' },
  'fix.applyThem': { en: ' (--fix-type fix,suggestion applies them)', nl: ' (met “--fix-type fix,suggestion” worden ze toegepast)' },
  'fix.withheld': { en: '{fixes} withheld inside standard text (put them in a separate document or annex)', nl: '{fixes} achtergehouden in standaardtekst (neem ze op in een apart document of een bijlage)' },
  'fix.withheldShort': { en: '{fixes} withheld', nl: '{fixes} achtergehouden' },
  'fix.standardText': { en: '{file}: standard text, not modified{withheld}; put missing clauses in a separate document or annex', nl: '{file}: standaardtekst, niet gewijzigd{withheld}; neem ontbrekende bepalingen op in een apart document of een bijlage' },
  'fix.summary': { en: '{file}: {parts}', nl: '{file}: {parts}' },
  'fix.dryRunSummary': { en: '{file}: would have {parts}', nl: '{file}: met --fix: {parts}' },
  'fix.readOnly': { en: '{file}: read-only, not fixed', nl: '{file}: alleen-lezen, niet gecorrigeerd' },
  'fix.changedOnDisk': { en: '{file}: changed on disk since it was read, not fixed (run --fix again)', nl: '{file}: op schijf gewijzigd nadat het werd gelezen, niet gecorrigeerd (voer --fix opnieuw uit)' },
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

/** A string in both languages, for an error whose reader's language is known only where it is printed. */
export function inBoth(id: CliStringId, values: Readonly<Record<string, string | number>> = {}): Localized {
  return { en: s('en', id, values), nl: s('nl', id, values) };
}

/** "1 file" / "3 bestanden". */
export function count(
  lang: Language, n: number, one: 'count.file' | 'count.problem' | 'count.error' | 'count.warning' | 'count.markdown',
  many: 'count.files' | 'count.problems' | 'count.errors' | 'count.warnings' | 'count.markdowns',
): string {
  return n === 1 ? s(lang, one) : s(lang, many, { n });
}

/** The language of lines about several contracts: theirs if they share one, else English. */
export function commonLanguage(langs: Language[]): Language {
  return langs.length && langs.every((l) => l === langs[0]) ? langs[0] : 'en';
}

/** Every string in both languages, for the test that reads Dutch strings as Dutch. */
export function allCliStrings(): { id: string; lang: Language; text: string }[] {
  return Object.entries(STRINGS).flatMap(([id, e]) => (['en', 'nl'] as const).map((lang) => ({ id, lang, text: e[lang] })));
}
