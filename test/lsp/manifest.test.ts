/**
 * The extension's manifest agrees with itself: every %key% of package.json is in package.nls.json and
 * package.nls.nl.json, every runtime string of the client has a Dutch translation, every contributed
 * command is registered by the client, and the server and client bundles are where package.json says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lsp-client.js';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const manifest = JSON.parse(read('package.json'));
const nls = JSON.parse(read('package.nls.json'));
const nlsNl = JSON.parse(read('package.nls.nl.json'));
/** The client's sources (extension.ts, extension-web.ts and the wiring they share). */
const client = readdirSync(join(ROOT, 'client', 'src')).filter((f) => f.endsWith('.ts')).sort().map((f) => read(`client/src/${f}`)).join('\n');

test('every %key% in package.json has an English and a Dutch string', () => {
  const keys = [...JSON.stringify(manifest.contributes).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 10);
  for (const k of keys) {
    assert.ok(typeof nls[k] === 'string' && nls[k].length > 0, `package.nls.json lacks ${k}`);
    assert.ok(typeof nlsNl[k] === 'string' && nlsNl[k].length > 0, `package.nls.nl.json lacks ${k}`);
  }
  assert.deepEqual(Object.keys(nlsNl).sort(), Object.keys(nls).sort(), 'the two files have the same keys');
  assert.equal(nls['command.lintFile'], 'Lint this file');
  assert.equal(nls['command.showCoverage'], 'Show coverage report');
  assert.equal(nls['command.openRuleDocs'], 'Open rule documentation');
});

test('every runtime string of the client has a Dutch translation in l10n/', () => {
  const bundle = JSON.parse(read('l10n/bundle.l10n.nl.json'));
  const used = [...client.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
  assert.ok(used.length > 5);
  for (const s of used) assert.ok(typeof bundle[s] === 'string', `l10n/bundle.l10n.nl.json lacks “${s}”`);
  for (const s of Object.keys(bundle)) assert.ok(used.includes(s), `l10n/bundle.l10n.nl.json has an unused string “${s}”`);
  assert.equal(manifest.l10n, './l10n');
});

test('the contributed commands are registered and the bundles are in place', () => {
  const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
  assert.deepEqual(commands.sort(), ['clauselint.insertClause', 'clauselint.lintFile', 'clauselint.openReviewReport', 'clauselint.openRuleDocs', 'clauselint.showCoverage']);
  for (const c of commands) assert.ok(client.includes(`registerCommand('${c}'`), `the client does not register ${c}`);
  assert.equal(manifest.main, './dist/client.cjs');
  assert.equal(manifest.bin['clauselint-language-server'], 'dist/server.cjs');
  // Restricted Mode: limited support, naming the settings that VS Code then takes from the user alone.
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.match(untrusted.description, /^%.+%$/);
  assert.ok(untrusted.restrictedConfigurations.length);
  for (const key of untrusted.restrictedConfigurations) assert.ok(key in manifest.contributes.configuration.properties, `${key} is not a setting`);
  assert.equal(manifest.engines.vscode, '^1.91.0');
  const settings = Object.keys(manifest.contributes.configuration.properties);
  for (const s of ['enable', 'type', 'regimes', 'language', 'rules', 'trace.server']) assert.ok(settings.includes(`clauselint.${s}`), `setting clauselint.${s}`);
  const grammar = manifest.contributes.grammars[0];
  assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
  assert.ok(existsSync(join(ROOT, grammar.path)));
  if (existsSync(join(ROOT, 'dist', 'client.cjs'))) {
    const bundle = read('dist/client.cjs');
    assert.match(bundle, /require\("vscode"\)/, 'vscode stays external');
  }
});

test('marketplace fields: icon, categories, keywords, virtual workspaces, schema validation of every configuration file', () => {
  assert.equal(manifest.icon, 'media/icon.png');
  const icon = readFileSync(join(ROOT, manifest.icon));
  assert.equal(icon.toString('latin1', 1, 4), 'PNG');
  assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'at least 128×128');
  assert.deepEqual(manifest.categories, ['Linters']);
  assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30);
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, true);
  const validated = [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation]
    .flatMap((v: { fileMatch: string | string[] }) => [v.fileMatch].flat());
  for (const name of ['.clauselintrc.json', '.clauselintrc.yaml', '.clauselintrc.yml', 'clauselint.config.json', 'package.json']) {
    assert.ok(validated.includes(name), `${name} is validated`);
  }
  for (const v of [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation]) {
    assert.ok(existsSync(join(ROOT, v.url)), `${v.url} exists`);
    JSON.parse(read(v.url));
  }
  assert.ok(existsSync(join(ROOT, 'LICENSE')) && existsSync(join(ROOT, 'CHANGELOG.md')));
});

test('the extension has its own README for the marketplace: commands and settings, not the developer README', () => {
  const readme = read('client/README.md');
  for (const c of manifest.contributes.commands) assert.ok(readme.includes(nls[c.title.slice(1, -1)]), `the README names ${c.command}`);
  for (const s of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${s}\``), `the README names ${s}`);
  assert.match(readme, /!\[[^\]]+\]\(docs\/images\/[\w-]+\.png\)/, 'a picture');
  assert.doesNotMatch(readme, /npm test|## Development/);
});

test('one version everywhere, and rule links to the pages of that version, which ship with it', async () => {
  const { VERSION } = await import('../../server/src/engine/version.js');
  const { ruleIndex } = await import('../../server/src/engine/rule-index.js');
  assert.equal(VERSION, manifest.version);
  for (const r of ruleIndex()) {
    assert.ok(r.docsUrl.endsWith(`/blob/v${VERSION}/docs/rules/${r.id}.md`), r.docsUrl);
    assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
  }
});
