/** The public JSON shape of a result (version 1): lines and columns 1-based, every topic listed. */
import type { LinePositions } from './lines.js';
import { TOPIC_IDS, type AnalysisResult, type Finding, type TopicStatus } from './types.js';

export interface JsonDiagnostic {
  ruleId: string; topic: string | null; severity: string; message: string;
  line: number; column: number; endLine: number; endColumn: number;
  /** With --baseline only: the earlier run had no such finding (new) or had it with another message (updated). */
  baselineState?: 'new' | 'updated';
}
/** With --baseline: a finding of the earlier run that this run no longer has (fixed, or gone). */
export interface JsonAbsentFinding { ruleId: string; topic: string | null; message: string; line: number }
export interface JsonFile {
  path: string; language: string; type: string; typeSource: string; regimes: string[];
  topics: Record<string, { status: TopicStatus; evidence: { line: number; endLine: number; text: string }[] }>;
  diagnostics: JsonDiagnostic[];
  /** With --baseline only: the earlier run's findings for this file that are gone. */
  absent?: JsonAbsentFinding[];
}
export interface JsonReport { version: 1; files: JsonFile[] }

/** `lines` turns offsets into lines and columns: a file's LineIndex, or the LinePositions of a report entry. */
export interface FileResult { path: string; result: AnalysisResult; lines: Pick<LinePositions, 'position'> }

export function diagnosticOf(f: Finding, lines: FileResult['lines']): JsonDiagnostic {
  const start = lines.position(f.span.start);
  const end = lines.position(Math.max(f.span.start, f.span.end));
  return { ruleId: f.ruleId, topic: f.topic, severity: f.severity, message: f.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function toJsonFile({ path, result, lines }: FileResult): JsonFile {
  const topics: JsonFile['topics'] = {};
  for (const id of TOPIC_IDS) {
    const t = result.topics[id];
    topics[id] = {
      status: t.status,
      evidence: t.evidence.map((e) => ({ line: lines.position(e.span.start).line, endLine: lines.position(Math.max(e.span.start, e.span.end - 1)).line, text: e.text })),
    };
  }
  return {
    path, language: result.language, type: result.type, typeSource: result.typeSource, regimes: result.regimes,
    topics, diagnostics: result.findings.map((f) => diagnosticOf(f, lines)),
  };
}

export function toJsonReport(files: FileResult[]): JsonReport {
  return { version: 1, files: files.map(toJsonFile) };
}

/** "9 present · 3 weak · 2 missing" over the topics that apply. */
export function coverage(result: AnalysisResult): { present: number; weak: number; missing: number } {
  const c = { present: 0, weak: 0, missing: 0 };
  for (const id of TOPIC_IDS) {
    const s = result.topics[id].status;
    if (s !== 'not-applicable') c[s]++;
  }
  return c;
}
