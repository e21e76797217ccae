/** The `clauselint` command, loaded by its entry point (server/src/cli.ts) for everything but --version and --help. */
import { readFileSync, readSync } from 'node:fs';
import { run } from './main.js';
import { isAnalysisWorker } from './pool.js';

/** One line typed at the terminal, read synchronously (for --init); undefined at end of input. */
function prompt(question: string): string | undefined {
  if (!process.stdin.isTTY) return undefined;
  process.stdout.write(question);
  const bytes: number[] = [];
  const one = Buffer.alloc(1);
  for (;;) {
    let n = 0;
    try { n = readSync(0, one, 0, 1, null); } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      return undefined;
    }
    if (n === 0) return bytes.length ? Buffer.from(bytes).toString('utf8') : undefined;
    if (one[0] === 10) return Buffer.from(bytes).toString('utf8').replace(/\r$/, '');
    bytes.push(one[0]);
  }
}

// In the bundle, --concurrency's workers start this same file: they analyse and leave the command to the main thread.
if (!isAnalysisWorker) {
  const code = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => readFileSync(0),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    prompt,
  });
  process.exitCode = code;
}
