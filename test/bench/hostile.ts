/**
 * npm run bench:hostile [-- --repo DIR] [--timeout S] [--only NAME]: seconds and peak memory of the
 * command on each hostile input of issue 14, generated here. `--repo` runs another checkout's sources
 * (e.g. an older release unpacked with `git archive`, node_modules linked), for before/after figures.
 * A case that runs past the timeout (60 s by default) is reported as "> S s" and stopped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const REPO = resolve(opt('repo') ?? join(HERE, '..', '..'));
const TIMEOUT = Number(opt('timeout') ?? 60);
const ONLY = opt('only');

const FRONT = '---\nclauselint:\n  type: saas\n---\n# Agreement\n\n';
const CONTRACT = `${FRONT}## 1. Security\n\nThe Supplier shall notify the Customer of any security incident as soon as possible.\n`;
/** An incident-notification sentence of many words: where a weak phrase's gaps are tried. */
const GAPPED = `${FRONT}## 1. Incident notification\n\nThe Supplier shall notify the Customer of any security incident ${'shall '.repeat(60)}as soon as possible.\n`;
const upTo = (size: number, line: (i: number) => string) => { const out: string[] = []; let n = 0; for (let i = 0; n < size; i++) { const l = line(i); out.push(l); n += l.length; } return out.join(''); };
function aliasBomb(): string {
  const names = 'abcdefgh';
  const lines = [`a: &a [${Array(9).fill('"x"').join(',')}]`];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  return `---\n${lines.join('\n')}\nclauselint:\n  type: saas\n---\n# A\n\nText.\n`;
}

/** `stdin`: bytes the command reads with --stdin; `setup`: what files cannot say (a FIFO, a symbolic link). */
interface Case { name: string; files: Record<string, string>; argv?: string[]; stdin?: Uint8Array; setup?: (dir: string) => void }
const HOUSE_CLAUSE = 'id: house\ntopic: liability\nvariant: house\npreferred: true\ntitle: { en: House, nl: Eigen }\nheading: { en: Liability, nl: Aansprakelijkheid }\ntypes: [saas]\nregimes: []\nreferences: []\ntext: { en: "{{supplier}} is liable.", nl: "{{supplier}} is aansprakelijk." }\n';
const CASES: Case[] = [
  { name: 'stemming: 100 KB of one word', files: { 'c.md': `${FRONT}${'b'.repeat(100_000)}\n` } },
  { name: 'units.ts bare enumerator: 100 KB of leading spaces', files: { 'c.md': `${FRONT}${' '.repeat(100_000)}x\n` } },
  { name: 'definitions.ts definition list: 80 KB', files: { 'c.md': `${FRONT}## 1. Definitions\n\nA\n${'|\n'.repeat(40_000)}x\n` } },
  { name: 'placement.ts heading line: --fix-dry-run, 2.2 KB', files: { 'c.md': `${FRONT}##${' '.repeat(2_200)}\\1. Security\n\nThe Supplier shall deliver.\n` }, argv: ['c.md', '--fix-dry-run'] },
  { name: 'placement.ts heading line: --fix-dry-run, 4 KB', files: { 'c.md': `${FRONT}##${' '.repeat(4_000)}\\1. Security\n\nThe Supplier shall deliver.\n` }, argv: ['c.md', '--fix-dry-run'] },
  { name: 'micromark: 40 KB of "* "', files: { 'c.md': `${FRONT}${'* '.repeat(20_000)}x\n` } },
  { name: 'micromark: 40 KB of "*a"', files: { 'c.md': `${FRONT}${'*a'.repeat(20_000)}\n` } },
  { name: 'micromark: 80 KB of nested links', files: { 'c.md': `${FRONT}${'['.repeat(20_000)}${'](a)'.repeat(15_000)}\n` } },
  { name: 'micromark: 1 MB nested list', files: { 'c.md': FRONT + upTo(1_000_000, (i) => `${'  '.repeat(i)}- item ${i}\n`) } },
  { name: 'micromark: 4 MB nested list', files: { 'c.md': FRONT + upTo(4_000_000, (i) => `${'  '.repeat(i)}- item ${i}\n`) } },
  { name: 'micromark: 2,000 nested list items', files: { 'c.md': FRONT + Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- item\n`).join('') } },
  { name: 'weakPhrases: 12 "..." gaps', files: { 'c.md': GAPPED, '.clauselintrc.json': JSON.stringify({ weakPhrases: [{ topic: 'incident-notification', phrase: `shall ${'... '.repeat(12)}never` }] }) } },
  { name: 'weakPhrases: 4 "..." gaps (the limit)', files: { 'c.md': GAPPED, '.clauselintrc.json': JSON.stringify({ weakPhrases: [{ topic: 'incident-notification', phrase: `shall ${'... '.repeat(4)}never` }] }) } },
  { name: 'ignores: "+(a*)b" and a 30-character name', files: { [`${'a'.repeat(30)}.md`]: CONTRACT, '.clauselintrc.json': JSON.stringify({ ignores: ['+(a*)b'] }) }, argv: ['.'] },
  { name: 'memory: 10 MB of blank lines', files: { 'c.md': '\n'.repeat(10 * 1024 * 1024) } },
  { name: 'memory: 16.5 MB table', files: { 'c.md': FRONT + '| Severity | Notice |\n|---|---|\n' + upTo(16.5 * 1024 * 1024, () => '| Critical | The Supplier shall notify the Customer within 24 hours |\n') } },
  { name: 'memory: 2 MB wide table', files: { 'c.md': (() => { const cols = 50_000; let s = `${FRONT}|${' a |'.repeat(cols)}\n|${'---|'.repeat(cols)}\n`; while (s.length < 2 * 1024 * 1024) s += `|${' b |'.repeat(2_000)}\n`; return s; })() } },
  { name: 'front matter: YAML alias bomb', files: { 'c.md': aliasBomb() } },
  { name: 'folder: one binary file among good ones', files: { 'a.md': CONTRACT, 'b.md': '\u0000\u0001PNG', 'c.md': CONTRACT }, argv: ['.'] },
  // Second round: the patterns that scslre found, --fix on many articles, --stdin, trust boundaries.
  { name: 'regex: 100 KB of digits', files: { 'c.md': `${FRONT}${'1'.repeat(100_000)} (x\n` } },
  { name: 'regex: "1." 50,000 times', files: { 'c.md': `${FRONT}${'1.'.repeat(50_000)} (x\n` } },
  { name: 'regex: 100 KB capitalised word', files: { 'c.md': `${FRONT}${'A'.repeat(100_000)} x\n` } },
  { name: 'regex: "<" 50,000 times in a heading', files: { 'c.md': `${FRONT}## ${'<'.repeat(50_000)}\n\nText.\n` } },
  { name: 'regex: "27001" and 100 KB of spaces', files: { 'c.md': `${FRONT}The Supplier holds ISO 27001${' '.repeat(100_000)}x.\n` } },
  { name: 'regex: a quoted term and 100 KB of spaces', files: { 'c.md': `${FRONT}"Data"${' '.repeat(100_000)}x\n` } },
  { name: 'fix: 130,000 numbered articles (--fix-dry-run)', files: { 'c.md': FRONT + Array.from({ length: 130_000 }, (_, i) => `## ${i + 1}. T\n`).join('') }, argv: ['c.md', '--fix-dry-run'] },
  { name: 'stdin: a binary file', files: {}, argv: ['--stdin'], stdin: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) },
  { name: 'stdin: 21 MB', files: {}, argv: ['--stdin'], stdin: new Uint8Array(21 * 1024 * 1024).fill(0x61) },
  { name: 'stdin: UTF-16 LE with a BOM', files: {}, argv: ['--stdin'], stdin: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CONTRACT, 'utf16le')]) },
  { name: 'CR-only line ends', files: { 'c.md': CONTRACT.replace(/\n/g, '\r') } },
  { name: 'FIFO named on the command line', files: { 'a.md': CONTRACT }, argv: ['pipe.md', 'a.md'], setup: (dir) => { spawnSync('mkfifo', [join(dir, 'pipe.md')]); } },
  { name: 'playbook: "../clauses", outside the folder', files: { 'ws/c.md': CONTRACT, 'ws/.clauselintrc.json': JSON.stringify({ playbook: '../clauses' }), 'clauses/a.yaml': HOUSE_CLAUSE }, argv: ['ws/c.md'] },
  { name: 'playbook: a symbolic link out of the folder', files: { 'ws/c.md': CONTRACT, 'ws/.clauselintrc.json': JSON.stringify({ playbook: 'clauses' }), 'elsewhere/a.yaml': HOUSE_CLAUSE }, argv: ['ws/c.md'], setup: (dir) => symlinkSync(join(dir, 'elsewhere'), join(dir, 'ws', 'clauses')) },
  // Third round: the remaining items of the list, and shapes found while measuring them.
  { name: 'front matter: type {toString: 1}', files: { 'c.md': '---\nclauselint:\n  type: {toString: 1}\n---\n# A\n\nText.\n' } },
  { name: 'definitions.ts definition list: 320 KB', files: { 'c.md': `${FRONT}## 1. Definitions\n\nA\n${'|\n'.repeat(160_000)}x\n` } },
  { name: 'a paragraph of 500,000 short lines (1 MB)', files: { 'c.md': `${FRONT}${'x\n'.repeat(500_000)}` } },
  { name: 'terminal escapes in the text (stylish)', files: { 'c.md': `${FRONT}## 1. \u001b[2JSecurity\n\n<!-- clauselint-disable \u001b[2Jx -->\n` }, argv: ['c.md', '--format', 'stylish'] },
  { name: 'report: a folder with no contracts', files: { 'notes.md': '# Notes\n\nNothing here.\n' }, argv: ['report', '.', '--format', 'markdown'] },
  // Fourth round: the largest inputs the size limit allows.
  { name: 'memory: 19.9 MB of blank lines', files: { 'c.md': '\n'.repeat(Math.floor(19.9 * 1024 * 1024)) } },
];

/** The child: runs the command's run() from the chosen checkout, then prints its exit code and peak memory. */
const CHILD = `
const [main, ...argv] = process.argv.slice(1);
const { run } = await import(main);
let out = 0, err = '';
const { readFileSync } = await import('node:fs');
const stdin = process.env.HOSTILE_STDIN;
const code = run(argv, { stdout: (s) => { out += s.length; }, stderr: (s) => { err += s; }, readStdin: () => (stdin ? readFileSync(stdin) : ''), isTTY: false, cwd: process.cwd() });
process.stderr.write('\\n' + JSON.stringify({ code, maxRSS: process.resourceUsage().maxRSS, err: err.split('\\n')[0].slice(0, 160) }) + '\\n');
`;

console.log(`hostile inputs, ${REPO} (timeout ${TIMEOUT} s)\n`);
console.log('case'.padEnd(54), 'seconds'.padStart(9), 'peak MB'.padStart(9), ' exit  first stderr line');
for (const c of CASES) {
  if (ONLY && !c.name.includes(ONLY)) continue;
  const dir = mkdtempSync(join(tmpdir(), 'clauselint-hostile-'));
  for (const [name, text] of Object.entries(c.files)) { mkdirSync(dirname(join(dir, name)), { recursive: true }); writeFileSync(join(dir, name), text); }
  c.setup?.(dir);
  const stdinFile = join(tmpdir(), `clauselint-hostile-stdin-${process.pid}`);
  if (c.stdin) writeFileSync(stdinFile, c.stdin);
  const started = process.hrtime.bigint();
  const p = spawnSync(process.execPath, ['--max-old-space-size=4096', '--stack-size=4000', '--import', import.meta.resolve('tsx'), '--input-type=module', '-e', CHILD, pathToFileURL(join(REPO, 'server', 'src', 'cli', 'main.ts')).href, ...(c.argv ?? ['c.md']), ...(c.argv?.includes('--format') ? [] : ['--format', 'json'])], {
    cwd: dir, encoding: 'utf8', timeout: TIMEOUT * 1000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_PATH: join(REPO, 'node_modules'), ...(c.stdin && { HOSTILE_STDIN: stdinFile }) },
  });
  if (c.stdin) rmSync(stdinFile, { force: true });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(dir, { recursive: true, force: true });
  const last = p.stderr?.trim().split('\n').pop() ?? '';
  let info: { code?: number; maxRSS?: number; err?: string } = {};
  try { info = JSON.parse(last); } catch { /* killed or crashed */ }
  const time = p.error || p.signal ? `> ${TIMEOUT}` : seconds.toFixed(2);
  const mem = info.maxRSS ? (info.maxRSS / 1024).toFixed(0) : '-';
  const exit = info.code ?? (p.signal ? 'killed' : p.status);
  console.log(c.name.padEnd(54), time.padStart(9), mem.padStart(9), ` ${String(exit).padEnd(5)} ${info.err ?? (p.stderr ?? '').split('\n').find((l) => l.trim()) ?? ''}`.slice(0, 120));
}
