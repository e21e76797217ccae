/**
 * The language server: LSP wiring around the engine. Documents are analysed on open and save at once and
 * on change after a pause (debounced); a newer version supersedes an older analysis, whose result is then
 * never published. Settings come from workspace/configuration per document.
 */
import {
  CodeActionKind, CodeLensRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments,
  TextDocumentSyncKind, type CancellationToken, type CodeLens, type Connection, type Diagnostic,
  type InitializeParams, type InitializeResult, type CodeAction,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisDetails } from '../engine/analyze.js';
import type { Finding, Settings } from '../engine/types.js';
import { directiveFindings } from '../cli/directives.js';
import { CODE_ACTION_KINDS, codeActions } from './code-actions.js';
import { clauseChoices, clauseCompletions, COMPLETION_TRIGGER_CHARACTERS } from './completion.js';
import { decide, uncheckedContract, type ConfigLookup, type LintDecision, type UncheckedContract } from './contracts.js';
import { coverageOf, coverageReport } from './coverage.js';
import { configDiagnostic, notCheckedDiagnostic, notMarkedDiagnostic, NOT_MARKED_CODE, SOURCE, toDiagnostic } from './diagnostics.js';
import { MAX_BYTES } from '../engine/limits.js';
import { hover } from './hover.js';
import {
  CLAUSES_REQUEST, COVERAGE_NOTIFICATION, COVERAGE_REPORT_COMMAND, COVERAGE_REPORT_REQUEST, LINT_FILE_COMMAND, RULES_REQUEST,
  CONFIG_FILES_NOTIFICATION, SHOW_COVERAGE_COMMAND, type ClauseChoice, type ClausesParams, type ConfigFilesParams, type CoverageParams, type CoverageReportParams, type CoverageReportResult,
} from './protocol.js';
import { rules } from './rules.js';
import { DEFAULT_SETTINGS, readEditorSettings, type EditorSettings } from './settings.js';
import { documentSymbols, flatSymbols } from './symbols.js';
import { t, uiLanguage, type UiLanguage } from './strings.js';

export const SERVER_VERSION = '0.1.0';
export const DEFAULT_DEBOUNCE_MS = 150;

/** One analysed version of a document. */
interface Entry {
  version: number;
  decision: LintDecision;
  result?: AnalysisDetails;
  diagnostics: Diagnostic[];
  /** Not marked as a contract, but it reads like one (and gets a hint saying so). */
  unmarked?: UncheckedContract;
}

export interface ServerOptions { debounceMs?: number }

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

  const { receive } = configFiles;
  if (receive) {
    connection.onNotification(CONFIG_FILES_NOTIFICATION, (params: ConfigFilesParams) => {
      receive.call(configFiles, params);
      invalidateAll();
    });
  }

  // ---- analysis -------------------------------------------------------------------------------

  /** The analysis of the document's current version, shared by every feature that asks for it. */
  function analysisFor(doc: TextDocument): Promise<Entry | undefined> {
    const cached = entries.get(doc.uri);
    if (cached && cached.version === doc.version) return Promise.resolve(cached);
    const key = `${doc.uri}@${doc.version}`;
    let p = inflight.get(key);
    if (!p) {
      const { uri, version } = doc;
      p = settingsFor(uri).then((editor) => {
        const current = documents.get(uri);
        if (!current || current.version !== version) return undefined; // superseded while we waited
        const again = entries.get(uri);
        if (again && again.version === version) return again;
        const text = current.getText();
        const decision = decide({ uri, languageId: current.languageId, text }, editor, forced.has(uri), configFiles.lookup, configFiles.pathOf);
        const entry: Entry = { version, decision, diagnostics: [] };
        if (decision.lint) {
          // What the command refuses, the editor does not check either; it says so on the document.
          const refused = text.length > MAX_BYTES ? t(lang, 'notChecked.size', { size: (text.length / 1048576).toFixed(1), max: MAX_BYTES / 1048576 })
            : text.slice(0, 8000).includes('\0') ? t(lang, 'notChecked.binary') : undefined;
          if (refused) entry.diagnostics = [notCheckedDiagnostic(refused, lang)];
          else try {
            entry.result = analyze(text, decision.settings, { uiLanguage: lang });
            entry.diagnostics = [...entry.result.findings, ...disableCommentFindings(text, entry.result, decision.settings)].map((f) => toDiagnostic(current, f));
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
        entries.set(uri, entry);
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
    // Cancelled: a newer change was scheduled, the document closed, or its version moved on.
    if (!entry || generation.get(uri) !== gen || documents.get(uri)?.version !== entry.version) return;
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
    if (!opened.has(document.uri)) { opened.add(document.uri); void schedule(document.uri, 0); return; }
    void schedule(document.uri, debounceMs);
  });

  documents.onDidSave(({ document }) => { void schedule(document.uri, 0); });

  documents.onDidClose(({ document }) => {
    const uri = document.uri;
    cancel(uri);
    generation.set(uri, (generation.get(uri) ?? 0) + 1);
    opened.delete(uri);
    entries.delete(uri);
    settingsCache.delete(uri);
    if (published.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** The analysis for a request, or undefined when the document is unknown, no contract, or the request was cancelled. */
  async function resultFor(uri: string, token?: CancellationToken): Promise<{ doc: TextDocument; result: AnalysisDetails } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const entry = await analysisFor(doc);
    if (token?.isCancellationRequested || !entry?.result || documents.get(uri)?.version !== entry.version) return undefined;
    return { doc, result: entry.result };
  }

  // ---- features -------------------------------------------------------------------------------

  connection.onHover(async (params, token) => {
    const found = await resultFor(params.textDocument.uri, token);
    if (!found) return null;
    return hover(found.doc, found.result, found.doc.offsetAt(params.position), lang);
  });

  connection.onCompletion(async (params, token) => {
    const found = await resultFor(params.textDocument.uri, token);
    if (!found) return null;
    const items = clauseCompletions(found.doc, params.position, found.result, lang);
    return items && { isIncomplete: false, items };
  });

  connection.onCodeAction(async (params, token) => {
    const found = await resultFor(params.textDocument.uri, token);
    if (!found) return unmarkedActions(params.textDocument.uri, params.context.diagnostics ?? []);
    return codeActions(found.doc, params.textDocument.uri, found.result, params.range, params.context, lang);
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

  connection.onDocumentSymbol(async (params, token) => {
    const found = await resultFor(params.textDocument.uri, token);
    if (!found) return [];
    const tree = documentSymbols(found.doc, found.result.model);
    return hierarchicalSymbols ? tree : flatSymbols(params.textDocument.uri, tree);
  });

  connection.onRequest(CodeLensRequest.type, async (params, token): Promise<CodeLens[]> => {
    const found = await resultFor(params.textDocument.uri, token);
    if (!found) return [];
    const { model } = found.result;
    const span = model.title?.span ?? model.blocks[0]?.span ?? { start: 0, end: 0 };
    const at = found.doc.positionAt(span.start);
    const range = { start: at, end: at };
    return [{ range, command: { title: coverageOf(found.result, lang).summary, command: SHOW_COVERAGE_COMMAND, arguments: [params.textDocument.uri] } }];
  });

  async function report(uri: string): Promise<CoverageReportResult> {
    const found = await resultFor(uri);
    if (!found) return { uri, markdown: `# ${t(lang, 'reportTitle')}\n\n${t(lang, 'reportNotContract')}\n`, coverage: null };
    const name = decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri);
    return { uri, markdown: coverageReport(name, found.result, lang), coverage: coverageOf(found.result, lang) };
  }

  connection.onRequest(COVERAGE_REPORT_REQUEST, (params: CoverageReportParams) => report(params.uri));
  connection.onRequest(RULES_REQUEST, () => [...rules(lang).values()]);
  connection.onRequest(CLAUSES_REQUEST, async (params: ClausesParams, token): Promise<ClauseChoice[]> => {
    const found = await resultFor(params.uri, token);
    return found ? clauseChoices(found.result, lang) : [];
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
