/**
 * Debian's Neovim in headless mode as a second, independent LSP client (test/lsp/neovim.lua). Skipped,
 * with the reason, where `nvim` is not on PATH; CI installs it with `apt-get install -y neovim`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SERVER } from './lsp-client.js';

const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const version = probe.error ? null : /NVIM v(\d+)\.(\d+)/.exec(probe.stdout);
const skip = !existsSync(SERVER) ? 'dist/server.cjs is missing: run npm run build first'
  : !version ? 'nvim is not on PATH (install it with apt-get install -y neovim)'
    : Number(version[1]) === 0 && Number(version[2]) < 7 ? `nvim ${version[0]} is older than 0.7, which has vim.diagnostic`
      : false;

test('Neovim headless receives diagnostics, hover, symbols and code actions', { skip, timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clauselint-nvim-'));
  try {
    const contract = join(dir, 'saas-agreement.md');
    const readme = join(dir, 'README.md');
    const out = join(dir, 'out.json');
    writeFileSync(contract, readFileSync(join(ROOT, 'examples', 'saas-agreement.md')));
    writeFileSync(readme, '# A library\n\nThe Provider shall notify without undue delay.\n');
    for (const d of ['cache', 'state', 'data', 'config']) mkdirSync(join(dir, d));
    const child = spawn('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'lsp', 'neovim.lua')}`], {
      cwd: dir,
      env: {
        ...process.env, CLAUSELINT_SERVER: SERVER, CLAUSELINT_CONTRACT: contract, CLAUSELINT_README: readme, CLAUSELINT_OUT: out,
        XDG_CACHE_HOME: join(dir, 'cache'), XDG_STATE_HOME: join(dir, 'state'), XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.ok(existsSync(out), `Neovim wrote no result (exit ${code}): ${output}`);
    const seen = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(seen.error, undefined, seen.error);
    assert.equal(code, 0, output);

    assert.equal(seen.received, true, 'diagnostics arrived');
    assert.ok(seen.diagnostics.length > 10, `findings: ${seen.diagnostics.length}`);
    for (const d of seen.diagnostics) assert.equal(d.source, 'clauselint');
    assert.ok(seen.diagnostics.some((d: any) => d.code === 'certification'));
    assert.ok(seen.diagnostics.every((d: any) => typeof d.href === 'string' && d.href.endsWith(`${d.code}.md`)));
    assert.match(seen.hover.contents.value, /Rule documentation/);
    assert.ok(seen.actions.some((t: string) => /^Disable \S+ for this file$/.test(t)), seen.actions.join(' | '));
    assert.ok(seen.symbols.includes('8. Security incidents'), seen.symbols.join(' | '));
    assert.equal(seen.readme_reported, true, 'the README was looked at');
    assert.equal(seen.readme_diagnostics, 0, 'and got no diagnostics');
    assert.ok(seen.coverage.some((c: any) => /^Security: \d+ present/.test(c.summary)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
