/**
 * The web build of the client (VS Code for the Web): the same wiring as extension.ts, with the language
 * server (dist/server-web.js) in a web worker. The worker cannot read the workspace, so this client
 * sends it the configuration files, at start and whenever one is created, changed or deleted.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { CONFIG_GLOB } from '../../server/src/config-names.js';
import { CONFIG_FILES_NOTIFICATION, type ConfigFilesParams } from '../../server/src/lsp/protocol.js';
import { wire } from './wire.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-web.js');
  const worker = new Worker(serverMain.toString(true));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }],
    outputChannelName: 'Clauselint',
    initializationOptions: { trustedWorkspace: vscode.workspace.isTrusted },
  };
  const lc = new LanguageClient('clauselint', 'Clauselint', worker, clientOptions);
  client = lc;
  await wire(context, lc);
  await sendConfigFiles(lc);
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  const resend = () => { void sendConfigFiles(lc); };
  context.subscriptions.push(watcher, watcher.onDidCreate(resend), watcher.onDidChange(resend), watcher.onDidDelete(resend));
}

async function sendConfigFiles(lc: LanguageClient): Promise<void> {
  const uris = await vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**');
  const decoder = new TextDecoder();
  const files = await Promise.all(uris.map(async (uri) => {
    try {
      return [{ uri: uri.toString(), text: decoder.decode(await vscode.workspace.fs.readFile(uri)) }];
    } catch {
      return []; // deleted between the search and the read
    }
  }));
  const params: ConfigFilesParams = { files: files.flat() };
  await lc.sendNotification(CONFIG_FILES_NOTIFICATION, params);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
