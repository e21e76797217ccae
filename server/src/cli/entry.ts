/**
 * One file's report entry: what the output formats read of its analysis, and nothing more. The command
 * turns each file into its entry as soon as it is analysed, so that a run over thousands of contracts
 * keeps findings and topics, not every file's document model (memory stays flat). An entry is plain data:
 * it crosses from worker threads and is stored in the --cache file as it is.
 */
import { analyze, type AnalysisDetails, type AnalyzeOptions } from '../engine/analyze.js';
import { clearCaches } from '../engine/bounded-cache.js';
import type { AnalysisResult, Finding, Settings, TopicId, TopicResult } from '../engine/types.js';
import { directiveFindings } from '../engine/directives.js';

/** A file to analyse, with everything its analysis depends on (the --cache key, besides the version). */
export interface FileJob {
  text: string;
  settings: Settings;
  options: AnalyzeOptions;
  reportUnusedDirectives: boolean;
}

/** The result without the model and without fixes (no format prints them); lines as their start offsets. */
export interface FileEntry { result: AnalysisResult; lineStarts: ArrayLike<number> }

/**
 * The finding without fixes, copied without reading its own: the engine makes them when first asked
 * for, and a spread asked (6-7 % of a batch's time went to inserted clauses dropped at once).
 */
function withoutFixes(finding: Finding): Finding {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(finding)) copy[key] = key === 'fixes' ? [] : finding[key as keyof Finding];
  return copy as unknown as Finding;
}

/** A file's entry from its analysis, with the findings on its disable comments in the order of the text. */
export function entryOf(job: FileJob, details: AnalysisDetails): FileEntry {
  const { language, type, typeSource, regimes, regimesSource } = details;
  let findings = details.findings;
  const directives = directiveFindings(job.text, details, job.settings, job.options, job.reportUnusedDirectives);
  if (directives.length) findings = [...findings, ...directives].sort((a, b) => a.span.start - b.span.start);
  const topics = {} as Record<TopicId, TopicResult>;
  for (const [id, t] of Object.entries(details.topics) as [TopicId, TopicResult][]) {
    topics[id] = { status: t.status, evidence: t.evidence.map(({ span, text }) => ({ span, text })) };
  }
  const result = { language, type, typeSource, regimes, regimesSource, topics, findings: findings.map(withoutFixes) };
  // The engine's caches keep what an editor's next version of this text will ask again; a batch goes on
  // to another contract, for which they would only hold memory (half of a run's peak, on CUAD).
  clearCaches();
  // A copy: the evidence's texts are made from slices of the contract, and V8 keeps a whole string alive
  // while any slice of it lives (on CUAD, 9 of every 10 MB an entry held were its contract's text). The
  // line starts are numbers and hold no text: copying them would cost seconds on millions of lines.
  return { result: structuredClone(result), lineStarts: details.model.lines.lineStarts };
}

export function analyseForReport(job: FileJob): FileEntry {
  return entryOf(job, analyze(job.text, job.settings, job.options));
}
