/**
 * Shared helpers for the command-line tests: run `clauselint` in-process with a fake io, spawn the
 * built bundle, and make throw-away folders. Not a test file itself (it lives outside test/unit/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../server/src/cli/main.js';
import type { JsonFile, JsonReport } from '../../server/src/engine/report.js';

export const CLI_FIXTURES = dirname(fileURLToPath(import.meta.url));
export const REPO = join(CLI_FIXTURES, '..', '..');
export const BUNDLE = join(REPO, 'dist', 'cli.cjs');
/** Reason to skip the tests that spawn the bundle, or false when it is there. */
export const NO_BUNDLE: string | false = existsSync(BUNDLE) ? false : 'dist/cli.cjs is missing: run npm run build first';

export interface CliResult { code: number; stdout: string; stderr: string }

/** Runs the command in-process; `cwd` is what the command sees as its working folder. */
export function cli(argv: string[], options: { cwd?: string; stdin?: string; isTTY?: boolean } = {}): CliResult {
  let stdout = '', stderr = '';
  const code = run(argv, {
    stdout: (s) => { stdout += s; },
    stderr: (s) => { stderr += s; },
    readStdin: () => options.stdin ?? '',
    isTTY: options.isTTY ?? false,
    cwd: options.cwd ?? CLI_FIXTURES,
  });
  return { code, stdout, stderr };
}

/** Runs the command and parses its --format json report (fails loudly if it is not JSON). */
export function cliJson(argv: string[], options: { cwd?: string; stdin?: string } = {}): CliResult & { report: JsonReport; file: JsonFile } {
  const r = cli([...argv, '--format', 'json'], options);
  let report: JsonReport;
  try { report = JSON.parse(r.stdout) as JsonReport; } catch {
    throw new Error(`not JSON (exit ${r.code}); stderr: ${r.stderr}\nstdout: ${r.stdout.slice(0, 500)}`);
  }
  return { ...r, report, file: report.files[0] };
}

/** Spawns `node dist/cli.cjs` (the shipped bundle). */
export function spawnCli(argv: string[], options: { cwd?: string; input?: string | Buffer } = {}): CliResult {
  const p = spawnSync(process.execPath, [BUNDLE, ...argv], {
    cwd: options.cwd ?? CLI_FIXTURES, input: options.input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: p.status ?? -1, stdout: p.stdout, stderr: p.stderr };
}

const made: string[] = [];
process.on('exit', () => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });

/** A fresh folder in the system temp folder, filled with `files` (path → text or bytes); removed at exit. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'clauselint-test-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** stderr must be one clear line: non-empty, no stack trace. */
export function assertOneLine(stderr: string): string[] {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 1) throw new Error(`expected exactly one stderr line, got ${lines.length}:\n${stderr}`);
  if (/^\s+at /m.test(stderr)) throw new Error(`stderr has a stack trace:\n${stderr}`);
  return lines;
}

/** A small contract: an incident clause with a 48-hour deadline and a weak subcontracting clause. */
export const SMALL_CONTRACT = `# Software-as-a-Service Agreement

This Agreement is made between Northwind Cloud B.V. (the "Supplier") and Contoso Bank N.V. (the "Customer").

## 1. Incident notification

1.1 The Supplier shall notify the Customer of any security incident affecting Customer data within forty-eight (48) hours after becoming aware of it.

## 2. Subcontractors

2.1 The Supplier may engage subcontractors at its sole discretion and without notice to the Customer.
`;
