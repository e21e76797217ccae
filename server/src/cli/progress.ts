/**
 * A progress line on standard error for long runs (files done / total), so that a run over a large
 * folder does not look stuck. Only for people: on a terminal, after two seconds, never in CI logs
 * (the CI variable), never when standard error is a file or a pipe, never with a machine format.
 */
export interface Progress { step(): void; end(): void }

const SHOWN_AFTER_MS = 2000;
const REDRAW_MS = 100;
const NONE: Progress = { step() {}, end() {} };

export interface ProgressTerminal { stderr: (s: string) => void; stderrIsTTY?: boolean }

export function progressFor(term: ProgressTerminal, format: string, total: number, env: NodeJS.ProcessEnv = process.env, now: () => number = () => performance.now()): Progress {
  if (!term.stderrIsTTY || format !== 'stylish' || (env.CI !== undefined && env.CI !== 'false' && env.CI !== '0')) return NONE;
  const start = now();
  let done = 0;
  let drawn = -Infinity;
  return {
    step() {
      done++;
      const t = now();
      if (t - start < SHOWN_AFTER_MS || (t - drawn < REDRAW_MS && done < total)) return;
      drawn = t;
      term.stderr(`\r\x1b[Kclauselint: ${done}/${total}`);
    },
    end() { if (drawn > -Infinity) term.stderr('\r\x1b[K'); },
  };
}
