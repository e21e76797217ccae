/**
 * What the Clauselint client adds to VS Code, the same on the desktop (extension.ts, the server over Node
 * IPC) and on the web (extension-web.ts, the server in a web worker): commands, a status bar item with the
 * contract's coverage, and the review report in a webview: of the contract ("Show coverage report", the
 * status bar and the code lens) or of every contract in the workspace ("Open review report of all
 * contracts"). Everything about contracts is decided by the server.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_TRUST_NOTIFICATION } from '../../server/src/lsp/protocol.js';
import {
  CLAUSES_REQUEST, COVERAGE_NOTIFICATION, LINT_FILE_COMMAND, OPEN_AT_COMMAND, REVIEW_REPORT_REQUEST, RULES_REQUEST,
  type ClauseChoice, type CoverageParams, type CoverageStatus, type ReviewReportParams, type ReviewReportResult, type RuleInfo,
} from '../../server/src/lsp/protocol.js';

/** "Insert clause…" lists the clauses of missing topics first, then weak ones: what the contract needs most. */
const STATUS_ORDER: CoverageStatus[] = ['missing', 'weak', 'present', 'not-applicable'];

/**
 * Where a clause goes when inserted at the cursor: on an empty line, there; inside a paragraph, after it,
 * so the drafter's text is never split. Blank lines keep the clause a paragraph of its own.
 */
function insertionPoint(doc: vscode.TextDocument, cursor: vscode.Position): { position: vscode.Position; before: string; after: string } {
  let line = cursor.line;
  if (doc.lineAt(line).isEmptyOrWhitespace) {
    const next = line + 1 < doc.lineCount && !doc.lineAt(line + 1).isEmptyOrWhitespace;
    const previous = line > 0 && !doc.lineAt(line - 1).isEmptyOrWhitespace;
    return { position: doc.lineAt(line).range.start, before: previous ? '\n' : '', after: next ? '\n' : '' };
  }
  while (line + 1 < doc.lineCount && !doc.lineAt(line + 1).isEmptyOrWhitespace) line++;
  const last = line + 1 >= doc.lineCount;
  return { position: doc.lineAt(line).range.end, before: '\n\n', after: last ? '\n' : '' };
}

/** Registers the commands, the status bar item and the report, then starts the client. */
export async function wire(context: vscode.ExtensionContext, lc: BaseLanguageClient): Promise<void> {
  // ---- status bar: the coverage of the contract in the active editor ----------------------------
  const coverage = new Map<string, CoverageParams>();
  const status = vscode.window.createStatusBarItem('clauselint.coverage', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('Clauselint coverage');
  context.subscriptions.push(status);

  const uriOf = (doc: vscode.TextDocument) => lc.code2ProtocolConverter.asUri(doc.uri);

  function updateStatus(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') { status.hide(); return; }
    const params = coverage.get(uriOf(doc));
    if (!params) { status.hide(); return; }
    if (params.coverage) {
      const c = params.coverage;
      status.text = `$(shield) ${c.summary}`;
      status.tooltip = vscode.l10n.t('Clauselint: {0} security topics present, {1} weak, {2} missing. Click for the coverage report.', c.present, c.weak, c.missing);
      status.command = 'clauselint.showCoverage';
      status.backgroundColor = c.missing > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    } else {
      status.text = '$(circle-slash) Clauselint';
      status.tooltip = params.reason === 'disabled'
        ? vscode.l10n.t('Clauselint is disabled for this file (setting clauselint.enable).')
        : vscode.l10n.t('Not checked: this file has no clauselint front matter and no clauselint configuration governs its folder. Click to lint it anyway.');
      status.command = 'clauselint.lintFile';
      status.backgroundColor = undefined;
    }
    status.show();
  }

  lc.onNotification(COVERAGE_NOTIFICATION, (params: CoverageParams) => {
    coverage.set(params.uri, params);
    updateStatus();
    // A contract's review follows its edits; a workspace's is made again by running the command.
    const review = reviewPanels.get(params.uri);
    if (review) void showReview(params.uri, review.params);
  });

  // ---- the review report: the server's HTML in a webview that runs no script; its links open a contract ----
  const reviewPanels = new Map<string, { panel: vscode.WebviewPanel; params: ReviewReportParams }>();
  const WORKSPACE = 'workspace';

  /** Every Markdown file of the workspace: open ones by name (the server has them), the others with their text. */
  async function workspaceFiles(): Promise<ReviewReportParams['files']> {
    const decoder = new TextDecoder();
    const found = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', 2000);
    const files = await Promise.all(found.map(async (uri) => {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      try {
        const text = open ? undefined : decoder.decode(await vscode.workspace.fs.readFile(uri));
        return [{ uri: lc.code2ProtocolConverter.asUri(uri), name: vscode.workspace.asRelativePath(uri), ...(text !== undefined && { text }) }];
      } catch {
        return []; // deleted between the search and the read
      }
    }));
    return files.flat().sort((a, b) => a.name.localeCompare(b.name));
  }

  async function showReview(key: string, params: ReviewReportParams): Promise<string> {
    const result: ReviewReportResult = await lc.sendRequest(REVIEW_REPORT_REQUEST, params);
    let open = reviewPanels.get(key);
    if (!open) {
      const title = params.files.length === 1 ? vscode.l10n.t('Review of {0}', params.files[0].name.split('/').pop() ?? '') : vscode.l10n.t('Review of the contracts');
      const panel = vscode.window.createWebviewPanel('clauselint.reviewReport', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: [OPEN_AT_COMMAND], localResourceRoots: [] });
      open = { panel, params };
      reviewPanels.set(key, open);
      panel.onDidDispose(() => reviewPanels.delete(key));
    }
    open.panel.webview.html = result.html;
    open.panel.reveal(undefined, true);
    return result.html;
  }

  const targetOf = (arg: unknown): vscode.Uri | undefined => {
    if (arg instanceof vscode.Uri) return arg;
    if (typeof arg === 'string') return vscode.Uri.parse(arg);
    return vscode.window.activeTextEditor?.document.uri;
  };

  context.subscriptions.push(
    // Restricted Mode: the server started without the configurations' patterns and playbooks (initializationOptions).
    vscode.workspace.onDidGrantWorkspaceTrust(() => { void lc.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true }); }),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidCloseTextDocument((doc) => { coverage.delete(uriOf(doc)); }),

    vscode.commands.registerCommand('clauselint.lintFile', async (arg?: unknown) => {
      const uri = targetOf(arg);
      if (!uri) { void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown contract to lint it.')); return; }
      const doc = await vscode.workspace.openTextDocument(uri);
      if (doc.languageId !== 'markdown') { void vscode.window.showWarningMessage(vscode.l10n.t('Clauselint lints Markdown files; this is {0}.', doc.languageId)); return; }
      if (vscode.window.activeTextEditor?.document !== doc) await vscode.window.showTextDocument(doc);
      const result: CoverageParams | null = await lc.sendRequest(ExecuteCommandRequest.type, { command: LINT_FILE_COMMAND, arguments: [uriOf(doc)] });
      if (result?.coverage) void vscode.window.setStatusBarMessage(`Clauselint: ${result.coverage.summary}`, 5000);
    }),

    // The review report of one contract, beside it; it follows the contract's edits. Both report commands
    // return the report's HTML (for tests and other extensions).
    vscode.commands.registerCommand('clauselint.showCoverage', async (arg?: unknown): Promise<string | undefined> => {
      const uri = targetOf(arg);
      if (!uri) { void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown contract to see its coverage.')); return undefined; }
      const target = lc.code2ProtocolConverter.asUri(uri);
      return showReview(target, { files: [{ uri: target, name: vscode.workspace.asRelativePath(uri) }] });
    }),

    // The review report of every contract in the workspace: the table of all of them, then each one.
    vscode.commands.registerCommand('clauselint.openReviewReport', async (): Promise<string | undefined> => {
      const files = await workspaceFiles();
      if (!files.length) { void vscode.window.showWarningMessage(vscode.l10n.t('There is no Markdown contract to review here.')); return undefined; }
      return showReview(WORKSPACE, { files });
    }),

    vscode.commands.registerCommand(OPEN_AT_COMMAND, async (uri: unknown, line: unknown) => {
      if (typeof uri !== 'string' || typeof line !== 'number') return;
      const target = vscode.Uri.parse(uri);
      const at = new vscode.Position(Math.max(0, line - 1), 0);
      const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
      const editor = await vscode.window.showTextDocument(target, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    }),

    vscode.commands.registerCommand('clauselint.insertClause', async (clauseId?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') { void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown contract to insert a clause.')); return; }
      const choices: ClauseChoice[] = await lc.sendRequest(CLAUSES_REQUEST, { uri: uriOf(editor.document) });
      if (!choices.length) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Clauselint does not check this file, so it cannot suggest clauses. Run "Clauselint: Lint this file" first.'));
        return;
      }
      const choice = typeof clauseId === 'string' ? choices.find((c) => c.id === clauseId) : await pickClause(choices);
      if (!choice) return;
      const at = insertionPoint(editor.document, editor.selection.active);
      // The snippet's numbers become tab stops; the blank lines around it are plain text.
      await editor.insertSnippet(new vscode.SnippetString(at.before + choice.snippet + at.after), at.position);
    }),

    vscode.commands.registerCommand('clauselint.openRuleDocs', async (arg?: unknown) => {
      const all: RuleInfo[] = await lc.sendRequest(RULES_REQUEST);
      let rule = typeof arg === 'string' ? all.find((r) => r.id === arg) : undefined;
      if (!rule) {
        const editor = vscode.window.activeTextEditor;
        const here = editor ? vscode.languages.getDiagnostics(editor.document.uri)
          .filter((d) => d.source === 'clauselint' && d.range.contains(editor.selection.active))
          .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)) : [];
        const ids = [...new Set(here)];
        if (ids.length === 1) rule = all.find((r) => r.id === ids[0]);
        else {
          const items = [...all].sort((a, b) => Number(ids.includes(b.id)) - Number(ids.includes(a.id)))
            .map((r) => ({ label: r.name, description: r.id, detail: r.description, rule: r }));
          rule = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which rule?'), matchOnDescription: true }))?.rule;
        }
      }
      if (!rule) return;
      // The rule's page as shipped inside the extension (docs/rules/), in the Markdown preview: it matches
      // this version and needs no network. Without an extension folder, the page online.
      const base = context.extensionUri;
      if (base) await vscode.commands.executeCommand('markdown.showPreview', base.with({ path: `${base.path.replace(/\/$/, '')}/docs/rules/${rule.id}.md` }));
      else await vscode.env.openExternal(vscode.Uri.parse(rule.docsUrl));
    }),
  );

  await lc.start();
  updateStatus();
}

/** A quick pick of the clauses, grouped by their topic's status in the contract. */
async function pickClause(choices: ClauseChoice[]): Promise<ClauseChoice | undefined> {
  const groups: Record<CoverageStatus, string> = {
    missing: vscode.l10n.t('Missing from this contract'),
    weak: vscode.l10n.t('Weak in this contract'),
    present: vscode.l10n.t('Present in this contract'),
    'not-applicable': vscode.l10n.t('Not required for this contract'),
  };
  type Item = vscode.QuickPickItem & { choice?: ClauseChoice };
  const items: Item[] = STATUS_ORDER.flatMap((status) => {
    const inGroup = choices.filter((c) => c.status === status);
    if (!inGroup.length) return [];
    return [
      { label: groups[status], kind: vscode.QuickPickItemKind.Separator },
      ...inGroup.map((c): Item => ({ label: `${c.heading}: ${c.title}`, description: c.variant, detail: c.preview, choice: c })),
    ];
  });
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Which clause? Clauses for missing and weak topics come first.'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.choice;
}

