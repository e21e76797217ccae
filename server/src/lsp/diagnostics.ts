/** Findings as LSP diagnostics: code = rule id, codeDescription = its documentation page, source "clauselint". */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from '../engine/types.js';
import type { ConfigProblem } from './contracts.js';
import { docsUrl } from './rules.js';
import { t, type UiLanguage } from './strings.js';
import { configErrorText } from '../engine/setting-problems.js';
import { capitalise } from '../engine/messages.js';

export const SOURCE = 'clauselint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function rangeOf(doc: Pick<TextDocument, 'positionAt'>, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/**
 * The message is the finding's one short sentence; the weak phrases a finding on a clause names are its
 * related information (a row each in the Problems panel, with what is weak there and its fix); why it
 * matters and how to fix it are in the hover and on the rule's page (codeDescription).
 */
export function toDiagnostic(doc: Pick<TextDocument, 'positionAt'> & { uri?: string }, f: Finding): Diagnostic {
  const href = docsUrl(f.ruleId);
  const uri = doc.uri;
  return {
    range: rangeOf(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    ...(href && { codeDescription: { href } }),
    source: SOURCE,
    message: f.message,
    ...(uri && f.related?.length && { relatedInformation: f.related.map((r) => ({ location: { uri, range: rangeOf(doc, r.span) }, message: r.message })) }),
  };
}

/**
 * A document that could not be checked says so on its first line, rather than looking clean. The reason
 * is Clauselint's own words: never the document's text.
 */
export function notCheckedDiagnostic(reason: string, lang: UiLanguage): Diagnostic {
  return firstLine(DiagnosticSeverity.Warning, 'not-checked', t(lang, 'notChecked', { reason }));
}

export function configDiagnostic(problem: ConfigProblem, lang: UiLanguage): Diagnostic {
  return firstLine(DiagnosticSeverity.Error, 'configuration', capitalise(configErrorText(problem.file, problem.line, problem.reason, lang)));
}

/** A diagnostic about the whole document, at its start. */
function firstLine(severity: DiagnosticSeverity, code: string, message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, code, source: SOURCE, message };
}

export const NOT_MARKED_CODE = 'not-marked';

/**
 * The one notice on the title of a contract that is not marked as one: why it is not checked, and how to
 * turn checking on. Information, not a hint: VS Code shows hints only as dots under the text and leaves
 * them out of the Problems panel, where a drafter looks for why a contract gets no findings.
 */
export function notMarkedDiagnostic(line: number, lineLength: number, lang: UiLanguage): Diagnostic {
  return {
    range: { start: { line, character: 0 }, end: { line, character: lineLength } },
    severity: DiagnosticSeverity.Information,
    code: NOT_MARKED_CODE,
    source: SOURCE,
    message: t(lang, 'notCheckedContract'),
  };
}
