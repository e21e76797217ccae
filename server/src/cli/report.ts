/**
 * `clauselint report [paths…] --output report.html`: the review report for people who do not read JSON.
 * One self-contained HTML file (or Markdown, or the report's data as JSON), in the contracts' language or
 * --lang, with each contract's score, the checklists of its regimes and the clauses to ask for.
 * A file that cannot be read or checked is one line on standard error and in the report; exit 2 at the end.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../engine/analyze.js';
import { InputError, readContractFile } from '../engine/input.js';
import { CONTRACT_TYPES, LANGUAGES, REGIMES, type ContractType, type Language, type Localized, type Regime, type Settings } from '../engine/types.js';
import { configFor } from '../config.js';
import { expandInputs, UsageError } from './files.js';
import { playbookFor } from './catalogue.js';
import { isContractToFix } from './fix.js';
import { list, writeAtomically } from './main.js';
import { buildReport, type ContractInput, type FileProblem } from '../report/model.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { compareContracts, renderCompareHtml, renderCompareMarkdown } from '../report/compare.js';
import { earlierRun, readBaseline } from './baseline.js';
import { count, inBoth, s } from './strings.js';
import { parseError } from './parse-error.js';
import { commandLanguage } from './command-language.js';
import { printable } from './printable.js';

export const REPORT_FORMATS = ['html', 'markdown', 'json'] as const;

const REPORT_HELP_ENGLISH = `Usage: clauselint report [options] [files, folders or globs...]
       clauselint report --compare OLD NEW [options]

Writes a review report of the contracts: per contract a score, the checklist of each law it declares
(NIS2, DORA, the GDPR, the CRA) with the missing and weak items, the article, the contract's own words
and the clause to ask for; with several contracts, a table of all of them first.

Options:
  --output, -o <file>    write the report to this file (default: the screen)
  --format <name>        html (default: one self-contained file, prints to PDF), markdown or json
  --lang <en|nl>         the report's language (default: each contract's own)
  --type <type>          contract type: ${CONTRACT_TYPES.join(', ')}
  --regimes <list>       the laws to check against, comma-separated: ${REGIMES.join(', ')}
                         (default: those each contract declares)
  --config, -c <file>    use this configuration file instead of the nearest one
  --all                  in folders and globs, every Markdown file, not only contracts
  --compare OLD NEW      two versions of one contract: per topic and checklist item, better,
                         worse or unchanged, with the clause text before and after
  --baseline <file>      an earlier run (clauselint --format json or sarif, or this report's
                         --format json): per contract, what changed since
`;

const REPORT_HELP_DUTCH = `Gebruik: clauselint report [opties] [bestanden, mappen of globpatronen...]
         clauselint report --compare OUD NIEUW [opties]

Schrijft een beoordelingsrapport van de overeenkomsten: per overeenkomst een score, de checklist van elke
wet die zij noemt (NIS2, DORA, de AVG, de CRA) met de ontbrekende en zwakke punten, het artikel, de eigen
woorden van de overeenkomst en de bepaling om te vragen; bij meer overeenkomsten eerst een tabel van alle.

Opties:
  --output, -o <bestand> schrijf het rapport naar dit bestand (standaard: het scherm)
  --format <naam>        html (standaard: een zelfstandig bestand, af te drukken als PDF), markdown of json
  --lang <en|nl>         de taal van het rapport (standaard: die van elke overeenkomst)
  --type <soort>         soort overeenkomst: ${CONTRACT_TYPES.join(', ')}
  --regimes <lijst>      de wetten om aan te toetsen, gescheiden door komma's: ${REGIMES.join(', ')}
                         (standaard: die elke overeenkomst noemt)
  --config, -c <bestand> gebruik dit configuratiebestand in plaats van het dichtstbijzijnde
  --all                  in mappen en globpatronen elk Markdown-bestand, niet alleen overeenkomsten
  --compare OUD NIEUW    twee versies van een overeenkomst: per onderwerp en checklistpunt beter,
                         slechter of gelijk, met de tekst van de bepaling ervoor en erna
  --baseline <bestand>   een eerdere uitvoer (clauselint --format json of sarif, of --format json van
                         dit rapport): per overeenkomst wat sindsdien is veranderd
`;

/** `clauselint report --help`, in the command's language (--lang, else the locale). */
export const REPORT_HELP: Record<Language, string> = { en: REPORT_HELP_ENGLISH, nl: REPORT_HELP_DUTCH };

interface ReportIo { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }

export function runReport(argv: string[], io: ReportIo, version: string, now: Date = new Date()): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        output: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' }, lang: { type: 'string' },
        type: { type: 'string' }, regimes: { type: 'string' }, config: { type: 'string', short: 'c' },
        compare: { type: 'boolean' }, baseline: { type: 'string' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw parseError(err as Error);
  }
  const { values: o, positionals } = parsed;
  if (o.help) { io.stdout(REPORT_HELP[commandLanguage(argv)]); return 0; }
  const format = (o.format ?? 'html') as (typeof REPORT_FORMATS)[number];
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(inBoth('usage.reportFormat', { format: String(o.format), list: REPORT_FORMATS.join(', ') }));
  const [lang] = (list(o.lang, LANGUAGES, 'lang') ?? []) as Language[];
  const [type] = (list(o.type, CONTRACT_TYPES, 'type') ?? []) as ContractType[];
  const regimes = list(o.regimes, REGIMES, 'regimes') as Regime[] | undefined;
  if (!positionals.length) throw new UsageError(inBoth('usage.nameReported'));
  if (o.compare && positionals.length !== 2) throw new UsageError(inBoth('usage.compareTwo'));
  if (o.compare && o.baseline) throw new UsageError(inBoth('usage.compareOrBaseline'));
  const baseline = o.baseline === undefined ? undefined : readBaseline(resolve(io.cwd, o.baseline), o.baseline);

  const cli: Settings = { ...(type && { type }), ...(regimes && { regimes }) };
  const inputs: ContractInput[] = [];
  const problems: FileProblem[] = [];
  const said = commandLanguage(argv);
  // One line on standard error as it happens (the command's language), and in the report (the report's).
  const notChecked = (name: string, message: Localized) => {
    io.stderr(`clauselint: ${printable(name)}: ${message[said]}\n`);
    problems.push({ path: name, message });
  };
  const found = o.compare
    ? positionals.map((p) => { const [one] = expandInputs([p], io.cwd); if (!one) throw new UsageError(inBoth('usage.noSuchFile', { path: p })); return one; })
    : expandInputs(positionals, io.cwd);
  if (!found.length) throw new UsageError(inBoth('usage.noMarkdown', { paths: positionals.join(' ') }));
  let notContracts = 0;
  for (const { path, explicit } of found) {
    const config = configFor(path, o.config === undefined ? undefined : resolve(io.cwd, o.config));
    if (!o.compare && config.isIgnored(path)) continue;
    const name = relative(io.cwd, path) || path;
    let text: string;
    try { text = readContractFile(path); } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (err instanceof InputError) notChecked(name, { en: err.text('en'), nl: err.text('nl') });
      else if (e && e.code) notChecked(name, inBoth('io.cannotReadIt', { code: e.code }));
      else throw err;
      continue;
    }
    // In folders and globs only contracts, as the linter and the language server decide; --all takes every file.
    if (!explicit && !o.all && !o.compare && !isContractToFix(text, config, false)) { notContracts++; continue; }
    try {
      const playbook = playbookFor(config);
      const result = analyze(text, { ...config.settings, ...cli }, { playbook });
      const earlier = baseline && earlierRun({ path: name, result, lines: result.model.lines }, baseline);
      inputs.push({ path: name, result, playbook, ...(earlier !== undefined && { earlier }) });
    } catch (err) {
      notChecked(name, inBoth('internal.file', { message: printable(String((err as Error)?.message ?? err).split('\n')[0]) }));
    }
  }

  if (notContracts) {
    const files = count(said, notContracts, 'count.markdown', 'count.markdowns');
    // Nothing to report on is no report (exit 2), as the lint command says when it checked nothing.
    if (!inputs.length && !problems.length) { io.stderr(`clauselint: ${s(said, 'noContracts', { paths: positionals.join(' '), files })}\n`); return 2; }
    io.stderr(`clauselint: ${s(said, 'notMarkedReport', { files })}\n`);
  }
  const options = { version, date: now.toISOString().slice(0, 10), forcedLanguage: Boolean(lang) };
  let out: string;
  if (o.compare) {
    if (inputs.length !== 2) return 2;
    const diff = compareContracts(inputs[0], inputs[1], { lang, regimes });
    out = format === 'html' ? renderCompareHtml(diff, options) : format === 'markdown' ? renderCompareMarkdown(diff, options) : JSON.stringify(diff, null, 2) + '\n';
  } else {
    const model = buildReport(inputs, { lang, regimes, problems });
    out = format === 'html' ? renderHtml(model, options) : format === 'markdown' ? renderMarkdown(model, options) : JSON.stringify({ version: 1, ...model }, null, 2) + '\n';
  }
  if (o.output) writeAtomically(resolve(io.cwd, o.output), out); else io.stdout(out);
  return problems.length ? 2 : 0;
}
