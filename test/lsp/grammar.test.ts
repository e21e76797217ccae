/**
 * The injection grammar, tokenised by the engine VS Code uses (vscode-textmate with Oniguruma) on top of
 * a minimal stand-in for the Markdown grammar: every pattern compiles, and contract text gets its scopes.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Textmate from 'vscode-textmate';
import type * as Oniguruma from 'vscode-oniguruma';
import { ROOT } from './lsp-client.js';

// Both ship UMD bundles whose named exports Node's ESM loader cannot see: load them with require.
const require = createRequire(import.meta.url);
const textmate = require('vscode-textmate') as typeof Textmate;
const oniguruma = require('vscode-oniguruma') as typeof Oniguruma;
const INJECTION = join(ROOT, 'syntaxes', 'clauselint.injection.tmLanguage.json');
const MARKDOWN_STUB = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    { match: '^#{1,6} .*$', name: 'markup.heading.markdown' },
  ],
};

let grammar: Textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return textmate.parseRawGrammar(JSON.stringify(MARKDOWN_STUB), 'markdown.json');
      if (scopeName === 'text.clauselint.injection') return textmate.parseRawGrammar(readFileSync(INJECTION, 'utf8'), INJECTION);
      return null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['text.clauselint.injection'] : undefined),
  });
  grammar = (await registry.loadGrammar('text.html.markdown'))!;
  assert.ok(grammar, 'the grammar loads');
});

/** Each token's text with its most specific clauselint scope, for the tokens that have one. */
function scopes(lines: string[]): [string, string][] {
  let state = textmate.INITIAL;
  const out: [string, string][] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const own = t.scopes.filter((s) => s.endsWith('.clauselint'));
      if (own.length) out.push([line.slice(t.startIndex, t.endIndex), own[own.length - 1]]);
    }
    state = r.ruleStack;
  }
  return out;
}

function scopeOf(line: string, text: string): string | undefined {
  const found = scopes([line]).filter(([t]) => text.includes(t) || t.includes(text));
  return found.find(([t]) => t === text)?.[1] ?? found[0]?.[1];
}

test('defined terms in quotes', () => {
  const line = '- "Security Incident" means any breach; the “Personal Data” and (hierna: "Verwerker").';
  assert.equal(scopeOf(line, 'Security Incident'), 'entity.name.type.defined-term.clauselint');
  assert.equal(scopeOf(line, 'Personal Data'), 'entity.name.type.defined-term.clauselint');
  assert.equal(scopeOf(line, 'Verwerker'), 'entity.name.type.defined-term.clauselint');
  assert.equal(scopeOf('He said "hello there" to them.', 'hello there'), undefined, 'a quote in lower case is no defined term');
});

test('obligation words in English and Dutch', () => {
  const en = scopes(['The Provider shall notify, must report and will assist; it shall not delay.']).map(([t, s]) => `${t}=${s}`);
  assert.deepEqual(en, ['shall=keyword.other.obligation.en.clauselint', 'must=keyword.other.obligation.en.clauselint', 'will=keyword.other.obligation.en.clauselint', 'shall not=keyword.other.obligation.en.clauselint']);
  const nl = scopes(['Verwerker zal melden, moet rapporteren en dient bij te staan.']).map(([t]) => t);
  assert.deepEqual(nl, ['zal', 'moet', 'dient']);
  assert.deepEqual(scopes(['The willow is a tree and a shallot a vegetable.']), [], 'not inside other words');
});

test('deadlines and amounts', () => {
  const a = scopes(['Notify within 24 hours, and binnen 2 werkdagen; at most EUR 1,000,000 or € 500.000 per year.']);
  const text = a.map(([t]) => t).join('|');
  assert.match(text, /within \|24\|hours/);
  assert.match(text, /binnen \|2\|werkdagen/);
  assert.ok(a.some(([t, s]) => t.trim() === '1,000,000' && s === 'constant.numeric.amount.clauselint'), text);
  assert.ok(a.some(([t, s]) => t === 'EUR' && s === 'constant.numeric.amount.currency.clauselint'), text);
  assert.ok(a.some(([t]) => t.trim() === '500.000'), text);
  assert.ok(scopes(['within seventy-two (72) hours']).some(([t, s]) => t === 'seventy-two (72)' && s === 'constant.numeric.duration.clauselint'));
  assert.ok(scopes(['availability of 99.9% per month']).some(([t, s]) => t === '99.9%' && s === 'constant.numeric.percentage.clauselint'));
});

test('article numbers and references', () => {
  const a = scopes(['8.1 The Provider shall comply with Article 7.2 and art. 23(4) NIS2 and Bijlage 2.']);
  assert.ok(a.some(([t, s]) => t === '8.1' && s === 'constant.other.article-number.clauselint'), JSON.stringify(a));
  assert.ok(a.some(([t]) => t === '7.2'));
  assert.ok(a.some(([t]) => t === '23(4)'));
  assert.ok(a.some(([t]) => t === '2'));
  assert.ok(a.some(([t, s]) => t === 'Article' && s === 'keyword.other.article.clauselint'));
});

test('nothing is marked inside code', () => {
  assert.deepEqual(scopes(['```', 'The Provider shall notify within 24 hours.', '```']), []);
  assert.deepEqual(scopes(['Run `shall 24 hours` here']).filter(([t]) => t.includes('shall')), []);
});
