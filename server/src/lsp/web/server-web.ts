/**
 * The Clauselint language server in a web worker (VS Code for the Web): the same session as
 * server.ts, over the worker's messages, without configuration files (a web worker has no file system).
 * Contracts are recognised by their clauselint front matter or by "Lint this file".
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../session.js';

declare const self: any;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection);
connection.listen();
