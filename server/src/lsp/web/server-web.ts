/**
 * The Clauselint language server in a web worker (VS Code for the Web): the same session as
 * server.ts, over the worker's messages. A web worker has no file system: the client sends the
 * workspace's configuration files (sent-config-files.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../session.js';
import { SentConfigFiles } from './sent-config-files.js';

declare const self: any;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, new SentConfigFiles());
connection.listen();
