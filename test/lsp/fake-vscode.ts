/**
 * A stand-in for the `vscode` module, just enough for dist/client.cjs and vscode-languageclient to run
 * in plain Node: real Uri, EventEmitter, Range and Position; one open Markdown document; recorders for
 * the status bar item, the diagnostic collections, commands, opened links and webview panels. Whatever else is touched
 * is a harmless no-op. This checks the client's wiring, not VS Code itself (that is the editor tests' job).
 */
import { pathToFileURL } from 'node:url';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners = this.listeners.filter((l) => l !== listener); } };
  };
  fire(e: T): void { for (const l of [...this.listeners]) l(e); }
  dispose(): void { this.listeners = []; }
}

export class Disposable {
  constructor(private readonly fn: () => void = () => {}) {}
  static from(...items: { dispose(): unknown }[]): Disposable { return new Disposable(() => items.forEach((i) => i?.dispose?.())); }
  dispose(): void { this.fn(); }
}

export class Uri {
  private constructor(readonly scheme: string, readonly authority: string, readonly path: string, readonly query: string, readonly fragment: string) {}
  static parse(value: string): Uri {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!m) throw new Error(`not a URI: ${value}`);
    return new Uri(m[1], m[2] ?? '', decodeURIComponent(m[3]), m[4] ?? '', m[5] ?? '');
  }
  static file(path: string): Uri { return Uri.parse(pathToFileURL(path).href); }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query ?? '', c.fragment ?? '');
  }
  get fsPath(): string { return this.path; }
  with(c: Partial<{ scheme: string; authority: string; path: string; query: string; fragment: string }>): Uri {
    return new Uri(c.scheme ?? this.scheme, c.authority ?? this.authority, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment);
  }
  toString(): string {
    const path = this.path.split('/').map(encodeURIComponent).join('/');
    return `${this.scheme}:${this.scheme === 'file' || this.authority ? `//${this.authority}` : ''}${path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON(): unknown { return this.toString(); }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
  isBeforeOrEqual(o: Position): boolean { return this.line < o.line || (this.line === o.line && this.character <= o.character); }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
  contains(p: Position): boolean { return this.start.isBeforeOrEqual(p) && p.isBeforeOrEqual(this.end); }
}

export class Diagnostic {
  code?: unknown;
  source?: string;
  constructor(readonly range: Range, readonly message: string, readonly severity: number = 0) {}
}

export class CancellationError extends Error {}
export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void { this.token.isCancellationRequested = true; this.emitter.fire(); }
  dispose(): void {}
}
export class ThemeColor { constructor(readonly id: string) {} }

/** Anything not written out above: a callable, constructible no-op that returns more of itself. */
function auto(name: string): any {
  const target = function () {} as any;
  return new Proxy(target, {
    get: (_t, key) => {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'dispose') return () => {};
      if (typeof key === 'symbol') return undefined;
      return auto(`${name}.${key}`);
    },
    apply: () => auto(`${name}()`),
    construct: () => auto(`new ${name}`),
  });
}

function withFallback<T extends object>(name: string, own: T): T & Record<string, any> {
  return new Proxy(own, { get: (t, key) => (key in t ? (t as any)[key] : typeof key === 'symbol' || key === 'then' ? undefined : auto(`${name}.${String(key)}`)) }) as T & Record<string, any>;
}

export interface FakeDocument { uri: Uri; languageId: string; version: number; getText(): string; isClosed: boolean; fileName: string; lineCount: number; eol: number; isUntitled: boolean }

export function createFakeVscode(doc: FakeDocument) {
  const diagnostics = new Map<string, Diagnostic[]>();
  const diagnosticsSet = new EventEmitter<string>();
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const executed: { command: string; args: unknown[] }[] = [];
  const opened: string[] = [];
  const status: { text: string; tooltip?: string; command?: string; visible: boolean; [k: string]: unknown } = { text: '', visible: false };
  const statusChanged = new EventEmitter<void>();
  const panels: { viewType: string; title: string; column: unknown; options: Record<string, unknown>; webview: { html: string } }[] = [];
  const event = () => new EventEmitter<any>().event;
  const editor = { document: doc, selection: { active: new Position(0, 0) } };

  const vscode = withFallback('vscode', {
    version: '1.91.0',
    Uri, EventEmitter, Disposable, Position, Range, Diagnostic, CancellationError, CancellationTokenSource, ThemeColor,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    env: withFallback('env', { language: 'en', appName: 'fake-vscode', openExternal: async (uri: Uri) => { opened.push(uri.toString()); return true; } }),
    l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])) },
    workspace: withFallback('workspace', {
      textDocuments: [doc],
      notebookDocuments: [],
      workspaceFolders: undefined,
      getConfiguration: () => ({ get: (_k: string, d?: unknown) => d, has: () => false, inspect: () => undefined, update: async () => {} }),
      getWorkspaceFolder: () => undefined,
      onDidOpenTextDocument: event(), onDidCloseTextDocument: event(), onDidChangeTextDocument: event(), onDidSaveTextDocument: event(),
      onWillSaveTextDocument: event(), onDidChangeConfiguration: event(), onDidChangeWorkspaceFolders: event(),
      onDidOpenNotebookDocument: event(), onDidCloseNotebookDocument: event(), onDidChangeNotebookDocument: event(), onDidSaveNotebookDocument: event(),
      openTextDocument: async () => doc,
      asRelativePath: (uri: Uri) => uri.path.split('/').pop() ?? uri.path,
    }),
    window: withFallback('window', {
      activeTextEditor: editor,
      visibleTextEditors: [editor],
      tabGroups: { all: [], onDidChangeTabs: event(), onDidChangeTabGroups: event() },
      onDidChangeActiveTextEditor: event(), onDidChangeVisibleTextEditors: event(),
      createStatusBarItem: () => new Proxy(status, {
        get: (t, k) => (k === 'show' ? () => { t.visible = true; statusChanged.fire(); } : k === 'hide' ? () => { t.visible = false; statusChanged.fire(); } : k === 'dispose' ? () => {} : (t as any)[k]),
        set: (t, k, v) => { (t as any)[k] = v; return true; },
      }),
      createOutputChannel: (name: string) => auto(`outputChannel(${name})`),
      setStatusBarMessage: () => new Disposable(),
      createWebviewPanel: (viewType: string, title: string, show: { viewColumn?: unknown } | unknown, options: Record<string, unknown> = {}) => {
        const panel = { viewType, title, column: (show as { viewColumn?: unknown })?.viewColumn ?? show, options, webview: { html: '' }, reveal: () => {}, onDidDispose: () => new Disposable(), dispose: () => {} };
        panels.push(panel);
        return panel;
      },
      showTextDocument: async () => editor,
      showWarningMessage: async () => undefined, showInformationMessage: async () => undefined, showErrorMessage: async () => undefined,
    }),
    languages: withFallback('languages', {
      match: (selector: unknown, d: FakeDocument) => {
        const list = Array.isArray(selector) ? selector : [selector];
        return list.some((s: any) => (typeof s === 'string' ? s === d.languageId : (!s.language || s.language === d.languageId) && (!s.scheme || s.scheme === d.uri.scheme))) ? 10 : 0;
      },
      createDiagnosticCollection: () => withFallback('diagnostics', {
        set: (uri: Uri, list: Diagnostic[]) => { diagnostics.set(uri.toString(), list); diagnosticsSet.fire(uri.toString()); },
        delete: (uri: Uri) => { diagnostics.delete(uri.toString()); },
        clear: () => diagnostics.clear(),
        dispose: () => {},
      }),
      getDiagnostics: (uri: Uri) => diagnostics.get(uri.toString()) ?? [],
    }),
    commands: withFallback('commands', {
      registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => { commands.set(id, fn); return new Disposable(() => commands.delete(id)); },
      executeCommand: async (id: string, ...args: unknown[]) => {
        executed.push({ command: id, args });
        const own = commands.get(id);
        return own ? own(...args) : undefined;
      },
    }),
  });

  return { vscode, diagnostics, diagnosticsSet, commands, executed, opened, panels, status, statusChanged };
}
