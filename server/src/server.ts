/**
 * `clauselint-language-server`: the Clauselint language server over stdio (`--stdio`), Node IPC
 * (`--node-ipc`, as VS Code starts it), a socket (`--socket=PORT`) or a named pipe (`--pipe=NAME`).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ConfigFiles } from './lsp/config-files.js';
import { startServer, SERVER_VERSION } from './lsp/session.js';

const USAGE = `Usage: clauselint-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Clauselint language server: findings on missing and weak cybersecurity clauses in Markdown contracts,
for any editor with a Language Server Protocol client (VS Code, Neovim, Emacs, Zed, Sublime Text).
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
} else if (!args.some((a) => /^--(?:stdio|node-ipc|socket=|pipe=)/.test(a))) {
  process.stderr.write(`clauselint-language-server: name a transport.\n${USAGE}`);
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, new ConfigFiles());
  connection.listen();
}
