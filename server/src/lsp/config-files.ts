/**
 * The server's configuration lookup: the engine's ConfigLookup, with the glob of the files whose
 * creation, change or deletion clears it.
 */
import { ConfigLookup, type LoadedConfig } from '../config.js';
import { CONFIG_GLOB } from '../config-names.js';

export class ConfigFiles {
  readonly glob = CONFIG_GLOB;
  private readonly configs = new ConfigLookup();

  clear(): void { this.configs.clear(); }

  /** In an untrusted workspace the configurations' patterns and playbooks are not applied. */
  trust(trusted: boolean): void { this.configs.trusted = trusted; this.configs.clear(); }

  /** Throws ConfigError for a broken file. */
  readonly lookup = (path: string): LoadedConfig => this.configs.find(path);
}
