/**
 * The Clauselint extensions of the Language Server Protocol: method names and message shapes shared by
 * the server and the VS Code client. Plain data, no imports, so both bundles can take it.
 */

/** Server → client after each analysis of a Markdown document (also for one that is no contract). */
export const COVERAGE_NOTIFICATION = 'clauselint/coverage';

/** Client → server: the coverage report of one document, as Markdown, for editors without a webview (VS Code shows the review report). */
export const COVERAGE_REPORT_REQUEST = 'clauselint/coverageReport';

/** Client → server: the catalogue's clauses for one contract, for "Insert clause…" ({@link ClauseChoice}[]; empty when no contract). */
export const CLAUSES_REQUEST = 'clauselint/clauses';

/**
 * Client → server, on the web only: the workspace's configuration files, whole, at start and after each
 * change ({@link ConfigFilesParams}). A server in a web worker cannot read them itself.
 */
export const CONFIG_FILES_NOTIFICATION = 'clauselint/configFiles';

export interface ConfigFilesParams { files: { uri: string; text: string }[] }

/**
 * Client → server: the review report (`clauselint report`'s HTML, for a webview) of the files named
 * ({@link ReviewReportParams}); open documents from their latest analysis, the others from the text sent.
 */
export const REVIEW_REPORT_REQUEST = 'clauselint/reviewReport';

export interface ReviewReportParams { files: { uri: string; name: string; text?: string }[] }
export interface ReviewReportResult { html: string; contracts: number }

/** The client-side command the review report's line links run: open a contract (URI) at a line (1-based). */
export const OPEN_AT_COMMAND = 'clauselint.openAt';

/** Client → server: every rule with its documentation page. */
export const RULES_REQUEST = 'clauselint/rules';

/**
 * Commands the server runs through workspace/executeCommand, so any LSP client can call them. The ids
 * start with an underscore: VS Code's client registers them itself and hides them from the palette.
 */
export const LINT_FILE_COMMAND = '_clauselint.lintFile';
export const COVERAGE_REPORT_COMMAND = '_clauselint.coverageReport';

/** The client-side command a code lens on the title runs (VS Code's "Show coverage report"). */
export const SHOW_COVERAGE_COMMAND = 'clauselint.showCoverage';

export type CoverageStatus = 'present' | 'weak' | 'missing' | 'not-applicable';

export interface TopicCoverage { id: string; name: string; status: CoverageStatus }

export interface Coverage {
  present: number;
  weak: number;
  missing: number;
  notApplicable: number;
  /** "Security: 9 present · 3 weak · 2 missing" in the document's language. */
  summary: string;
  language: 'en' | 'nl';
  type: string;
  regimes: string[];
  topics: TopicCoverage[];
}

export interface CoverageParams {
  uri: string;
  version: number | null;
  /** null: the document is not a contract (or Clauselint is disabled for it). */
  coverage: Coverage | null;
  /** Why a Markdown document is not linted, for the status bar's tooltip. */
  reason?: string;
}

export interface CoverageReportParams { uri: string }
export interface CoverageReportResult { uri: string; markdown: string; coverage: Coverage | null }

export interface RuleInfo { id: string; name: string; description: string; severity: string; docsUrl: string; help?: string }

export interface ClausesParams { uri: string }

/** One catalogue clause, ready to insert into a given contract: its parties filled in, its numbers tab stops. */
export interface ClauseChoice {
  id: string;
  topic: string;
  /** The topic's status in this contract: a clause for a missing or weak topic is what the drafter needs most. */
  status: CoverageStatus;
  heading: string;
  title: string;
  /** "balanced · preferred", in the editor's language. */
  variant: string;
  /** The clause suits the contract's type. */
  fits: boolean;
  /** The catalogue's preferred clause for its topic, and it fits. */
  preferred: boolean;
  references: string[];
  /** The clause text with the catalogue's default numbers. */
  preview: string;
  /** The clause as a snippet (LSP/TextMate syntax): numbers are tab stops. */
  snippet: string;
  sortText: string;
}

/**
 * Client → server: the workspace became trusted. A client that says `trustedWorkspace: false` in its
 * initialization options (VS Code's Restricted Mode) gets no configuration patterns and no playbook until then.
 */
export const WORKSPACE_TRUST_NOTIFICATION = 'clauselint/workspaceTrust';

export interface WorkspaceTrustParams { trusted: boolean }
