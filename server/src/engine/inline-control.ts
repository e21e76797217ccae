/**
 * Comments that switch rules off and on, as in markdownlint and ESLint:
 *   <!-- clauselint-disable [ids] -->  <!-- clauselint-enable [ids] -->
 *   <!-- clauselint-disable-next-line [ids] -->  <!-- clauselint-disable-file [ids] -->
 * Ids are rule ids or topic ids; none means every rule.
 */
import type { Comment } from './markdown.js';
import type { LineIndex } from './lines.js';
import type { Finding, Span } from './types.js';

interface Switch { line: number; kind: 'disable' | 'enable' | 'next-line' | 'file'; ids: string[]; span: Span }

const DIRECTIVE_RE = /^clauselint-(disable-next-line|disable-file|disable|enable)\b([\s\S]*)$/;

function parse(comments: Comment[], lines: LineIndex): Switch[] {
  const out: Switch[] = [];
  for (const c of comments) {
    const m = DIRECTIVE_RE.exec(c.body);
    if (!m) continue;
    const kind = m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-file' ? 'file' : (m[1] as 'disable' | 'enable');
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const line = lines.lineOf(kind === 'next-line' ? c.span.end : c.span.start);
    out.push({ line, kind, ids, span: c.span });
  }
  return out.sort((a, b) => a.line - b.line);
}

function covers(ids: string[], f: Finding): boolean {
  return ids.length === 0 || ids.includes(f.ruleId) || (f.topic !== null && ids.includes(f.topic));
}

export function applyInlineControl(findings: Finding[], comments: Comment[], lines: LineIndex): Finding[] {
  const switches = parse(comments, lines);
  if (!switches.length) return findings;
  return findings.filter((f) => {
    const line = lines.lineOf(f.span.start);
    let disabled = false;
    for (const s of switches) {
      if (s.kind === 'file') { if (covers(s.ids, f)) return false; continue; }
      if (s.kind === 'next-line') { if (s.line + 1 === line && covers(s.ids, f)) return false; continue; }
      if (s.line > line) continue;
      if (s.kind === 'disable' && covers(s.ids, f)) disabled = true;
      if (s.kind === 'enable' && covers(s.ids, f)) disabled = false;
    }
    return !disabled;
  });
}

/** A disable comment as the command reports it: its 1-based line, its kind and the ids it names. */
export interface Directive { line: number; kind: Switch['kind']; ids: string[]; span: Span }

/** The disable and enable comments of a document, in order. */
export function directivesOf(comments: Comment[], lines: LineIndex): Directive[] {
  return parse(comments, lines);
}

/**
 * The disable comments that switched nothing off among `findings` (the findings before inline control),
 * with the ids of each that matched nothing (`[]` for a comment that names no ids). Enable comments are
 * never reported.
 */
export function unusedDirectives(findings: Finding[], comments: Comment[], lines: LineIndex): { directive: Directive; unusedIds: string[] }[] {
  const switches = parse(comments, lines);
  const used = new Map<Switch, Set<string>>(); // the ids (or '' for "all") that suppressed something
  const mark = (s: Switch, f: Finding) => {
    const set = used.get(s) ?? new Set<string>();
    if (!s.ids.length) set.add('');
    for (const id of s.ids) if (id === f.ruleId || id === f.topic) set.add(id);
    used.set(s, set);
  };
  for (const f of findings) {
    const line = lines.lineOf(f.span.start);
    let disabledBy: Switch | undefined;
    for (const s of switches) {
      if (s.kind === 'file') { if (covers(s.ids, f)) mark(s, f); continue; }
      if (s.kind === 'next-line') { if (s.line + 1 === line && covers(s.ids, f)) mark(s, f); continue; }
      if (s.line > line) continue;
      if (s.kind === 'disable' && covers(s.ids, f)) disabledBy = s;
      if (s.kind === 'enable' && covers(s.ids, f)) disabledBy = undefined;
    }
    if (disabledBy) mark(disabledBy, f);
  }
  const out: { directive: Directive; unusedIds: string[] }[] = [];
  for (const s of switches) {
    if (s.kind === 'enable') continue;
    const set = used.get(s);
    if (!set) { out.push({ directive: s, unusedIds: [...s.ids] }); continue; }
    const unusedIds = s.ids.filter((id) => !set.has(id));
    if (unusedIds.length) out.push({ directive: s, unusedIds });
  }
  return out;
}
