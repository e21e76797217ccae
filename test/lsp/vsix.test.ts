/**
 * The packaged extension (`npm run package` → clauselint.vsix): under 2 MB, and only the bundles, the
 * grammar, the strings and the docs inside. Skipped, with the reason, when no .vsix has been built: the
 * test suite does not build one itself (the package script rewrites dist/ with production bundles).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT } from './lsp-client.js';

const VSIX = join(ROOT, 'clauselint.vsix');
const LIMIT = 2 * 1024 * 1024;
const skip = existsSync(VSIX) ? false : 'no clauselint.vsix: run npm run package to build one';

/** The names in a zip file, from its central directory. */
function zipEntries(buf: Buffer): string[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const nameLength = buf.readUInt16LE(at + 28), extra = buf.readUInt16LE(at + 30), comment = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

test('the .vsix stays under 2 MB', { skip }, () => {
  const size = statSync(VSIX).size;
  assert.ok(size < LIMIT, `clauselint.vsix is ${(size / 1024).toFixed(0)} KB`);
});

test('the .vsix holds the bundles, grammar, strings and docs, and no sources, maps or node_modules', { skip }, () => {
  const names = zipEntries(readFileSync(VSIX));
  for (const must of ['extension/package.json', 'extension/dist/client.cjs', 'extension/dist/server.cjs', 'extension/package.nls.json',
    'extension/package.nls.nl.json', 'extension/l10n/bundle.l10n.nl.json', 'extension/syntaxes/clauselint.injection.tmLanguage.json']) {
    assert.ok(names.includes(must), `${must} is packaged`);
  }
  for (const name of names) {
    assert.doesNotMatch(name, /node_modules\/|\.ts$|\.map$|^extension\/(?:server|client\/src|test|rules|examples)\//, `${name} should not be packaged`);
  }
  // vsce renames the page and the changelog to readme.md and changelog.md, and the licence to LICENSE.txt.
  for (const must of ['extension/LICENSE.txt', 'extension/changelog.md', 'extension/readme.md', 'extension/media/icon.png',
    'extension/schemas/clauselintrc.schema.json', 'extension/docs/rules/liability.md']) {
    assert.ok(names.some((n) => n.toLowerCase() === must.toLowerCase()), `${must} is packaged`);
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (manifest.browser) assert.ok(names.includes(`extension/${manifest.browser.replace(/^\.\//, '')}`), 'the web client is packaged');
});

/** One file of a zip (stored or deflated), found through the central directory (local sizes may be 0). */
function zipRead(buf: Buffer, name: string): string | undefined {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10), size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28), extra = buf.readUInt16LE(at + 30), comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (buf.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  return undefined;
}

test('the .vsix page is the user README, and its manifest names the icon, the schemas and no npm fields', { skip }, () => {
  const buf = readFileSync(VSIX);
  const readme = zipRead(buf, 'extension/readme.md') ?? zipRead(buf, 'extension/README.md');
  assert.ok(readme, 'README.md in the .vsix');
  assert.match(readme, /^# Clauselint for VS Code/);
  const manifest = JSON.parse(zipRead(buf, 'extension/package.json')!);
  assert.equal(manifest.icon, 'media/icon.png');
  assert.deepEqual(manifest.categories, ['Linters']);
  assert.ok(manifest.contributes.jsonValidation.length > 0);
  assert.equal(manifest.exports, undefined);
});

test('.vscodeignore ships only a whitelist', () => {
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  assert.equal(ignore[0], '**', 'everything is left out unless named');
  assert.ok(ignore.includes('!dist/server.cjs') && ignore.includes('!dist/client.cjs'));
  assert.ok(!ignore.some((l) => /^!(?:dist\/?\*\*|server|test|node_modules|rules)/.test(l)));
});
