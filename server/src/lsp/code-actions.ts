/**
 * Code actions: every fix of a finding as a quick fix (the preferred one marked; a suggestion, which
 * replaces words, never is), "disable for this line" and "disable for this file" comments, and source
 * actions that apply all fixes of one kind (suggestions left out).
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisDetails } from '../engine/analyze.js';
import type { Finding, Fix, Span, TextEdit as EngineEdit } from '../engine/types.js';
import { insertAllEdits } from '../engine/fixes.js';
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
    const offered = new Set<string>();
    for (const f of findings) {
      for (const fix of f.fixes) {
        const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
        if (offered.has(key)) continue;
        offered.add(key);
        actions.push({
          title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnosticOf(f)],
          // A suggestion (it replaces or deletes words) is offered, never preferred: no auto-fix applies it.
          ...(fix.preferred && !fix.suggestion && { isPreferred: true }),
          edit: { changes: { [uri]: toEdits(doc, fix.edits) } },
        });
      }
    }
  }

  for (const [kind, fixKind, title] of [[FIX_ALL_KIND, 'replace-phrase', t(lang, 'fixAll')], [INSERT_MISSING_KIND, 'insert-clause', t(lang, 'insertAll')]] as const) {
    if (!only || !wanted(only, kind)) continue; // source actions only when asked for (on save, or from the source action menu)
    const edits = fixKind === 'insert-clause' ? insertAllEdits(result.fixContext, result.findings) : allFixes(result.findings, fixKind);
    if (edits.length) actions.push({ title, kind, edit: { changes: { [uri]: toEdits(doc, edits) } } });
  }
  return actions;
}

/** The preferred (else first) fix of this kind of every finding, leaving out suggestions and edits that overlap earlier ones. */
export function allFixes(findings: Finding[], kind: Fix['kind']): EngineEdit[] {
  const taken: Span[] = [];
  const out: EngineEdit[] = [];
  for (const f of findings) {
    // A finding on a clause has a fix per weak phrase; otherwise the preferred one of its fixes.
    const fixes = kind === 'replace-phrase' ? f.fixes.filter((x) => x.kind === kind && !x.suggestion)
      : [f.fixes.find((x) => x.kind === kind && x.preferred && !x.suggestion) ?? f.fixes.find((x) => x.kind === kind && !x.suggestion)].filter((x): x is Fix => !!x);
    for (const fix of fixes) {
      const clash = fix.edits.some((e) => taken.some((s) => e.span.start < s.end && s.start < e.span.end));
      if (clash) continue;
      for (const e of fix.edits) { taken.push(e.span); out.push(e); }
    }
  }
  return out;
}
