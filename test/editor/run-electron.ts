/**
 * Runs the editor tests (suite/index.ts) in desktop VS Code with @vscode/test-electron: the extension's
 * Node build, the server over IPC. test-electron downloads VS Code, which needs the download host
 * (update.code.visualstudio.com); where it is unreachable, the same suite runs in VS Code for the Web
 * (run-web.ts, part of npm test). Usage: npm run test:electron [-- en|nl]
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, exampleWorkspace, OUT, ROOT } from './run-web.js';

const languages = process.argv.slice(2).filter((a): a is 'en' | 'nl' => a === 'en' || a === 'nl');
const suite = await buildSuite();
let failed = false;
for (const language of languages.length ? languages : (['en', 'nl'] as const)) {
  const workspace = exampleWorkspace(language);
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      cachePath: join(OUT, 'electron'),
      launchArgs: [workspace, '--disable-extensions', '--locale', language, '--user-data-dir', join(OUT, `user-data-${language}`)],
    });
  } catch (error) {
    failed = true;
    console.error(`editor tests (${language}) failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
