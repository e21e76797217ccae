/**
 * The editor tests: they run inside a real VS Code, through its API, as a drafter would use Clauselint.
 * The same bundle runs in VS Code for the Web (run-web.ts: the server in a web worker, in CI here) and
 * in desktop VS Code (run-electron.ts: the server over Node IPC, where VS Code can be downloaded).
 *
 * With the display language Dutch (`vscode.env.language` is `nl`), only the Dutch UI test runs.
 * The workspace holds copies of examples/saas-agreement.md and examples/verwerkersovereenkomst.md, and
 * governed/msa.md (the SaaS agreement without front matter) beside a governed/.clauselintrc.json.
 */
import * as vscode from 'vscode';
import { PROBLEMS_PANEL_READ, PROBLEMS_PANEL_READY } from './handshake.js';

interface EditorTest { name: string; run: () => Promise<void> }

const tests: EditorTest[] = [];
const dutchTests: EditorTest[] = [];

function test(name: string, run: () => Promise<void>): void { tests.push({ name, run }); }
function dutchTest(name: string, run: () => Promise<void>): void { dutchTests.push({ name, run }); }

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls until `probe` returns a value; the editor and the server work asynchronously. */
async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const ruleOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const findings = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'clauselint');

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'the tests need a workspace folder with the example contracts');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openContract(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

/** Every line of `before` is still in `after`, in order: a fix adds text and never loses the drafter's. */
function keepsAllLines(before: string, after: string): boolean {
  const lines = after.split(/\r?\n/);
  let at = 0;
  for (const line of before.split(/\r?\n/)) {
    while (at < lines.length && lines[at] !== line) at++;
    if (at === lines.length) return false;
    at++;
  }
  return true;
}

/**
 * Runs a quick fix for a finding as VS Code's light bulb would: its edit, then its command. The fix is
 * the one whose title matches `title`; it must be the preferred one when VS Code reports that.
 */
async function applyQuickFix(doc: vscode.TextDocument, finding: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => title.test(a.title));
  assert(fix?.edit, `a quick fix ${title} for "${finding.message.slice(0, 60)}…"; got ${actions.map((a) => a.title).join(' | ')}`);
  assert(fix.isPreferred !== false, `"${fix.title}" is the preferred fix`);
  assert(await vscode.workspace.applyEdit(fix.edit), `VS Code applied "${fix.title}"`);
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  return fix;
}

/**
 * A request VS Code cancelled (the workbench cancels provider calls when it asks again, e.g. for code
 * lenses while the editor settles) is asked again, as the workbench itself does.
 */
async function retryCanceled<T>(request: () => Thenable<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await request();
    } catch (error) {
      if (i >= attempts || !(error instanceof Error) || error.name !== 'Canceled') throw error;
    }
  }
}

/** The webview tab with this title, once the workbench shows it. */
function webviewTab(label: string): Promise<vscode.Tab> {
  const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  return waitFor(`a webview tab "${label}"`,
    () => tabs().find((t) => t.input instanceof vscode.TabInputWebview && t.label === label), 10_000);
}

/** The code lenses of a contract, once the server has any for it. */
function codeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  return waitFor('the coverage code lens', async () => {
    const lenses = await retryCanceled(() => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri));
    return lenses.length > 0 && lenses;
  });
}

/** A snippet as VS Code inserts it with every tab stop left at its default. */
function expand(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([\\$}])/g, '$1');
}

// ---- English user interface -------------------------------------------------------------------

test('findings appear on the example contract, each saying what is missing, why and how to fix it', async () => {
  const editor = await openContract('saas-agreement.md');
  // The first analysis also starts the language server: allow for a slow machine.
  const list = await waitFor('the findings of saas-agreement.md', () => {
    const found = findings(editor.document.uri);
    return found.length >= 12 && found;
  }, 80_000);
  const rules = new Set(list.map(ruleOf));
  for (const rule of ['security-testing', 'certification', 'exit-data-return', 'incident-notification', 'liability', 'contradiction']) {
    assert(rules.has(rule), `a finding of ${rule}; got ${[...rules].join(', ')}`);
  }
  const missing = list.find((d) => ruleOf(d) === 'security-testing')!;
  assert(/^No clause on security testing: /.test(missing.message), `plain-language message: ${missing.message}`);
  assert(missing.message.length <= 120, `one short sentence: ${missing.message}`);
  assert(await hoverText(editor.document.uri, missing.range.start).then((h) => /Why it matters: .*DORA art\. 30\(3\)\(d\)/.test(h) && /How to fix:/.test(h)), 'the hover says why (the legal reference) and how to fix it');
  assert(missing.severity === vscode.DiagnosticSeverity.Warning, 'a missing topic is a warning');
});

/** saas-agreement.md as saved, before the first test changes it. */
let savedContract = '';

test('the quick fix inserts the missing clause, keeps every line of the contract and clears the finding', async () => {
  const editor = await openContract('saas-agreement.md');
  const doc = editor.document;
  const finding = findings(doc.uri).find((d) => ruleOf(d) === 'security-testing');
  assert(finding, 'the security-testing finding');
  const before = doc.getText();
  savedContract = before;
  await applyQuickFix(doc, finding, /^Insert clause: Independent penetration testing and sharing of results$/);
  await waitFor('the security-testing finding to clear', () => !findings(doc.uri).some((d) => ruleOf(d) === 'security-testing'));
  assert(/penetration test/i.test(doc.getText()), 'the clause is in the contract');
  assert(keepsAllLines(before, doc.getText()), 'no line of the contract was lost or changed');
});

// "without undue delay" gets no completion in this contract: it sets 48 and 72 hours elsewhere, and a
// 24-hour deadline would contradict them. "periodically" in the patch clause sets no figure at all.
test('the quick fix on a weak phrase completes it with a deadline and clears the finding', async () => {
  const editor = await openContract('saas-agreement.md');
  const doc = editor.document;
  // The test before inserted a clause with deadlines of its own (after it, "periodically" gets no
  // completion): start again from the contract as saved. Its text, not File: Revert, which in VS Code for
  // the Web does not always reread the file in time; the security-testing finding back shows the analysis.
  assert(savedContract, 'the test before kept the contract as saved');
  await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), savedContract));
  await waitFor('the analysis of the contract as saved', () => findings(doc.uri).some((d) => ruleOf(d) === 'security-testing'));
  const onPhrase = (d: vscode.Diagnostic) => d.message.includes('“periodically”');
  await waitFor('the “periodically” finding', () => findings(doc.uri).some(onPhrase));
  const finding = findings(doc.uri).find(onPhrase);
  assert(finding, 'the “periodically” finding');
  await applyQuickFix(doc, finding, /periodically, and for critical vulnerabilities in any event within 7 days/);
  assert(doc.getText().includes('periodically, and for critical vulnerabilities in any event within 7 days'), 'the phrase now has a deadline');
  await waitFor('the weak-phrase finding to clear', () => !findings(doc.uri).some(onPhrase));
});

test('typing /clause and accepting the suggestion inserts a clause with the parties filled in', async () => {
  const editor = await openContract('saas-agreement.md');
  const doc = editor.document;
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('## 1. Definitions'));
  assert(line > 0, 'the Definitions heading');
  await editor.edit((b) => b.insert(new vscode.Position(line, 0), '/clause\n\n'));
  const cursor = new vscode.Position(line, '/clause'.length);
  editor.selection = new vscode.Selection(cursor, cursor);
  const offered = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, cursor, '/');
  const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
  const expected = new Set(offered.items.filter((i) => label(i).startsWith('/clause'))
    .map((i) => expand(i.insertText instanceof vscode.SnippetString ? i.insertText.value : String(i.insertText))));
  assert(expected.size >= 19, `the catalogue's clauses are offered; got ${expected.size}`);

  // The suggest widget as a drafter uses it: open it, then accept the selected suggestion.
  await waitFor('the suggestion to be accepted', async () => {
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(400);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    return !doc.lineAt(line).text.startsWith('/clause');
  });
  const inserted = doc.lineAt(line).text;
  assert(expected.has(inserted), `the line is one of the offered clauses: ${inserted.slice(0, 80)}…`);
  assert(/\b(Provider|Customer)\b/.test(inserted), 'the contract\'s own party names are filled in');
  const selected = doc.getText(editor.selection);
  assert(/^\d[\d.,]*$/.test(selected), `the first number of the clause is selected as a tab stop; selected “${selected}”`);
  await vscode.commands.executeCommand('leaveSnippet');
});

test('Insert clause… offers the clauses for missing topics first and inserts the chosen one after the paragraph', async () => {
  const editor = await openContract('saas-agreement.md');
  const doc = editor.document;
  const missingBefore = findings(doc.uri).filter((d) => /^No clause on /.test(d.message)).map(ruleOf);
  assert(missingBefore.length > 0, 'a missing topic is left to insert');
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('The Customer wishes'));
  editor.selection = new vscode.Selection(line, 10, line, 10); // inside a paragraph: the clause goes after it
  const paragraph = doc.lineAt(line).text;

  const version = doc.version;
  const command = vscode.commands.executeCommand('clauselint.insertClause');
  await waitFor('the first clause in the list to be picked', async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await sleep(200);
    return doc.version !== version;
  });
  await command;
  await vscode.commands.executeCommand('leaveSnippet');
  assert(doc.lineAt(line).text === paragraph && doc.lineAt(line + 1).text === '', 'the paragraph is kept whole, a blank line after it');
  assert(doc.lineAt(line + 2).text.length > 80 && doc.lineAt(line + 3).text === '', `the clause is a paragraph of its own: ${doc.lineAt(line + 2).text.slice(0, 80)}`);
  await waitFor('a missing topic to be resolved by the inserted clause', () => {
    const missingNow = findings(doc.uri).filter((d) => /^No clause on /.test(d.message)).map(ruleOf);
    return missingNow.length === missingBefore.length - 1;
  });
});

test('Insert clause… with a clause id inserts that clause on an empty line', async () => {
  const editor = await openContract('saas-agreement.md');
  const doc = editor.document;
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  await editor.edit((b) => b.insert(end, '\n\n'));
  const last = new vscode.Position(doc.lineCount - 1, 0);
  editor.selection = new vscode.Selection(last, last);
  await vscode.commands.executeCommand('clauselint.insertClause', 'exit-data-return-balanced');
  await vscode.commands.executeCommand('leaveSnippet');
  assert(/return|delet/i.test(doc.lineAt(last.line).text), `the exit clause is on the empty line: ${doc.lineAt(last.line).text.slice(0, 80)}`);
  await waitFor('the exit-data-return finding to clear', () => !findings(doc.uri).some((d) => ruleOf(d) === 'exit-data-return'));
});

test('a contract without front matter is checked when a configuration file governs its folder', async () => {
  const editor = await openContract('governed/msa.md');
  const testing = await waitFor('the findings of governed/msa.md', () => findings(editor.document.uri).find((d) => ruleOf(d) === 'security-testing'));
  assert(testing.severity === vscode.DiagnosticSeverity.Error, 'governed/.clauselintrc.json makes security-testing an error');
});

test('the Dutch contract gets Dutch findings', async () => {
  const editor = await openContract('verwerkersovereenkomst.md');
  const list = await waitFor('the findings of verwerkersovereenkomst.md', () => {
    const found = findings(editor.document.uri);
    return found.length > 0 && found;
  });
  const notice = list.find((d) => d.message.includes('“onverwijld”'));
  assert(notice, `the “onverwijld” finding; got ${list.map((d) => d.message.slice(0, 40)).join(' | ')}`);
  assert(/^Zwakke bepaling over melding van incidenten: /.test(notice.message) && notice.message.length <= 120, `one short Dutch sentence: ${notice.message}`);
  const why = await hoverText(editor.document.uri, notice.range.start);
  assert(/Waarom: .*art\. 33 lid 2 AVG/.test(why) && /Oplossing:/.test(why), `the hover says why and how, in Dutch: ${why}`);
});

test('Show coverage report (the code lens on the title): the contract\'s review report in a webview beside it that runs no script; a line link opens the clause', async () => {
  const editor = await openContract('saas-agreement.md');
  const doc = editor.document;
  await waitFor('the findings of saas-agreement.md', () => findings(doc.uri).length > 0);
  const lenses = await codeLenses(doc);
  const lens = lenses.find((l) => l.command?.command === 'clauselint.showCoverage');
  assert(lens?.command, `the code lens runs Show coverage report; got ${lenses.map((l) => l.command?.command).join(' | ')}`);
  const html = await vscode.commands.executeCommand<string>(lens.command.command, ...(lens.command.arguments ?? []));
  assert(html?.includes('<h2 id="contract-1-h">saas-agreement.md</h2>'), 'the report is of the contract in the editor');
  assert(!html.includes('id="portfolio"'), 'one contract: no table of all contracts');
  assert(/<h3[^>]*>Checklist: GDPR/.test(html), 'the checklist of the law the contract declares');
  const panel = await webviewTab('Review of saas-agreement.md');
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  assert(panel.group.viewColumn !== tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString())?.group.viewColumn, 'beside the contract');
  assert(!tabs.some((t) => /^Coverage of |Preview/.test(t.label)), 'no Markdown preview besides');
  assert(!html.includes('<script'), 'no script');
  assert(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`), 'a policy that allows no script and loads nothing');
  assert(html.includes('var(--vscode-foreground)'), 'the editor\'s theme colours');
  const link = /href="command:clauselint\.openAt\?([^"]+)"/.exec(html);
  assert(link, 'line numbers are links');
  const [uri, line] = JSON.parse(decodeURIComponent(link[1].replace(/&#39;/g, "'").replace(/&amp;/g, '&'))) as [string, number];
  await vscode.commands.executeCommand('clauselint.openAt', uri, line);
  const active = vscode.window.activeTextEditor;
  assert(active?.document.uri.toString() === doc.uri.toString(), 'the link opens the contract');
  assert(active.selection.active.line === line - 1, `at line ${line}: ${active.selection.active.line + 1}`);
});

test('Open review report of all contracts: the table of every contract in the workspace, then each one', async () => {
  const all = await vscode.commands.executeCommand<string>('clauselint.openReviewReport');
  assert(all?.includes('<table id="portfolio" class="matrix">'), 'the workspace\'s report has the table of all contracts');
  for (const name of ['saas-agreement.md', 'verwerkersovereenkomst.md', 'governed/msa.md']) assert(all.includes(`>${name}</h2>`), `the workspace's report has ${name}`);
  await webviewTab('Review of the contracts');
});

/** The Markdown of the hovers at a position. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/**
 * Opens the Problems panel on the contract. In VS Code for the Web, the runner then checks the panel's
 * rows in the page and keeps a screenshot; the suite waits for it, since the findings go when it ends.
 */
async function showProblemsPanel(name: string): Promise<void> {
  const editor = await openContract(name);
  await waitFor('the findings', () => findings(editor.document.uri).length > 0);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (vscode.env.uiKind !== vscode.UIKind.Web) return;
  console.log(PROBLEMS_PANEL_READY);
  const extension = vscode.extensions.getExtension('clauselint.clauselint')!;
  const signal = vscode.Uri.joinPath(extension.extensionUri, PROBLEMS_PANEL_READ).toString(true);
  await waitFor('the runner to read the Problems panel', async () => (await fetch(`${signal}?${Date.now()}`)).ok, 45_000);
}

test('the Problems panel lists the findings of the contract', () => showProblemsPanel('saas-agreement.md'));

// ---- Dutch user interface ---------------------------------------------------------------------

dutchTest('the Dutch UI strings load: commands, runtime messages and the server\'s actions', async () => {
  assert(vscode.env.language === 'nl', `the display language is Dutch: ${vscode.env.language}`);
  const extension = vscode.extensions.getExtension('clauselint.clauselint');
  assert(extension, 'the Clauselint extension is installed');
  await extension.activate();
  const commands: { command: string; title: string }[] = extension.packageJSON.contributes.commands;
  const title = (id: string) => commands.find((c) => c.command === id)?.title;
  if (vscode.env.uiKind === vscode.UIKind.Web) {
    // VS Code for the Web localises package.json only for extensions installed from a gallery, whose files
    // it can list; an extension under development is shown with package.nls.json (test/lsp/manifest.test.ts
    // checks that both files have the same keys).
    console.log(`package.json titles not checked on the web: "${title('clauselint.lintFile')}"`);
  } else {
    assert(title('clauselint.lintFile') === 'Dit bestand controleren', `package.nls.nl.json: ${title('clauselint.lintFile')}`);
    assert(title('clauselint.insertClause') === 'Bepaling invoegen…', `package.nls.nl.json: ${title('clauselint.insertClause')}`);
  }
  assert(vscode.l10n.t('Clauselint coverage') === 'Clauselint-dekking', `the l10n bundle: ${vscode.l10n.t('Clauselint coverage')}`);

  const editor = await openContract('verwerkersovereenkomst.md');
  const doc = editor.document;
  await waitFor('the findings', () => findings(doc.uri).length > 0);
  const lenses = await codeLenses(doc);
  const summary = lenses.map((l) => l.command?.title ?? '').find((t) => t.startsWith('Beveiliging:'));
  assert(summary, `the coverage code lens in Dutch; got ${lenses.map((l) => l.command?.title).join(' | ')}`);
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  // The server answers from its latest analysis; on a loaded machine the one that makes the fixes may still be running.
  let offered: string[] = [];
  await waitFor('the source action in Dutch', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, vscode.CodeActionKind.Source.value);
    offered = actions.map((a) => a.title);
    return offered.includes('Herstel alle zwakke formuleringen');
  }, 10_000).catch((err: Error) => { throw new Error(`${err.message}; offered: ${offered.join(' | ') || 'none'}`); });
  await showProblemsPanel('verwerkersovereenkomst.md');

  // "Fix all" as VS Code asks for it (on save, or Source Action…): it completes “onverwijld” and keeps every line.
  const before = doc.getText();
  const [fixAll] = await retryCanceled(() => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.clauselint'));
  assert(fixAll?.edit && fixAll.edit.size > 0, `the Dutch fix-all action has an edit; got ${JSON.stringify(fixAll)}`);
  assert(await vscode.workspace.applyEdit(fixAll.edit), 'VS Code applied the fix-all action');
  assert(doc.getText().includes('onverwijld en in ieder geval binnen 24 uur'), 'fix all completed “onverwijld”');
  assert(keepsAllLines(before.replace('onverwijld', ''), doc.getText().replace('onverwijld en in ieder geval binnen 24 uur', '')), 'fix all kept the drafter\'s lines');
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

/** The entry point VS Code's test runner calls: every test in order; rejects if any failed. */
export async function run(): Promise<void> {
  const selected = vscode.env.language === 'nl' ? dutchTests : tests;
  const failed: string[] = [];
  for (const t of selected) {
    const start = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([t.run(), new Promise((_, fail) => { timer = setTimeout(() => fail(new Error('the test took longer than 90 s')), 90_000); })]);
      console.log(`✔ ${t.name} (${Date.now() - start} ms)`);
    } catch (error) {
      failed.push(t.name);
      console.error(`✘ ${t.name}\n  ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
      // What a failed test left open (a suggestion list, a quick pick, a snippet) must not stall the next one.
      for (const command of ['hideSuggestWidget', 'workbench.action.closeQuickOpen', 'leaveSnippet']) await vscode.commands.executeCommand(command);
    }
  }
  console.log(`editor tests: ${selected.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length) throw new Error(`${failed.length} editor test(s) failed: ${failed.join('; ')}`);
}
