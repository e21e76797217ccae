/**
 * Entry point of the `clauselint` command. `--version` and `--help` are answered here, without loading
 * the engine (the bundle of everything else, dist/cli-command.cjs, takes most of a start-up to load);
 * any other command loads it.
 */
import { CANNOT_LOAD, commandLanguage } from './cli/command-language.js';
import { HELP } from './cli/help.js';
import { VERSION } from './engine/version.js';

const args = process.argv.slice(2);
const [only, ...rest] = args;
const isHelp = (a: string) => a === '--help' || a === '-h';
// --help alone or with --lang: any other option goes to the command, which checks it first.
const helpOnly = args.some(isHelp) && args.every((a, i) => isHelp(a) || a === '--lang' || a.startsWith('--lang=') || args[i - 1] === '--lang');
if (!rest.length && (only === '--version' || only === '-v')) process.stdout.write(`${VERSION}\n`);
else if (helpOnly) process.stdout.write(HELP[commandLanguage(args)]);
else {
  import('./cli/command.js').catch((err: Error) => {
    process.stderr.write(`clauselint: ${CANNOT_LOAD[commandLanguage(args)].replace('{message}', err.message.split('\n')[0])}\n`);
    process.exitCode = 2;
  });
}
