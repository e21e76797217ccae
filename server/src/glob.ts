/**
 * Globs from a configuration (`ignores`), matched without regular expressions: a glob comes from the
 * workspace, and a regular expression made of it can backtrack exponentially (picomatch's `+(a*)b`
 * takes a minute on a 30-character name). Here a path is matched segment by segment, each segment by
 * a set of states, so time is at most (glob length × path length) per alternative.
 *
 * Supported: `*`, `?`, `[abc]`, `[a-z]`, `[!a]`, `**` as a whole segment, `{a,b}` (nested too), `\x`
 * and a leading `!` (not). Extended globs (`+(…)`, `@(…)`, `!(…)`, `*(…)`, `?(…)`) are refused, with
 * a reason, as are globs too long or with too many alternatives.
 */
import type { SettingProblem } from './engine/setting-problems.js';

export const MAX_GLOB_LENGTH = 1_000;
export const MAX_GLOB_ALTERNATIVES = 64;

/** What is wrong with a glob: `message` in English after the glob ("… has more than 64 {…} alternatives"), `problem` to say it in either language. */
export class GlobError extends Error {
  constructor(message: string, readonly problem: SettingProblem) { super(message); }
}

type Token = { kind: 'lit'; ch: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'class'; negated: boolean; items: ([string, string])[] };
type Segment = { globstar: true } | { globstar: false; tokens: Token[] };

/** `{a,b}` alternatives, expanded; nested braces too. */
function expandBraces(glob: string, out: string[]): void {
  let depth = 0, open = -1;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') { if (depth++ === 0) open = i; }
    else if (c === '}' && depth > 0 && --depth === 0) {
      const body = glob.slice(open + 1, i);
      const parts: string[] = [];
      let d = 0, from = 0;
      for (let k = 0; k < body.length; k++) {
        const b = body[k];
        if (b === '\\') { k++; continue; }
        if (b === '{') d++; else if (b === '}') d--; else if (b === ',' && d === 0) { parts.push(body.slice(from, k)); from = k + 1; }
      }
      parts.push(body.slice(from));
      if (parts.length < 2) continue; // "{a}" is literal, as in a shell
      for (const p of parts) {
        expandBraces(glob.slice(0, open) + p + glob.slice(i + 1), out);
        if (out.length > MAX_GLOB_ALTERNATIVES) throw new GlobError(`has more than ${MAX_GLOB_ALTERNATIVES} {…} alternatives`, { id: 'glob-alternatives', values: { max: MAX_GLOB_ALTERNATIVES } });
      }
      return;
    }
  }
  out.push(glob);
}

function segmentTokens(seg: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) { tokens.push({ kind: 'lit', ch: seg[++i] }); continue; }
    if ('*?+@!'.includes(c) && seg[i + 1] === '(') throw new GlobError(`uses the extended glob “${c}(…)”, which is not supported; use *, ?, [...] and {a,b}`, { id: 'glob-extended', values: { marker: c } });
    if (c === '*') { if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' }); continue; }
    if (c === '?') { tokens.push({ kind: 'one' }); continue; }
    if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close > 0) {
        let body = seg.slice(i + 1, close);
        const negated = body[0] === '!' || body[0] === '^';
        if (negated) body = body.slice(1);
        const items: [string, string][] = [];
        for (let k = 0; k < body.length; k++) {
          if (body[k + 1] === '-' && k + 2 < body.length) { items.push([body[k], body[k + 2]]); k += 2; } else items.push([body[k], body[k]]);
        }
        tokens.push({ kind: 'class', negated, items });
        i = close;
        continue;
      }
    }
    tokens.push({ kind: 'lit', ch: c });
  }
  return tokens;
}

function accepts(t: Token, ch: string): boolean {
  switch (t.kind) {
    case 'lit': return t.ch === ch;
    case 'one': return true;
    case 'star': return true;
    case 'class': return t.items.some(([a, b]) => ch >= a && ch <= b) !== t.negated;
  }
}

/** One path segment against one glob segment: the set of token positions reached, character by character. */
function segmentMatches(tokens: Token[], seg: string): boolean {
  let states = new Uint8Array(tokens.length + 1);
  const close = (s: Uint8Array) => { for (let k = 0; k < tokens.length; k++) if (s[k] && tokens[k].kind === 'star') s[k + 1] = 1; };
  states[0] = 1;
  close(states);
  for (const ch of seg) {
    const next = new Uint8Array(tokens.length + 1);
    let any = false;
    for (let k = 0; k < tokens.length; k++) {
      if (!states[k] || !accepts(tokens[k], ch)) continue;
      if (tokens[k].kind === 'star') next[k] = 1; else next[k + 1] = 1;
      any = true;
    }
    if (!any) return false;
    close(next);
    states = next;
  }
  return states[tokens.length] === 1;
}

function pathMatches(glob: Segment[], path: string[]): boolean {
  // reach[j]: the first j path segments are matched by the glob segments so far.
  let reach = new Uint8Array(path.length + 1);
  reach[0] = 1;
  for (const g of glob) {
    const next = new Uint8Array(path.length + 1);
    if (g.globstar) {
      let on = false;
      for (let j = 0; j <= path.length; j++) { if (reach[j]) on = true; if (on) next[j] = 1; }
    } else {
      for (let j = 0; j < path.length; j++) if (reach[j] && segmentMatches(g.tokens, path[j])) next[j + 1] = 1;
    }
    reach = next;
  }
  return reach[path.length] === 1;
}

/** A test for relative paths with `/` between folders; throws GlobError saying what is wrong with the glob. */
export function compileGlob(glob: string): (path: string) => boolean {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`is longer than ${MAX_GLOB_LENGTH} characters`, { id: 'too-long', values: { max: MAX_GLOB_LENGTH } });
  let negated = false;
  let body = glob;
  if (body.startsWith('!') && body[1] !== '(') { negated = true; body = body.slice(1); }
  if (body.startsWith('./')) body = body.slice(2);
  const alternatives: string[] = [];
  expandBraces(body, alternatives);
  const compiled = alternatives.map((alt) => alt.split('/').filter((s) => s !== '').map((s): Segment => (s === '**' ? { globstar: true } : { globstar: false, tokens: segmentTokens(s) })));
  return (path) => {
    const parts = path.split('/');
    const hit = compiled.some((g) => pathMatches(g, parts));
    return hit !== negated;
  };
}
