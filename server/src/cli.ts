/**
 * Entry point of the `clauselint` command. `--version` and `--help` are answered here, without loading
 * the engine (the bundle of everything else, dist/cli-command.cjs, takes most of a start-up to load);
 * any other command loads it.
 */
import { HELP } from './cli/help.js';
import { VERSION } from './engine/version.js';

const [only, ...rest] = process.argv.slice(2);
if (!rest.length && (only === '--version' || only === '-v')) process.stdout.write(`${VERSION}\n`);
else if (!rest.length && (only === '--help' || only === '-h')) process.stdout.write(HELP);
else {
  import('./cli/command.js').catch((err: Error) => {
    process.stderr.write(`clauselint: cannot load the command (${err.message.split('\n')[0]}); the installation is incomplete\n`);
    process.exitCode = 2;
  });
}
