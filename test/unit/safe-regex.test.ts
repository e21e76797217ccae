/**
 * Every regular expression that Clauselint compiles is checked for super-linear backtracking (issue 14),
 * with scslre (the analysis eslint-plugin-regexp runs): the literals in the sources of the engine, the
 * command, the server and the client, and the patterns built at run time. Those are caught by a RegExp
 * that records what it is given while the command lints every fixture with a configuration of weak
 * phrases and ignores (its own and the rules data's patterns, --fix, every format) and the server's
 * hover and completion read the results; a pattern built by a library is left to that library.
 *
 * Exponential backtracking fails always. Polynomial time fails too, unless BOUNDED names the pattern
 * with the reason its input is short whatever the document (a message, one heading, a file name).
 * A configuration's patterns (weakPhrases, ignores) never become regular expressions at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { analyse } from 'scslre';
import type { Settings } from '../../server/src/engine/types.js';

const REPO = join(import.meta.dirname, '..', '..');
const SOURCES = ['server/src', 'client/src'].map((d) => join(REPO, d));

/** Polynomial patterns whose input is bounded, by source text: why each is safe. */
const BOUNDED: Record<string, string> = {
  '\\s*\\n\\s*': 'a GitHub summary cell: a file name or a finding message (at most 120 characters)',
  ' in JSON at position \\d+.*$': "JSON.parse's own error message",
  ':.*$': 'a built-in message template',
  '\\B(?=(\\d{3})+(?!\\d))': 'the digits of a number from the clause catalogue',
  '[\\s,;:]+$': 'a message cut to its length limit (120 characters)',
  '\\s+\\S*$': 'a phrase cut to 39 characters',
  '\\s*\\([^()]*\\{(?:max|min)\\}[^()]*\\)': "a strong point's text in the built-in rules data",
  '^#{1,2}[ \\t]+(.+)$': "the first 4,000 characters of a document (the server's contract test)",
  '[?#].*$': 'a document URI',
  '(\\d+)(\\.?\\s)$': "an article number as the heading reader returns it (digits and one separator)",
  "^(?:(?:article|artikel|section|clause)\\s+(?:\\d+|[ivxlc]+)\\b[.:]?\\s*[–—-]?\\s*[\\p{L} ,&'’/()-]{0,70}|\\d{1,2}(?:\\.\\d{1,2})?\\.?\\s+[\\p{Lu}][\\p{Lu}\\p{Ll} ,&'’/()-]{2,70}\\.?)$": 'a paragraph of at most 90 characters (the pseudo-heading test)',
  '(?:^|[.!?:;]\\s+|\\n\\s*|["“(]\\s*)$': 'the three characters before a capitalised phrase',
};

interface Pattern { source: string; flags: string; where: string }

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(path, out); else if (/\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function literals(): Pattern[] {
  const out: Pattern[] = [];
  for (const file of SOURCES.flatMap((d) => sourceFiles(d))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        out.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: `${relative(REPO, file)}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** What `analyse` finds wrong with a pattern: '' when nothing, else one line per report. */
function problems(p: Pattern): string[] {
  const { reports } = analyse({ source: p.source, flags: p.flags });
  if (!reports.length) return [];
  const exponential = reports.some((r) => r.exponential);
  if (!exponential && p.source in BOUNDED) return [];
  return [`${p.where} /${p.source}/${p.flags}: ${reports.map((r) => `${r.exponential ? 'exponential' : 'polynomial'} (${r.type}, on repeated ${JSON.stringify(r.character.pick)})`).join('; ')}`];
}

test('every regular expression in the sources is free of super-linear backtracking, or bounded with a reason', () => {
  const all = literals();
  assert.ok(all.length > 200, `only ${all.length} literals found: is the source walk broken?`);
  assert.deepEqual(all.flatMap(problems), []);
});

test('a backtracking pattern is caught (the check itself works)', () => {
  assert.equal(problems({ source: '^(a+)+$', flags: '', where: 'example' }).length, 1);
  assert.equal(problems({ source: '^(?:[ \\t]+[^\\s]*)*$', flags: '', where: 'example' }).length, 1);
  assert.equal(problems({ source: '\\d+x', flags: 'g', where: 'example' }).length, 1);
  assert.deepEqual(problems({ source: '^\\d+x', flags: '', where: 'example' }), []);
});

test('every pattern built at run time (rules data, documents, a configuration) is free of super-linear backtracking', async () => {
  const built: Pattern[] = [];
  const Native = RegExp;
  const engineFrame = (stack: string) => stack.split('\n').slice(2).find((l) => !l.includes('node:internal'));
  // Records patterns whose constructor is called from Clauselint's own sources, then builds them as usual.
  const recording = new Proxy(Native, {
    construct(target, args: [string | RegExp, string?], newTarget) {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 4;
      const frame = engineFrame(new Error().stack ?? '') ?? '';
      Error.stackTraceLimit = limit;
      if (SOURCES.some((d) => frame.includes(d))) {
        const [pattern, flags] = args;
        built.push({ source: typeof pattern === 'string' ? pattern : pattern.source, flags: flags ?? (typeof pattern === 'string' ? '' : pattern.flags), where: frame.trim() });
      }
      return Reflect.construct(target, args, newTarget);
    },
  });
  globalThis.RegExp = recording;
  try {
    const { cli, tempTree } = await import('../cli-fixtures/harness.js');
    const { analyze } = await import('../../server/src/engine/analyze.js');
    const { termIndex } = await import('../../server/src/lsp/hover.js');
    const { clauseSnippet } = await import('../../server/src/lsp/completion.js');
    const { builtInCatalogue } = await import('../../server/src/engine/catalogue.js');
    const fixtures: Record<string, string> = {};
    for (const lang of ['en', 'nl']) {
      for (const name of readdirSync(join(REPO, 'test', 'fixtures', lang))) fixtures[`${lang}/${name}`] = readFileSync(join(REPO, 'test', 'fixtures', lang, name), 'utf8');
    }
    const config: Settings = {
      weakPhrases: [{ topic: 'incident-notification', phrase: 'zzqx ... ... ... ... notify' }, { topic: 'subcontracting', phrase: 'at its sole (discretion)' }],
      ignores: ['drafts/**', '{old,archive}/*.md', 'zz?[a-q]*.md'],
    };
    const dir = tempTree({ ...fixtures, '.clauselintrc.json': JSON.stringify(config) });
    cli(['.', '--all', '--format', 'json'], { cwd: dir });
    // --fix, the other formats and the server's readers on a few contracts: what they build does not depend on many.
    const few = Object.keys(fixtures).filter((_, i) => i % 8 === 0);
    cli([...few, '--fix-dry-run', '--fix-type', 'fix,suggestion'], { cwd: dir });
    for (const format of ['stylish', 'sarif', 'github', 'junit']) cli([...few, '--format', format, '--verbose'], { cwd: dir });
    for (const name of few) {
      const result = analyze(fixtures[name], config);
      termIndex(result);
      for (const clause of builtInCatalogue()) clauseSnippet(clause, result.language, result.parties);
    }
    assert.ok(built.length > 0, 'no pattern recorded: is the recording RegExp in use?');
    assert.ok(!built.some((p) => /zzqx|sole|drafts|archive/.test(p.source)), "a configuration's pattern became a regular expression");
  } finally {
    globalThis.RegExp = Native;
  }
  const distinct = [...new Map(built.map((p) => [`${p.flags}/${p.source}`, p])).values()];
  assert.deepEqual(distinct.flatMap(problems), []);
});
