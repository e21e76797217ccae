/**
 * The web build of the client (VS Code for the Web): the same wiring as extension.ts, with the language
 * server (dist/server-web.js) in a web worker. Contracts are recognised by their front matter or by
 * "Lint this file"; configuration files are not read on the web.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { wire } from './wire.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-web.js');
  const worker = new Worker(serverMain.toString(true));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }],
    outputChannelName: 'Clauselint',
  };
  const lc = new LanguageClient('clauselint', 'Clauselint', worker, clientOptions);
  client = lc;
  await wire(context, lc);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
