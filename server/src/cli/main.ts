/**
 * The `clauselint` command: lints Markdown contracts and prints findings for people or machines.
 * Exit 0: no errors and warnings within --max-warnings; 1: otherwise; 2: usage, configuration or I/O problem.
 */
import { VERSION } from '../engine/version.js';
import { appendFileSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, relative, basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../engine/analyze.js';
import { decodeContract, InputError, readContractFile } from '../engine/input.js';
import type { FileResult } from '../engine/report.js';
import { LinePositions } from '../engine/lines.js';
import { CONTRACT_TYPES, LANGUAGES, REGIMES, TOPIC_IDS, type ContractType, type Language, type Regime, type Settings } from '../engine/types.js';
import { configFor, ConfigError } from '../config.js';
import { expandInputs, UsageError } from './files.js';
import { configMarksStandard, FIX_TYPES, fixFile, FixRefused, fixSummary, isContractToFix, readForFix, writeFixed, type FixType, type ReadState } from './fix.js';
import { createTwoFilesPatch } from 'diff';
import { printCatalogue, playbookFor } from './catalogue.js';
import { runReport } from './report.js';
import { stylish } from './formats/stylish.js';
import { json } from './formats/json.js';
import { sarif } from './formats/sarif.js';
import { github, githubSummary } from './formats/github.js';
import { junit } from './formats/junit.js';
import { compareWithBaseline, newSinceBaseline, readBaseline } from './baseline.js';
import { loadIgnores } from './ignore.js';
import { fileJob, isIgnoredFile, isLinted } from './lint-files.js';
import { count, inBoth, s } from './strings.js';
import { parseError } from './parse-error.js';
import { commandLanguage } from './command-language.js';
import { askInit, writeInit } from './init.js';
import { cacheFile, LintCache, type CacheKey } from './cache.js';
import { entryOf, type FileEntry, type FileJob } from './entry.js';
import { analyseAll, threadsFor } from './pool.js';
import { progressFor } from './progress.js';
import { printable } from './printable.js';
import { didYouMean } from '../engine/did-you-mean.js';
import { regimeNamed } from '../engine/words.js';
import { HELP } from './help.js';

export { VERSION };
/** One thread unless asked: on this project's two cores, shared and busy, two threads were 15 % faster in one run and slower in the next, and each holds the engine again. */
const DEFAULT_CONCURRENCY = 'off';
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;

/** `readStdin` gives bytes (checked as a file's are) or text. */
export interface Io {
  stdout: (s: string) => void; stderr: (s: string) => void; readStdin: () => string | Uint8Array; isTTY: boolean; cwd: string;
  /** Whether standard error is a terminal: only then a long run shows its progress. */
  stderrIsTTY?: boolean;
  /** Asks a person at the terminal (--init); undefined when nobody can answer. */
  prompt?: (question: string) => string | undefined;
}

/** `--max-warnings -1` as ESLint takes it: parseArgs would read "-1" as an option. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '')) out.push(`--max-warnings=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** Colour: --no-color or --color, then NO_COLOR and FORCE_COLOR, then whether stdout is a terminal. */
function useColor(o: { color?: boolean; 'no-color'?: boolean; output?: string }, io: Io): boolean {
  if (o['no-color']) return false;
  if (o.color) return true;
  if (process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY && !o.output;
}

/** "--regimes “GDPR” is not one of …: did you mean “gdpr”?" (the guess only for a single wrong value). */
function notOneOf(name: string, bad: string[], allowed: readonly string[]): UsageError {
  // A regime may be typed by its name: "avg" is the GDPR's Dutch one.
  const guess = bad.length !== 1 ? undefined : name === 'regimes' ? regimeNamed(bad[0]) ?? didYouMean(bad[0], allowed) : didYouMean(bad[0], allowed);
  const say = (lang: Language) => s(lang, 'usage.notOneOf', { name, bad: bad.join(', '), allowed: allowed.join(', ') }) + (guess ? s(lang, 'usage.didYouMean', { guess }) : '');
  return new UsageError({ en: say('en'), nl: say('nl') });
}

export function list<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i as T));
  if (bad.length) throw notOneOf(name, bad, allowed);
  return items as T[];
}

/** A temporary file, then a rename: a crash never leaves half a contract. */
export function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function run(argv: string[], io: Io): number {
  try {
    return lint(argv, io);
  } catch (err) {
    if (err instanceof UsageError) { const lang = commandLanguage(argv); io.stderr(`clauselint: ${err.text(lang)}\n${s(lang, 'usage.seeHelp')}\n`); return 2; }
    if (err instanceof ConfigError) { io.stderr(`clauselint: ${err.text(commandLanguage(argv))}\n`); return 2; }
    if (err instanceof InputError) { io.stderr(`clauselint: ${err.text(commandLanguage(argv))}\n`); return 2; }
    const e = err as NodeJS.ErrnoException;
    if (e && e.code && e.path) { io.stderr(`clauselint: ${s(commandLanguage(argv), 'io.cannotReadOrWrite', { path: e.path, code: e.code })}\n`); return 2; }
    io.stderr(`clauselint: ${s(commandLanguage(argv), 'internal.run', { message: String((err as Error)?.message ?? err) })}\n`);
    return 2;
  }
}

const internalError = (name: string, message: string, lang: Language) =>
  `clauselint: ${printable(name)}: ${s(lang, 'internal.file', { message: printable(message.split('\n')[0]) })}\n`;

function lint(argv: string[], io: Io): number {
  if (argv[0] === 'report') return runReport(argv.slice(1), io, VERSION);
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv), allowPositionals: true, strict: true,
      options: {
        format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' },
        type: { type: 'string' }, regimes: { type: 'string' }, lang: { type: 'string' },
        'max-warnings': { type: 'string' }, quiet: { type: 'boolean' }, stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' }, version: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' },
        fix: { type: 'boolean' }, 'fix-dry-run': { type: 'boolean' }, 'fix-type': { type: 'string' }, topic: { type: 'string' },
        'print-config': { type: 'string' }, init: { type: 'boolean' }, 'ignore-pattern': { type: 'string', multiple: true },
        'no-ignore': { type: 'boolean' }, color: { type: 'boolean' }, 'no-color': { type: 'boolean' },
        'report-unused-disable-directives': { type: 'boolean' }, baseline: { type: 'string' },
        verbose: { type: 'boolean' }, all: { type: 'boolean' },
        cache: { type: 'boolean' }, 'cache-location': { type: 'string' }, concurrency: { type: 'string' },
      },
    });
  } catch (err) {
    throw parseError(err as Error);
  }
  const { values: o, positionals } = parsed;
  // Every path given is read against the command's working folder (io.cwd), not the process's.
  const configFile = o.config === undefined ? undefined : resolve(io.cwd, o.config);
  if (o.help) { io.stdout(HELP[commandLanguage(argv)]); return 0; }
  if (o.version) { io.stdout(`${VERSION}\n`); return 0; }
  if (positionals[0] === 'catalogue') {
    const [lang] = list(o.lang, LANGUAGES, 'lang') ?? [];
    const [topic] = list(o.topic, TOPIC_IDS, 'topic') ?? [];
    io.stdout(printCatalogue(topic, lang ?? 'en', playbookFor(configFor(join(io.cwd, 'x.md'), configFile))));
    return 0;
  }
  if (o['print-config'] !== undefined) {
    const config = configFor(resolve(io.cwd, o['print-config']), configFile);
    const [ptype] = list(o.type, CONTRACT_TYPES, 'type') ?? [];
    const pregimes = list(o.regimes, REGIMES, 'regimes');
    const [plang] = list(o.lang, LANGUAGES, 'lang') ?? [];
    io.stdout(JSON.stringify({ ...config.settings, ...(ptype && { type: ptype }), ...(pregimes && { regimes: pregimes }), ...(plang && { language: plang }) }, null, 2) + '\n');
    if (config.file) io.stderr(`clauselint: ${s(commandLanguage(argv), 'configFrom', { file: relative(io.cwd, config.file) || config.file })}\n`);
    return 0;
  }
  if (o.init) {
    const given = { type: list(o.type, CONTRACT_TYPES, 'type')?.[0], regimes: list(o.regimes, REGIMES, 'regimes'), language: list(o.lang, LANGUAGES, 'lang')?.[0] };
    const said = commandLanguage(argv);
    const answers = io.prompt && io.isTTY && !(given.type && given.regimes) ? askInit(given, io.prompt, said) : given;
    const file = writeInit(io.cwd, answers, said);
    io.stdout(`${s(said, 'initWrote', { file: relative(io.cwd, file) })}\n`);
    return 0;
  }
  if (o.fix && o['fix-dry-run']) throw new UsageError(inBoth('usage.fixOrDryRun'));
  if ((o.fix || o['fix-dry-run']) && o.stdin) throw new UsageError(inBoth('usage.fixStdin'));
  if (o['fix-type'] !== undefined && !o.fix && !o['fix-dry-run']) throw new UsageError(inBoth('usage.fixTypeAlone'));
  const fixTypes: FixType[] = list(o['fix-type'], FIX_TYPES, 'fix-type') ?? ['fix'];
  if (!fixTypes.length) throw new UsageError(inBoth('usage.fixTypeEmpty', { list: FIX_TYPES.join(', ') }));
  const format = (o.format ?? 'stylish') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw notOneOf('format', [format], FORMATS);
  const [type] = list(o.type, CONTRACT_TYPES, 'type') ?? [];
  const regimes = list(o.regimes, REGIMES, 'regimes');
  const [lang] = list(o.lang, LANGUAGES, 'lang') ?? [];
  const baseline = o.baseline === undefined ? undefined : readBaseline(resolve(io.cwd, o.baseline), o.baseline);
  let maxWarnings = -1;
  if (o['max-warnings'] !== undefined) {
    maxWarnings = Number(o['max-warnings']);
    if (!Number.isInteger(maxWarnings)) throw new UsageError(inBoth('usage.wholeNumber'));
  }
  const cli: Settings = { ...(type && { type: type as ContractType }), ...(regimes && { regimes: regimes as Regime[] }), ...(lang && { language: lang as Language }) };

  const inputs: { path: string; explicit: boolean; read: () => string }[] = [];
  const states = new Map<string, ReadState>();
  if (o.stdin) {
    const name = o['stdin-filename'] ?? '<stdin>';
    inputs.push({ path: resolve(io.cwd, name), explicit: true, read: () => { const raw = io.readStdin(); return typeof raw === 'string' ? raw : decodeContract(raw); } });
  } else {
    if (!positionals.length) throw new UsageError(inBoth('usage.nameContracts'));
    for (const { path, explicit } of expandInputs(positionals, io.cwd)) {
      inputs.push({ path, explicit, read: () => {
        if (!o.fix) return readContractFile(path);
        const state = readForFix(path);
        states.set(path, state);
        return decodeContract(state.bytes);
      } });
    }
    if (!inputs.length) throw new UsageError(inBoth('usage.noMarkdown', { paths: positionals.join(' ') }));
  }

  const threads = threadsFor(o.concurrency ?? DEFAULT_CONCURRENCY);
  if (threads === undefined) throw new UsageError(inBoth('usage.concurrency'));
  const results: (FileResult | undefined)[] = [];
  const ignores = o['no-ignore'] ? undefined : loadIgnores(io.cwd, o['ignore-pattern'] ?? []);
  const fixing = Boolean(o.fix || o['fix-dry-run']);
  const cache = o.cache && !fixing ? new LintCache(cacheFile(o['cache-location'], io.cwd), VERSION) : undefined;
  const progress = progressFor(io, format, inputs.length);
  const reportUnusedDirectives = Boolean(o['report-unused-disable-directives']);
  // The files handed to the pool, by their index there: where each entry goes, and what the cache keeps it under (no text).
  const analysing = new Map<number, { at: number; path: string; name: string; key?: CacheKey }>();
  let taken = 0;
  let unreadable = false;
  let refused = false;
  let notContracts = 0;
  const warn = (problem: string) => io.stderr(`clauselint: ${problem}\n`);
  const keep = (at: number, name: string, { result, lineStarts }: FileEntry) => {
    if (o.quiet) result = { ...result, findings: result.findings.filter((f) => f.severity === 'error') };
    results[at] = { path: name, result, lines: new LinePositions(lineStarts) };
  };
  // The pool takes a file as a thread is free for it, so a file is read when it is to be analysed and dropped once it is an entry.
  function* jobsToAnalyse(): Generator<FileJob> {
    for (const [at, input] of inputs.entries()) {
      const config = configFor(input.path, configFile);
      if (!o.stdin && !o['no-ignore'] && isIgnoredFile(input.path, config, ignores)) { progress.step(); continue; }
      // One file that cannot be read or checked is one line on stderr; the others are still linted (exit 2).
      const name = o.stdin ? (o['stdin-filename'] ?? '<stdin>') : relative(io.cwd, input.path) || input.path;
      let text: string;
      try { text = input.read(); } catch (err) {
        const e = err as NodeJS.ErrnoException;
        // A file name can hold control characters: written out (printable), as in the report.
        if (err instanceof InputError) io.stderr(`clauselint: ${printable(name)}: ${err.text(commandLanguage(argv))}\n`);
        else if (e && e.code) io.stderr(`clauselint: ${s(commandLanguage(argv), 'io.cannotRead', { file: printable(name), code: e.code })}\n`);
        else throw err;
        unreadable = true;
        progress.step();
        continue;
      }
      // In folders and globs only contracts, as the language server decides (front matter or a configuration); --all checks every file.
      if (!isLinted(text, config, input.explicit, Boolean(o.all))) { notContracts++; progress.step(); continue; }
      const job = fileJob(text, config, cli, reportUnusedDirectives);
      const key = cache?.keyOf(job);
      const cached = key && cache?.find(input.path, key);
      if (cached) { keep(at, name, cached); progress.step(); continue; }
      if (!fixing) { analysing.set(taken++, { at, path: input.path, name, key }); yield job; continue; }
      let result;
      try { result = analyze(text, job.settings, job.options); } catch (err) {
        io.stderr(internalError(name, String((err as Error)?.message ?? err), commandLanguage(argv)));
        unreadable = true;
        continue;
      }
      if (isContractToFix(text, config, input.explicit)) {
        const { plan, fixed, suggested } = fixFile(text, result, fixTypes, configMarksStandard(config, input.path));
        if (o['fix-dry-run']) {
          if (fixed !== text) io.stdout(createTwoFilesPatch(`a/${name}`, `b/${name}`, text, fixed));
          if (suggested !== text) io.stdout(createTwoFilesPatch(`a/${name}`, `b/${name}`, text, suggested, 'suggestions, not applied', 'with --fix-type fix,suggestion'));
          if (fixed !== text || suggested !== text || plan.standardText) io.stderr(fixSummary(name, plan, true, result.language));
          continue;
        }
        if (fixed !== text) {
          try {
            writeFixed(input.path, name, states.get(input.path)!, fixed, result.language);
            text = fixed;
            result = analyze(text, job.settings, job.options);
            io.stderr(fixSummary(name, plan, false, result.language));
          } catch (err) {
            if (!(err instanceof FixRefused)) throw err;
            io.stderr(`clauselint: ${err.message}\n`);
            refused = true;
          }
        } else if (plan.standardText || plan.suggestions.length) io.stderr(fixSummary(name, plan, false, result.language));
      } else if (o['fix-dry-run']) continue;
      keep(at, name, entryOf({ ...job, text }, result));
    }
  }
  analyseAll(jobsToAnalyse(), threads, (i, outcome) => {
    const { at, path, name, key } = analysing.get(i)!;
    analysing.delete(i);
    progress.step();
    if ('error' in outcome) { io.stderr(internalError(name, outcome.error, commandLanguage(argv))); unreadable = true; return; }
    if (key) cache?.store(path, key, outcome.entry);
    keep(at, name, outcome.entry);
  }, warn, commandLanguage(argv));
  progress.end();
  cache?.save(warn);
  const files = results.filter((r): r is FileResult => r !== undefined);

  // Files there but none a contract: nothing was checked, which a CI job must not take for a pass.
  if (notContracts && !files.length && !unreadable) {
    const lang = commandLanguage(argv);
    io.stderr(`clauselint: ${s(lang, 'noContracts', { paths: positionals.join(' '), files: count(lang, notContracts, 'count.markdown', 'count.markdowns') })}\n`);
    return 2;
  }
  if (o['fix-dry-run']) return refused ? 2 : 0;
  if (unreadable && !files.length) return 2;
  // With a baseline only what is new or changed since shows and counts; SARIF marks each result instead.
  const comparison = baseline && compareWithBaseline(files, baseline);
  const counted = comparison ? newSinceBaseline(files, comparison) : files;
  const report = format === 'json' ? json(counted, comparison) : format === 'sarif' ? sarif(files, VERSION, comparison) : format === 'github' ? github(counted)
    : format === 'junit' ? junit(counted) : stylish(counted, { color: useColor(o, io), verbose: Boolean(o.verbose) });
  if (o.output) writeAtomically(resolve(io.cwd, o.output), report); else io.stdout(report);
  // On GitHub Actions the coverage goes to the job summary, where no annotation limit applies.
  if (format === 'github' && process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, githubSummary(counted));

  const findings = counted.flatMap((r) => r.result.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (refused) return 2;
  if (unreadable) return 2;
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? 1 : 0;
}
