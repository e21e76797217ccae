/**
 * Comments that switch rules off and on, as in markdownlint and ESLint:
 *   <!-- clauselint-disable [ids] -->  <!-- clauselint-enable [ids] -->
 *   <!-- clauselint-disable-next-line [ids] -->  <!-- clauselint-disable-file [ids] -->
 * Ids are rule ids or topic ids; none means every rule.
 */
import type { Comment } from './markdown.js';
import type { LineIndex } from './lines.js';
import type { Finding } from './types.js';

interface Switch { line: number; kind: 'disable' | 'enable' | 'next-line' | 'file'; ids: string[] }

const DIRECTIVE_RE = /^clauselint-(disable-next-line|disable-file|disable|enable)\b\s*([\s\S]*)$/;

function parse(comments: Comment[], lines: LineIndex): Switch[] {
  const out: Switch[] = [];
  for (const c of comments) {
    const m = DIRECTIVE_RE.exec(c.body);
    if (!m) continue;
    const kind = m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-file' ? 'file' : (m[1] as 'disable' | 'enable');
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const line = lines.lineOf(kind === 'next-line' ? c.span.end : c.span.start);
    out.push({ line, kind, ids });
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
