/**
 * The walkthrough for a first-time user: every step has an English Markdown page in media/, a title and a
 * description in English and Dutch, and its command links name commands that exist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lsp-client.js';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const manifest = JSON.parse(read('package.json'));
const nls = JSON.parse(read('package.nls.json'));
const nlsNl = JSON.parse(read('package.nls.nl.json'));
const key = (s: string) => /^%(.+)%$/.exec(s)?.[1] ?? assert.fail(`${s} is not a %key%`);

test('the walkthrough has localised steps with Markdown pages in media/', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.ok(walkthrough, 'contributes.walkthroughs');
  assert.equal(nls[key(walkthrough.title)], 'Get started with Clauselint');
  assert.equal(nlsNl[key(walkthrough.title)], 'Aan de slag met Clauselint');
  assert.ok(walkthrough.steps.length >= 4);
  const own = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  for (const step of walkthrough.steps) {
    for (const field of [step.title, step.description]) {
      assert.ok(nls[key(field)] && nlsNl[key(field)], `${field} in English and Dutch`);
      assert.notEqual(nls[key(field)], nlsNl[key(field)], `${field} is translated`);
    }
    const page = step.media.markdown;
    assert.match(page, /^media\/[\w-]+\.md$/);
    assert.ok(existsSync(join(ROOT, page)), `${page} exists`);
    assert.match(read(page), /^# \S/, `${page} starts with a heading`);
    for (const text of [nls[key(step.description)], nlsNl[key(step.description)]]) {
      for (const m of text.matchAll(/\(command:([\w.]+)/g)) {
        if (m[1].startsWith('clauselint.')) assert.ok(own.has(m[1]), `${m[1]} is a contributed command`);
      }
    }
  }
});

test('the walkthrough pages are packaged', () => {
  assert.ok(read('.vscodeignore').split('\n').includes('!media/**'));
});
