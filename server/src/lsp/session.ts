/**
 * The language server: LSP wiring around the engine. Documents are analysed on open and save at once and
 * on change after a pause (debounced, but at least every MAX_WAIT_DEBOUNCES pauses while the user types on); a newer
 * change supersedes an older analysis, which stops at its next step and is never published. Requests never
 * start an analysis of their own and never wait for one once the document has been analysed: they are
 * answered from the latest analysis, hover, code actions and completion through the edits made since
 * (edits-since.ts), whose new text they leave out. Settings come from workspace/configuration per document.
 */
import {
  CodeActionKind, CodeLensRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments,
  TextDocumentSyncKind, type CancellationToken, type CodeLens, type Connection, type Diagnostic,
  type InitializeParams, type InitializeResult, type CodeAction, type Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzeStepwise, type AnalysisDetails } from '../engine/analyze.js';
import type { Steps } from '../engine/steps.js';
import { forgetReplacedChunks } from '../engine/markdown.js';
import type { Finding, Settings } from '../engine/types.js';
import { directiveFindings } from '../engine/directives.js';
import { CODE_ACTION_KINDS, codeActions } from './code-actions.js';
import { clauseChoices, clauseCompletions, COMPLETION_TRIGGER_CHARACTERS } from './completion.js';
import { decide, uncheckedContract, type ConfigLookup, type LintDecision, type UncheckedContract } from './contracts.js';
import { coverageOf, coverageReport } from './coverage.js';
import { configDiagnostic, notCheckedDiagnostic, notMarkedDiagnostic, NOT_MARKED_CODE, SOURCE, toDiagnostic } from './diagnostics.js';
import { MAX_BYTES } from '../engine/limits.js';
import { hover } from './hover.js';
import {
  CLAUSES_REQUEST, COVERAGE_NOTIFICATION, COVERAGE_REPORT_COMMAND, COVERAGE_REPORT_REQUEST, LINT_FILE_COMMAND, RULES_REQUEST,
  CONFIG_FILES_NOTIFICATION, REVIEW_REPORT_REQUEST, SHOW_COVERAGE_COMMAND, type ReviewReportParams, type ReviewReportResult, type ClauseChoice, type ClausesParams, type ConfigFilesParams, type CoverageParams, type CoverageReportParams, type CoverageReportResult,
} from './protocol.js';
import { rules } from './rules.js';
import { VERSION } from '../engine/version.js';
import { WORKSPACE_TRUST_NOTIFICATION, type WorkspaceTrustParams } from './protocol.js';
import { reviewReport, type ReviewContract } from './review-report.js';
import { DEFAULT_SETTINGS, readEditorSettings, type EditorSettings } from './settings.js';
import { documentSymbols, flatSymbols } from './symbols.js';
import { codeActionContextIn, documentUri, positionIn, rangeIn, uriIn } from './params.js';
import { editsSince, type EditsSince } from './edits-since.js';
import { analysedText } from './analysed-text.js';
import { t, uiLanguage, type UiLanguage } from './strings.js';

export const SERVER_VERSION = VERSION;
export const DEFAULT_DEBOUNCE_MS = 150;
/** While the user types on, diagnostics still come: the debounce waits no longer than this many debounces in all. */
const MAX_WAIT_DEBOUNCES = 4;
/** An analysis runs for this long at most before it lets requests and newer changes in. */
const SLICE_MS = 20;
/**
 * The next turn of the event loop, after the messages that came meanwhile (setImmediate in Node; the web
 * worker has none, and its setTimeout waits a few milliseconds more).
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
/** How long a request on a document not analysed yet (just opened) waits for its first analysis before it is answered empty. */
const REQUEST_WAIT_MS = 5_000;

/** One analysed version of a document. */
interface Entry {
  version: number;
  /**
   * Which change of the document this is, counted by the server: a client that sends a version number
   * twice (or a document closed and opened again) never gets the results of another text.
   */
  revision: number;
  /** The text analysed, for positions in the results when the document has moved on. */
  snapshot: TextDocument;
  decision: LintDecision;
  result?: AnalysisDetails;
  diagnostics: Diagnostic[];
  /** Not marked as a contract, but it reads like one (and gets a hint saying so). */
  unmarked?: UncheckedContract;
}

/** `trustedWorkspace: false`: an untrusted workspace, whose configurations' patterns and playbooks are not applied. */
export interface ServerOptions { debounceMs?: number; trustedWorkspace?: boolean }

/**
 * Where the configuration files of the engine come from: the file system (server.ts, which watches
 * them), or what the editor sends (the web worker: the client watches them and sends them whole).
 */
export interface ConfigSource {
  lookup: ConfigLookup;
  /** Forgets what was read, when a configuration file was created, changed or deleted. */
  clear(): void;
  /** The files the server asks the client to watch; empty when the client watches them itself. */
  glob: string;
  /** The path of a document's URI that `lookup` understands; file: URIs only, by default. */
  pathOf?(uri: string): string | null;
  /** Takes the configuration files the client sent (CONFIG_FILES_NOTIFICATION). */
  receive?(params: ConfigFilesParams): void;
  /** Whether the workspace is trusted: if not, configurations are found restricted (config.ts). */
  trust?(trusted: boolean): void;
}

const NO_CONFIG_FILES: ConfigSource = {
  lookup: () => ({ file: null, dir: '', settings: {}, isIgnored: () => false }),
  clear: () => {},
  glob: '',
};

export function startServer(connection: Connection, configFiles: ConfigSource = NO_CONFIG_FILES): void {
  const documents = new TextDocuments(TextDocument);
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry | undefined>>();
  const timers = new Map<string, { timer: ReturnType<typeof setTimeout>; done: () => void }>();
  const revisions = new Map<string, number>();
  /** When the first change not yet analysed came, per document: the debounce waits MAX_WAIT_DEBOUNCES at most from then. */
  const unanalysedSince = new Map<string, number>();
  /** Requests waiting for an analysis of the current text, woken when one is stored or the text changes. */
  const waiting = new Map<string, Set<() => void>>();
  const generation = new Map<string, number>();
  const opened = new Set<string>();
  const published = new Set<string>();
  /** Documents the user linted by command, whatever their front matter or folder. */
  const forced = new Set<string>();
  const settingsCache = new Map<string, Promise<EditorSettings>>();

  let lang: UiLanguage = 'en';
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let hasConfiguration = false;
  let dynamicConfiguration = false;
  let dynamicWatchers = false;
  let hierarchicalSymbols = false;
  let globalSettings: EditorSettings = DEFAULT_SETTINGS;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    lang = uiLanguage(params.locale);
    hasConfiguration = !!caps.workspace?.configuration;
    dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    dynamicWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    hierarchicalSymbols = !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
    const options = (params.initializationOptions ?? {}) as ServerOptions & { settings?: unknown };
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    if (options.settings) globalSettings = readEditorSettings(options.settings);
    configFiles.trust?.(options.trustedWorkspace !== false);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        documentSymbolProvider: { label: 'Clauselint' },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [LINT_FILE_COMMAND, COVERAGE_REPORT_COMMAND] },
      },
      serverInfo: { name: 'clauselint', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'clauselint' });
    if (dynamicWatchers && configFiles.glob) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: configFiles.glob }] });
  });

  // ---- settings -------------------------------------------------------------------------------

  function settingsFor(uri: string): Promise<EditorSettings> {
    if (!hasConfiguration) return Promise.resolve(globalSettings);
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: 'clauselint' })
        .then(readEditorSettings, () => globalSettings);
      settingsCache.set(uri, p);
    }
    return p;
  }

  function invalidateAll(): void {
    settingsCache.clear();
    entries.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  }

  connection.onDidChangeConfiguration((change) => {
    if (!hasConfiguration) {
      const s = (change.settings as { clauselint?: unknown } | null)?.clauselint;
      globalSettings = readEditorSettings(s ?? {});
    }
    invalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    configFiles.clear();
    invalidateAll();
  });

  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: WorkspaceTrustParams) => {
    configFiles.trust?.(params?.trusted === true);
    invalidateAll();
  });

  const { receive } = configFiles;
  if (receive) {
    connection.onNotification(CONFIG_FILES_NOTIFICATION, (params: ConfigFilesParams) => {
      receive.call(configFiles, params);
      invalidateAll();
    });
  }

  // ---- analysis -------------------------------------------------------------------------------

  const revisionOf = (uri: string) => revisions.get(uri) ?? 0;

  function wake(uri: string): void {
    const waiters = waiting.get(uri);
    if (!waiters) return;
    waiting.delete(uri);
    for (const w of waiters) w();
  }

  /**
   * Runs `steps` in slices of SLICE_MS, letting requests and changes in between; undefined when it was
   * `superseded` (a newer change, the document closed) before its end, where it then stops.
   */
  async function inSlices<T>(steps: Steps<T>, superseded: () => boolean): Promise<T | undefined> {
    let since = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - since < SLICE_MS) continue;
      await nextTurn();
      if (superseded()) return undefined;
      since = performance.now();
    }
  }

  /** The analysis of the document's current text: only validate() asks for it, requests wait for it. */
  function analysisFor(doc: TextDocument): Promise<Entry | undefined> {
    const { uri, version } = doc;
    const revision = revisionOf(uri);
    const cached = entries.get(uri);
    if (cached && cached.revision === revision) return Promise.resolve(cached);
    const key = `${uri}#${revision}`;
    let p = inflight.get(key);
    if (!p) {
      const superseded = () => revisionOf(uri) !== revision || !documents.get(uri);
      p = settingsFor(uri).then(async (editor) => {
        if (superseded()) return undefined; // superseded while we waited
        const current = documents.get(uri)!;
        const text = current.getText();
        const decision = decide({ uri, languageId: current.languageId, text }, editor, forced.has(uri), configFiles.lookup, configFiles.pathOf);
        const entry: Entry = { version, revision, snapshot: TextDocument.create(uri, current.languageId, version, text), decision, diagnostics: [] };
        if (decision.lint) {
          // What the command refuses, the editor does not check either; it says so on the document.
          const refused = text.length > MAX_BYTES ? t(lang, 'notChecked.size', { size: (text.length / 1048576).toFixed(1), max: MAX_BYTES / 1048576 })
            : text.slice(0, 8000).includes('\0') ? t(lang, 'notChecked.binary') : undefined;
          if (refused) entry.diagnostics = [notCheckedDiagnostic(refused, lang)];
          else try {
            const result = await inSlices(analyzeStepwise(text, decision.settings, { uiLanguage: lang, playbook: decision.playbook }), superseded);
            if (!result) return undefined;
            entry.result = result;
            // The engine's lines are the text's when it read the text as it is (no BOM, no lone CR).
            if (result.model.text === text) entry.snapshot = analysedText(uri, current.languageId, version, text, result.model.lines.lineStarts);
            entry.diagnostics = [...entry.result.findings, ...disableCommentFindings(text, entry.result, decision.settings)].map((f) => toDiagnostic(entry.snapshot, f));
          } catch (err) {
            connection.console.error(`Clauselint could not analyse ${uri}: ${(err as Error)?.stack ?? String(err)}`);
            const problem = String((err as Error)?.message ?? err).split('\n')[0].slice(0, 120);
            entry.diagnostics = [notCheckedDiagnostic(t(lang, 'notChecked.internal', { problem }), lang)];
          }
          if (decision.configError) entry.diagnostics.unshift(configDiagnostic(decision.configError, lang));
        } else if (decision.reason === 'no-marker' && text.length <= MAX_BYTES) {
          // Not marked, but it reads like a contract: say so once, on its title, rather than stay silent.
          const unmarked = uncheckedContract(uri, text);
          if (unmarked) {
            const lineText = text.slice(current.offsetAt({ line: unmarked.line, character: 0 }), current.offsetAt({ line: unmarked.line + 1, character: 0 })).replace(/\r?\n$/, '');
            entry.unmarked = unmarked;
            entry.diagnostics = [notMarkedDiagnostic(unmarked.line, lineText.length, lang)];
          }
        }
        if (superseded()) return undefined;
        const earlier = entries.get(uri)?.result;
        if (earlier && entry.result) forgetReplacedChunks(earlier.model, entry.result.model);
        entries.set(uri, entry);
        unanalysedSince.delete(uri);
        wake(uri);
        return entry;
      }).finally(() => inflight.delete(key));
      inflight.set(key, p);
    }
    return p;
  }

  /**
   * What the command says of the disable comments (an unknown rule id; one that switches nothing off), as
   * diagnostics too; an unused comment is a warning here, the command's error only with its flag.
   */
  function disableCommentFindings(text: string, result: AnalysisDetails, settings: Settings): Finding[] {
    return directiveFindings(text, result, settings, { uiLanguage: lang }, true)
      .map((f) => (f.messageId === 'unused-directive' ? { ...f, severity: 'warning' } : f));
  }

  function coverageParams(uri: string, entry: Entry | undefined): CoverageParams {
    if (!entry?.result) return { uri, version: entry?.version ?? null, coverage: null, ...(entry && !entry.decision.lint && { reason: entry.decision.reason }) };
    return { uri, version: entry.version, coverage: coverageOf(entry.result, lang) };
  }

  async function validate(uri: string, gen: number): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const entry = await analysisFor(doc);
    // Cancelled: a newer change was scheduled, the document closed, or its text moved on.
    if (!entry || generation.get(uri) !== gen || entry.revision !== revisionOf(uri)) return;
    if (entry.decision.lint || entry.diagnostics.length || published.has(uri)) {
      connection.sendDiagnostics({ uri, version: entry.version, diagnostics: entry.diagnostics });
      if (entry.diagnostics.length) published.add(uri); else published.delete(uri);
    }
    void connection.sendNotification(COVERAGE_NOTIFICATION, coverageParams(uri, entry));
  }

  /** Stops a pending analysis; whoever waited for it is released (a newer one, if any, publishes). */
  function cancel(uri: string): void {
    const pending = timers.get(uri);
    if (!pending) return;
    clearTimeout(pending.timer);
    timers.delete(uri);
    pending.done();
  }

  function schedule(uri: string, delay: number): Promise<void> {
    // Typing on never holds diagnostics back for longer than MAX_WAIT_DEBOUNCES debounces.
    const since = unanalysedSince.get(uri);
    if (since !== undefined) delay = Math.min(delay, Math.max(0, since + MAX_WAIT_DEBOUNCES * debounceMs - Date.now()));
    const gen = (generation.get(uri) ?? 0) + 1;
    generation.set(uri, gen);
    cancel(uri);
    return new Promise((done) => {
      const timer = setTimeout(() => {
        timers.delete(uri);
        validate(uri, gen).catch((err) => connection.console.error(String(err?.stack ?? err))).finally(done);
      }, delay);
      timers.set(uri, { timer, done });
    });
  }

  documents.onDidChangeContent(({ document }) => {
    const uri = document.uri;
    revisions.set(uri, revisionOf(uri) + 1);
    if (!unanalysedSince.has(uri)) unanalysedSince.set(uri, Date.now());
    wake(uri);
    if (!opened.has(uri)) { opened.add(uri); void schedule(uri, 0); return; }
    void schedule(uri, debounceMs);
  });

  documents.onDidSave(({ document }) => { void schedule(document.uri, 0); });

  documents.onDidClose(({ document }) => {
    const uri = document.uri;
    cancel(uri);
    generation.set(uri, (generation.get(uri) ?? 0) + 1);
    opened.delete(uri);
    entries.delete(uri);
    // The revision is kept: a document opened again never matches an analysis made before it closed.
    revisions.set(uri, revisionOf(uri) + 1);
    unanalysedSince.delete(uri);
    wake(uri);
    settingsCache.delete(uri);
    if (published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /**
   * The analysis of the document's current text, for a request whose positions are of that text: the one
   * its change scheduled (run at once if it still waits for its pause), waited for up to REQUEST_WAIT_MS;
   * undefined when the document is unknown or no contract, the request was cancelled, or the wait ran out.
   */
  async function resultFor(uri: string, token?: CancellationToken): Promise<{ doc: TextDocument; result: AnalysisDetails } | undefined> {
    const deadline = Date.now() + REQUEST_WAIT_MS;
    for (;;) {
      const doc = documents.get(uri);
      if (!doc || token?.isCancellationRequested) return undefined;
      const entry = entries.get(uri);
      if (entry && entry.revision === revisionOf(uri)) return entry.result && { doc: entry.snapshot, result: entry.result };
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      // The analysis the change scheduled is still waiting for its pause: it runs now (once) for this request.
      const pending = timers.get(uri);
      if (pending) {
        clearTimeout(pending.timer);
        timers.delete(uri);
        validate(uri, generation.get(uri) ?? 0).catch((err) => connection.console.error(String(err?.stack ?? err))).finally(pending.done);
      } else if (!inflight.has(`${uri}#${revisionOf(uri)}`)) {
        // Nothing is scheduled or running for this text (the last analysis was superseded and no change
        // followed it): analyse it once, shared by every request that waits, rather than answer with nothing.
        const fresh = await analysisFor(doc);
        if (fresh?.result && fresh.revision === revisionOf(uri) && !token?.isCancellationRequested) return { doc: fresh.snapshot, result: fresh.result };
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        const cancelled = token?.onCancellationRequested(done);
        function done() {
          clearTimeout(timer);
          cancelled?.dispose();
          waiting.get(uri)?.delete(done);
          resolve();
        }
        (waiting.get(uri) ?? waiting.set(uri, new Set()).get(uri)!).add(done);
      });
    }
  }

  /** The latest analysis, with the current text and how to map between the two when it is of an earlier text. */
  interface Latest { doc: TextDocument; result: AnalysisDetails; current: TextDocument; since?: EditsSince }
  const editsOf = new WeakMap<Entry, { version: number; since: EditsSince }>();

  /**
   * For hover, code actions and completion: the latest analysis, mapped through the edits since when it is
   * of an earlier text; only a document never analysed yet waits (resultFor). VS Code asks again, or drops
   * the answer, when the text changes while a request runs, so an answer for the text as it is now is what
   * it wants.
   */
  async function latestFor(uri: string, token?: CancellationToken): Promise<Latest | undefined> {
    const current = documents.get(uri), entry = entries.get(uri);
    if (current && entry && entry.revision !== revisionOf(uri)) {
      if (!entry.result) return undefined;
      let known = editsOf.get(entry);
      if (known?.version !== current.version) editsOf.set(entry, (known = { version: current.version, since: editsSince(entry.snapshot.getText(), current.getText()) }));
      return { doc: entry.snapshot, result: entry.result, current, since: known.since };
    }
    const found = await resultFor(uri, token);
    return found && { ...found, current: found.doc };
  }

  /** A range of the analysed text in the current text (grown over what changed where it ends in it). */
  function currentRange(found: Latest, range: Range): Range {
    if (!found.since) return range;
    const span = found.since.spanToCurrent({ start: found.doc.offsetAt(range.start), end: found.doc.offsetAt(range.end) });
    return { start: found.current.positionAt(span.start), end: found.current.positionAt(span.end) };
  }

  /** A range of the current text in the analysed text, grown likewise. */
  function analysedRange(found: Latest, range: Range): Range {
    if (!found.since) return range;
    const span = found.since.spanToAnalysed({ start: found.current.offsetAt(range.start), end: found.current.offsetAt(range.end) });
    return { start: found.doc.positionAt(span.start), end: found.doc.positionAt(span.end) };
  }

  /**
   * A code action of the analysed text for the current text: its edits moved through the edits since, or
   * none when one of them, or a finding it is for, touches what changed (it would overwrite new words or
   * miss them, or be about words no longer there).
   */
  function currentAction(found: Latest, uri: string, action: CodeAction): CodeAction | undefined {
    const { since } = found;
    if (!since) return action;
    const edits = action.edit?.changes?.[uri];
    const ranges = [...(edits ?? []).map((e) => e.range), ...(action.diagnostics ?? []).map((d) => d.range)];
    if (!ranges.every((range) => since.untouched({ start: found.doc.offsetAt(range.start), end: found.doc.offsetAt(range.end) }))) return undefined;
    return {
      ...action,
      ...(action.diagnostics && { diagnostics: action.diagnostics.map((d) => ({ ...d, range: currentRange(found, d.range) })) }),
      ...(edits && { edit: { ...action.edit, changes: { ...action.edit!.changes, [uri]: edits.map((e) => ({ ...e, range: currentRange(found, e.range) })) } } }),
    };
  }

  /** The latest analysis of the document, whatever text it was of, with that text: for code lenses and symbols. */
  function latestResult(uri: string): { doc: TextDocument; result: AnalysisDetails } | undefined {
    const entry = entries.get(uri);
    return documents.get(uri) && entry?.result ? { doc: entry.snapshot, result: entry.result } : undefined;
  }

  // ---- features -------------------------------------------------------------------------------

  connection.onHover(async (params, token) => {
    const uri = documentUri(params), position = positionIn(params.position);
    const found = await latestFor(uri, token);
    if (!found) return null;
    const offset = found.current.offsetAt(position);
    // Words typed since the analysis are not in it, and a finding whose words changed may be gone: neither
    // gets a hover until the analysis catches up.
    const { since } = found;
    const at = since ? since.toAnalysed(offset) : offset;
    if (at === undefined) return null;
    const answer = hover(found.doc, found.result, at, lang);
    if (!since || !answer?.range) return answer;
    if (!since.untouched({ start: found.doc.offsetAt(answer.range.start), end: found.doc.offsetAt(answer.range.end) })) return null;
    return { ...answer, range: currentRange(found, answer.range) };
  });

  connection.onCompletion(async (params, token) => {
    const uri = documentUri(params), position = positionIn(params.position);
    const found = await latestFor(uri, token);
    if (!found) return null;
    // The trigger is read in the current text (it was just typed); where the analysis found front matter
    // and protected text (code, comments) is moved into it, grown over what changed.
    const { since } = found;
    const result = since ? { ...found.result, model: { ...found.result.model, frontMatter: found.result.model.frontMatter && { ...found.result.model.frontMatter, span: since.spanToCurrent(found.result.model.frontMatter.span) }, protectedSpans: found.result.model.protectedSpans.map((span) => since.spanToCurrent(span)) } } : found.result;
    const items = clauseCompletions(found.current, position, result, lang);
    return items && { isIncomplete: false, items };
  });

  connection.onCodeAction(async (params, token) => {
    const uri = documentUri(params), range = rangeIn(params.range), context = codeActionContextIn(params.context);
    const found = await latestFor(uri, token);
    if (!found) return unmarkedActions(uri, (context.diagnostics ?? []) as Diagnostic[]);
    if (!found.since) return codeActions(found.doc, uri, found.result, range, params.context, lang);
    // The client's diagnostics are of the current text: a malformed one is left as it came (it matches nothing).
    const diagnostics = ((context.diagnostics ?? []) as Diagnostic[]).map((d) => (d?.range?.start && d.range.end ? { ...d, range: analysedRange(found, d.range) } : d));
    return codeActions(found.doc, uri, found.result, analysedRange(found, range), { ...params.context, diagnostics }, lang)
      .flatMap((action) => currentAction(found, uri, action) ?? []);
  });

  /** On a contract that is not marked as one: mark it (front matter with its inferred type), or lint it once. */
  function unmarkedActions(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
    const entry = entries.get(uri);
    const hint = diagnostics.find((d) => d.source === SOURCE && d.code === NOT_MARKED_CODE) ?? entry?.diagnostics.find((d) => d.code === NOT_MARKED_CODE);
    if (!entry?.unmarked || !hint) return [];
    const frontMatter = `---\nclauselint:\n  type: ${entry.unmarked.type}\n---\n\n`;
    return [
      { title: t(lang, 'addFrontMatter', { type: entry.unmarked.type }), kind: CodeActionKind.QuickFix, diagnostics: [hint], isPreferred: true,
        edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: frontMatter }] } } },
      { title: t(lang, 'lintThisFile'), kind: CodeActionKind.QuickFix, diagnostics: [hint], command: { title: t(lang, 'lintThisFile'), command: LINT_FILE_COMMAND, arguments: [uri] } },
    ];
  }

  connection.onDocumentSymbol((params) => {
    const uri = documentUri(params);
    const found = latestResult(uri);
    if (!found) return [];
    const tree = documentSymbols(found.doc, found.result.model);
    return hierarchicalSymbols ? tree : flatSymbols(uri, tree);
  });

  connection.onRequest(CodeLensRequest.type, (params): CodeLens[] => {
    const uri = documentUri(params);
    const found = latestResult(uri);
    if (!found) return [];
    const { model } = found.result;
    const span = model.title?.span ?? model.blocks[0]?.span ?? { start: 0, end: 0 };
    const at = found.doc.positionAt(span.start);
    const range = { start: at, end: at };
    return [{ range, command: { title: coverageOf(found.result, lang).summary, command: SHOW_COVERAGE_COMMAND, arguments: [uri] } }];
  });

  async function report(uri: string): Promise<CoverageReportResult> {
    const found = await resultFor(uri);
    if (!found) return { uri, markdown: `# ${t(lang, 'reportTitle')}\n\n${t(lang, 'reportNotContract')}\n`, coverage: null };
    const name = decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri);
    return { uri, markdown: coverageReport(name, found.result, lang), coverage: coverageOf(found.result, lang) };
  }

  connection.onRequest(COVERAGE_REPORT_REQUEST, (params: CoverageReportParams) => report(uriIn(params)));
  connection.onRequest(RULES_REQUEST, () => [...rules(lang).values()]);
  connection.onRequest(CLAUSES_REQUEST, async (params: ClausesParams, token): Promise<ClauseChoice[]> => {
    const found = await resultFor(uriIn(params), token);
    return found ? clauseChoices(found.result, lang) : [];
  });

  // The review report for the editor's webview: open documents from their latest analysis; the workspace's
  // other files, which the client reads, decided (front matter, configuration) and analysed here.
  connection.onRequest(REVIEW_REPORT_REQUEST, async (params: ReviewReportParams): Promise<ReviewReportResult> => {
    const contracts: ReviewContract[] = [];
    for (const { uri, name, text } of params.files ?? []) {
      if (documents.get(uri)) {
        const found = await resultFor(uri);
        if (found) contracts.push({ uri, name, result: found.result });
        continue;
      }
      if (text === undefined || text.length > MAX_BYTES) continue;
      const decision = decide({ uri, languageId: 'markdown', text }, await settingsFor(uri), false, configFiles.lookup, configFiles.pathOf);
      if (decision.lint) contracts.push({ uri, name, result: analyze(text, decision.settings, { uiLanguage: lang, playbook: decision.playbook }) });
    }
    return reviewReport(contracts, lang, SERVER_VERSION);
  });

  connection.onExecuteCommand(async (params) => {
    const arg = params.arguments?.[0] as string | { uri?: string; external?: string } | undefined;
    const uri = typeof arg === 'string' ? arg : arg?.uri ?? arg?.external;
    if (!uri) return null;
    if (params.command === LINT_FILE_COMMAND) {
      forced.add(uri);
      entries.delete(uri);
      await schedule(uri, 0);
      return coverageParams(uri, entries.get(uri));
    }
    if (params.command === COVERAGE_REPORT_COMMAND) return report(uri);
    return null;
  });

  documents.listen(connection);
}
