/**
 * Code actions: every fix of a finding as a quick fix (the preferred one marked), "disable for this
 * line" and "disable for this file" comments, and source actions that apply all fixes of one kind.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisDetails } from '../engine/analyze.js';
import type { DocumentModel } from '../engine/markdown.js';
import type { Finding, Fix, Span, TextEdit as EngineEdit } from '../engine/types.js';
import { rangeOf, SOURCE, toDiagnostic } from './diagnostics.js';
import { t, type UiLanguage } from './strings.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.clauselint`;
export const INSERT_MISSING_KIND = `${CodeActionKind.Source}.clauselint.insertMissingClauses`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, INSERT_MISSING_KIND];

type Doc = Pick<TextDocument, 'positionAt' | 'offsetAt'>;

function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function toEdits(doc: Doc, edits: EngineEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: rangeOf(doc, e.span), newText: e.text }));
}

function sameRange(a: Range | undefined, b: Range): boolean {
  return !!a?.start && !!a.end && a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function codeActions(doc: Doc, uri: string, result: AnalysisDetails, range: Range, context: CodeActionContext, lang: UiLanguage): CodeAction[] {
  const from = doc.offsetAt(range.start), to = doc.offsetAt(range.end);
  const only = context.only;
  const actions: CodeAction[] = [];

  if (wanted(only, CodeActionKind.QuickFix)) {
    const findings = result.findings.filter((f) => f.span.start <= to && from <= f.span.end);
    const diagnosticOf = (f: Finding): Diagnostic => {
      const own = toDiagnostic(doc, f);
      return (context.diagnostics ?? []).find((d) => d?.source === SOURCE && d.code === f.ruleId && sameRange(d.range, own.range)) ?? own;
    };
    for (const f of findings) {
      for (const fix of f.fixes) {
        actions.push({
          title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(f)],
          ...(fix.preferred && { isPreferred: true }),
          edit: { changes: { [uri]: toEdits(doc, fix.edits) } },
        });
      }
    }
    const disabledLine = new Set<string>();
    const disabledFile = new Set<string>();
    for (const f of findings) {
      const key = `${f.ruleId}:${result.model.lines.lineOf(f.span.start)}`;
      if (disabledLine.has(key)) continue;
      disabledLine.add(key);
      const line = disableLine(result.model, f, lang);
      if (line) actions.push({ title: line.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(f)], edit: { changes: { [uri]: toEdits(doc, line.edits) } } });
    }
    for (const f of findings) {
      if (disabledFile.has(f.ruleId)) continue;
      disabledFile.add(f.ruleId);
      const edits = disableFile(result.model, f.ruleId);
      actions.push({ title: t(lang, 'disableFile', { rule: f.ruleId }), kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(f)], edit: { changes: { [uri]: toEdits(doc, edits) } } });
    }
  }

  for (const [kind, fixKind, title] of [[FIX_ALL_KIND, 'replace-phrase', t(lang, 'fixAll')], [INSERT_MISSING_KIND, 'insert-clause', t(lang, 'insertAll')]] as const) {
    if (!only || !wanted(only, kind)) continue; // source actions only when asked for (on save, or from the source action menu)
    const edits = allFixes(result.findings, fixKind);
    if (edits.length) actions.push({ title, kind, edit: { changes: { [uri]: toEdits(doc, edits) } } });
  }
  return actions;
}

/** The preferred (else first) fix of this kind of every finding, leaving out edits that overlap earlier ones. */
export function allFixes(findings: Finding[], kind: Fix['kind']): EngineEdit[] {
  const taken: Span[] = [];
  const out: EngineEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.kind === kind && x.preferred) ?? f.fixes.find((x) => x.kind === kind);
    if (!fix) continue;
    const clash = fix.edits.some((e) => taken.some((s) => e.span.start < s.end && s.start < e.span.end));
    if (clash) continue;
    for (const e of fix.edits) { taken.push(e.span); out.push(e); }
  }
  return out;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The quote markers and indentation of a line, so that a comment stays inside a quote or list item. */
function prefixOf(text: string, lineStart: number): string {
  const m = /^[ \t]*(?:>[ \t]?)*/.exec(text.slice(lineStart, lineStart + 200));
  return m ? m[0] : '';
}

/**
 * `<!-- clauselint-disable-next-line RULE -->` on its own line above the finding. When the finding sits
 * inside a paragraph or a table (where a new line would split the block), the block is wrapped in
 * disable/enable comments instead. None for a finding in the front matter: a file comment is the way.
 */
export function disableLine(model: DocumentModel, f: Finding, lang: UiLanguage): { title: string; edits: EngineEdit[] } | undefined {
  const { lines, text } = model;
  if (model.frontMatter && f.span.start < model.frontMatter.span.end) return undefined;
  const eol = eolOf(text);
  const line = lines.lineOf(f.span.start);
  const table = model.protectedSpans.find((p) => p !== model.frontMatter?.span && p.start <= f.span.start && f.span.start < p.end);
  const block = table ?? model.blocks.find((b) => b.span.start <= f.span.start && f.span.start < b.span.end)?.span;
  const firstLine = block ? lines.lineOf(block.start) : line;
  if (!table && firstLine === line) {
    const at = lines.lineStart(line);
    return { title: t(lang, 'disableLine', { rule: f.ruleId }), edits: [{ span: { start: at, end: at }, text: `${prefixOf(text, at)}<!-- clauselint-disable-next-line ${f.ruleId} -->${eol}` }] };
  }
  const start = lines.lineStart(firstLine);
  const lastLine = lines.lineOf(Math.max(block!.start, block!.end - 1));
  const end = lines.lineEnd(lastLine);
  const prefix = prefixOf(text, start);
  return {
    title: t(lang, 'disableBlock', { rule: f.ruleId }),
    edits: [
      { span: { start, end: start }, text: `${prefix}<!-- clauselint-disable ${f.ruleId} -->${eol}` },
      { span: { start: end, end }, text: `${eol}${prefix}<!-- clauselint-enable ${f.ruleId} -->` },
    ],
  };
}

/** `<!-- clauselint-disable-file RULE -->` after the front matter, or the rule added to such a comment. */
export function disableFile(model: DocumentModel, ruleId: string): EngineEdit[] {
  const existing = model.comments.find((c) => /^clauselint-disable-file\s+\S/.test(c.body));
  if (existing) {
    const ids = existing.body.replace(/^clauselint-disable-file\s+/, '').split(/[\s,]+/).filter(Boolean);
    return [{ span: existing.span, text: `<!-- clauselint-disable-file ${[...ids, ruleId].join(' ')} -->` }];
  }
  const eol = eolOf(model.text);
  const comment = `<!-- clauselint-disable-file ${ruleId} -->`;
  if (model.frontMatter) {
    const at = model.frontMatter.span.end;
    return [{ span: { start: at, end: at }, text: `${eol}${comment}` }];
  }
  return [{ span: { start: 0, end: 0 }, text: `${comment}${eol}` }];
}
