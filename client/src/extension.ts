/**
 * The VS Code side of Clauselint, kept thin: it starts the language server (dist/server.cjs) over Node
 * IPC; wire.ts adds what only an editor has: commands, a status bar item with the contract's coverage,
 * and the review report in a webview. Everything about contracts is decided by the server.
 * The web build (extension-web.ts) runs the same wiring with the server in a web worker.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { wire } from './wire.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }],
    outputChannelName: 'Clauselint',
    initializationOptions: { trustedWorkspace: vscode.workspace.isTrusted },
  };
  const lc = new LanguageClient('clauselint', 'Clauselint', serverOptions, clientOptions);
  client = lc;
  await wire(context, lc);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
