/**
 * The command's usage text. The entry point prints it (and the version) without loading the engine:
 * `clauselint --help` starts as fast as a bare node.
 */
import { CONTRACT_TYPES, REGIMES } from '../engine/types.js';

export const HELP = `Usage: clauselint [options] [files, folders or globs...]

Checks contract drafts in Markdown (English and Dutch) for missing or weak cybersecurity clauses.

Options:
  --format <name>        stylish (default), json, sarif, github or junit
  --output, -o <file>    write the report to a file instead of the screen
  --config, -c <file>    use this configuration file instead of the nearest one
  --type <type>          contract type: ${CONTRACT_TYPES.join(', ')}
  --regimes <list>       comma-separated: ${REGIMES.join(', ')}
  --lang <en|nl>         the contracts' language (detected when not given)
  --max-warnings <n>     exit 1 when there are more than n warnings
  --quiet                report errors only
  --verbose              with each finding, why it matters and how to fix it (stylish)
  --all                  in folders and globs, check every Markdown file, not only contracts
  --stdin                read the contract from standard input
  --stdin-filename <f>   the name to report (and to find the configuration) for --stdin
  --fix                  insert missing clauses and complete weak phrases, in place; a summary
                         per file goes to standard error
  --fix-dry-run          print the changes --fix would make, as a unified diff, and the
                         suggestions it leaves
  --fix-type <list>      what --fix applies: fix (default: edits that keep every word),
                         suggestion (edits that replace or delete words), or fix,suggestion
  --print-config <file>  print the configuration that applies to a file, as JSON
  --init                 write a commented .clauselintrc.yaml here (asks type and regimes,
                         or takes --type and --regimes)
  --ignore-pattern <g>   do not lint files matching this glob (repeatable); .clauselintignore
                         in the working folder lists more
  --no-ignore            lint ignored files too (.clauselintignore, --ignore-pattern, ignores)
  --color, --no-color    force colour on or off (default: on a terminal, unless NO_COLOR;
                         FORCE_COLOR turns it on)
  --report-unused-disable-directives
                         report disable comments that switch nothing off (as errors)
  --baseline <file>      an earlier run (--format json or sarif): report and count only the
                         findings that are new or changed since (SARIF: all, with baselineState)
  --cache                analyse only files whose text, configuration or Clauselint version
                         changed since the last --cache run (not with --fix)
  --cache-location <p>   the cache file, or a folder for it (default .clauselintcache)
  --concurrency <n>      analyse on n worker threads, auto (one per core) or off (default)
  --version, --help

       clauselint catalogue [--topic <id>] [--lang en|nl]
                         list the clause catalogue, or print the clauses of one topic
       clauselint report [files, folders or globs...] --output report.html
                         a review report for people: scores, the laws' checklists, the clauses
                         to ask for (clauselint report --help)

Folders and globs: only contracts are checked (clauselint front matter, or a configuration file in
their folder or above), as in the editor; files named on the command line are always checked.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 otherwise, 2 usage, configuration or file problem.
`;
