/**
 * Configuration files on the web: a server in a web worker cannot read the workspace, so the client
 * sends the configuration files whole (at start and after each change) and the lookup reads those.
 * Documents and configuration files are placed by their URI's authority and path, so that the nearest
 * folder wins as it does on disk: vscode-vfs://github/org/repo/contracts/msa.md is
 * /github/org/repo/contracts/msa.md.
 */
import { ConfigLookup, type LoadedConfig } from '../../config.js';
import type { ConfigFilesParams } from '../protocol.js';
import type { ConfigSource } from '../session.js';

export function uriPath(uri: string): string | null {
  try {
    const url = new URL(uri);
    return decodeURIComponent(`/${url.host}${url.pathname}`).replace(/\/{2,}/g, '/');
  } catch {
    return null;
  }
}

export class SentConfigFiles implements ConfigSource {
  /** The client watches the files itself. */
  readonly glob = '';
  private files = new Map<string, string>();
  private readonly configs = new ConfigLookup({ exists: (file) => this.files.has(file), read: (file) => this.files.get(file) ?? '' });

  readonly pathOf = uriPath;

  /** Throws ConfigError for a broken file. */
  readonly lookup = (path: string): LoadedConfig => this.configs.find(path);

  clear(): void { this.configs.clear(); }

  trust(trusted: boolean): void { this.configs.trusted = trusted; this.configs.clear(); }

  receive(params: ConfigFilesParams): void {
    this.files = new Map(params.files.flatMap((f) => {
      const path = uriPath(f.uri);
      return path ? [[path, f.text] as const] : [];
    }));
    this.configs.clear();
  }
}
