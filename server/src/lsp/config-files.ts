/**
 * The nearest clauselint configuration of a file, as `configFor` in ../config.ts finds it, with a cache
 * the server clears when a configuration file is created, changed or deleted (configFor's own cache
 * lives as long as the process, which suits the command line but not an editor session).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILES, parseConfig, type LoadedConfig } from '../config.js';

export const CONFIG_GLOB = `**/{${CONFIG_FILES.join(',')}}`;

export class ConfigFiles {
  readonly glob = CONFIG_GLOB;

  private readonly cache = new Map<string, LoadedConfig>();

  clear(): void { this.cache.clear(); }

  /** Throws ConfigError for a broken file (not cached, so a fix is seen at once). */
  readonly lookup = (path: string): LoadedConfig => {
    const start = dirname(resolve(path));
    const visited: string[] = [];
    let dir = start;
    for (;;) {
      const hit = this.cache.get(dir);
      if (hit) return this.remember(visited, hit);
      visited.push(dir);
      for (const name of CONFIG_FILES) {
        const file = join(dir, name);
        if (!existsSync(file)) continue;
        const settings = parseConfig(file, readFileSync(file, 'utf8'));
        if (!settings) continue; // a package.json without a "clauselint" key
        const matchers = (settings.ignores ?? []).map((g) => picomatch(g, { dot: true }));
        const base = dir;
        return this.remember(visited, {
          file, dir: base, settings,
          isIgnored: (p) => {
            const rel = relative(base, resolve(p)).split(sep).join('/');
            return !rel.startsWith('..') && matchers.some((m) => m(rel));
          },
        });
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return this.remember(visited, { file: null, dir: start, settings: {}, isIgnored: () => false });
  };

  private remember(dirs: string[], config: LoadedConfig): LoadedConfig {
    for (const d of dirs) this.cache.set(d, config);
    return config;
  }
}
