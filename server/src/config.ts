/**
 * Finds and reads the configuration for a file: `.clauselintrc.json`, `.clauselintrc.yaml`/`.yml`,
 * `clauselint.config.json` or the "clauselint" key of package.json, the nearest folder winning (as in
 * ESLint and markdownlint). A broken file is one clear ConfigError naming file, line and problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { compileGlob, GlobError } from './glob.js';
import { configErrorText, problemText, type SettingProblem } from './engine/setting-problems.js';
import schema from '../../schemas/clauselintrc.schema.json' with { type: 'json' };
import { CONFIG_FILES } from './config-names.js';
import { didYouMean } from './engine/did-you-mean.js';
import type { Language, Settings, SeveritySetting } from './engine/types.js';

export { CONFIG_FILES } from './config-names.js';

/** Where configuration files are read from: the disk, or (in a web worker) what the editor sent. */
export interface ConfigFileSystem {
  exists(file: string): boolean;
  read(file: string): string;
}

const DISK: ConfigFileSystem = { exists: existsSync, read: (file) => readFileSync(file, 'utf8') };

export class ConfigError extends Error {
  /** The problem in English (the library's `message` is `file:line: problem`). */
  readonly problem: string;
  /** `reason` is the problem as data, said in the reader's language by text(). */
  constructor(readonly file: string, readonly line: number, readonly reason: SettingProblem) {
    const problem = problemText(reason, 'en');
    super(`${file}:${line}: ${problem}`);
    this.problem = problem;
  }

  /** One sentence in `lang`: the file, the line, what is wrong and what to do. */
  text(lang: Language): string {
    return configErrorText(this.file, this.line, this.reason, lang);
  }
}

export interface LoadedConfig {
  file: string | null; dir: string; settings: Settings; isIgnored(path: string): boolean;
  /** The line of a top-level setting in the file, for an error found after loading (the playbook's). */
  lineOf?(key: keyof Settings): number;
}

/** Compiled on the first configuration file: a run without one (and --version) does not pay for it. */
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: false, allowUnionTypes: true }).compile(schema));

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The source offset of the value at a JSON pointer, for "line N" in messages. */
function offsetOf(doc: Document, pointer: string): number {
  let node: Node | null | undefined = doc.contents as Node;
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let offset = node?.range?.[0] ?? 0;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === part);
      offset = (pair?.key as Node | undefined)?.range?.[0] ?? offset;
      node = pair?.value as Node | undefined;
    } else if (isSeq(node)) {
      node = node.items[Number(part)] as Node | undefined;
      offset = node?.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

/** A property name that failed `propertyNames` (ajv puts it on the inner error), e.g. an unknown rule id. */
function badPropertyName(e: ErrorObject): string | undefined {
  return (e as ErrorObject & { propertyName?: string }).propertyName ?? (e.params as { propertyName?: string }).propertyName;
}

/** The JSON types a setting can have, as a person says them. */
const KINDS: Record<string, Record<Language, string>> = {
  string: { en: 'text', nl: 'tekst' }, array: { en: 'a list', nl: 'een lijst' }, object: { en: 'a set of settings', nl: 'een groep instellingen' },
  boolean: { en: 'true or false', nl: 'true of false' }, number: { en: 'a number', nl: 'een getal' }, integer: { en: 'a whole number', nl: 'een geheel getal' },
};

function describe(e: ErrorObject): SettingProblem {
  // '' is the whole file: said as "the configuration" / "de configuratie".
  const where = e.instancePath ? `“${e.instancePath.slice(1).replace(/\//g, '.')}”` : '';
  const badName = badPropertyName(e);
  if (badName !== undefined) {
    const guess = didYouMean(badName, schema.properties.rules.propertyNames.enum);
    return guess ? { id: 'unknown-rule-guess', values: { where, name: badName, guess } } : { id: 'unknown-rule', values: { where, name: badName } };
  }
  switch (e.keyword) {
    case 'additionalProperties': return { id: 'unknown-setting', values: { where, name: (e.params as { additionalProperty: string }).additionalProperty } };
    case 'enum': return { id: 'one-of', values: { where, allowed: (e.params as { allowedValues: unknown[] }).allowedValues.join(', ') } };
    case 'required': return { id: 'required', values: { where, name: (e.params as { missingProperty: string }).missingProperty } };
    case 'type': {
      const kind = KINDS[String((e.params as { type: unknown }).type)];
      if (kind) return { id: 'wrong-type', values: { where, kind } };
      return { id: 'invalid', values: { where, detail: e.message ?? 'is not valid' } };
    }
    default: return { id: 'invalid', values: { where, detail: e.message ?? 'is not valid' } };
  }
}

/**
 * What JSON.parse says is wrong, without the piece of the file it quotes (`Unexpected token 'S',
 * "{"a": SECRET}" is not valid JSON`): an error message never repeats what a file contains.
 */
function jsonProblem(message: string): string {
  const quote = message.indexOf(', "');
  const said = quote >= 0 && message.endsWith(' is not valid JSON') ? message.slice(0, quote) : message;
  return said.replace(/ in JSON at position \d+.*$/, '');
}

/** Parses and validates one configuration text; `null` for a package.json without a "clauselint" key. */
export function parseConfig(file: string, text: string): Settings | null {
  const isJson = file.endsWith('.json');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (isJson) {
    try { JSON.parse(text); } catch (err) {
      const m = /position (\d+)/.exec(String((err as Error).message));
      throw new ConfigError(file, m ? lineOf(text, Number(m[1])) : 1, { id: 'json', values: { detail: jsonProblem(String((err as Error).message)) } });
    }
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new ConfigError(file, lineOf(text, e.pos[0]), { id: 'yaml', values: { detail: e.message.split('\n')[0] } });
  }
  let data = doc.toJS() as unknown;
  let pointerBase = '';
  if (file.endsWith('package.json')) {
    if (!data || typeof data !== 'object' || !('clauselint' in (data as object))) return null;
    data = (data as Record<string, unknown>).clauselint;
    pointerBase = '/clauselint';
  }
  if (data === null || data === undefined) return {};
  const validate = validator();
  if (!validate(data)) {
    const e = validate.errors![0];
    // An unknown key or rule is reported on its own line, not on the line of the object holding it.
    const key = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty
      : badPropertyName(e);
    const pointer = pointerBase + e.instancePath + (key !== undefined ? `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` : '');
    throw new ConfigError(file, lineOf(text, offsetOf(doc, pointer)), describe(e));
  }
  normalizeSeverities(data as Settings);
  const problem = patternProblem(data as Settings) ?? playbookProblem(data as Settings);
  if (problem) throw new ConfigError(file, lineOf(text, offsetOf(doc, pointerBase + problem.pointer)), problem.message);
  return data as Settings;
}

/** What people type from ESLint and markdownlint habits: `warn`, `info`, and 0, 1, 2 (off, warning, error). */
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { warn: 'warning', info: 'information', 0: 'off', 1: 'warning', 2: 'error' };

function normalizeSeverities(settings: Settings): void {
  if (!settings.rules) return;
  for (const [id, value] of Object.entries(settings.rules)) settings.rules[id] = SEVERITY_ALIASES[String(value)] ?? value;
}

/** Limits on the patterns a configuration brings: they come from the workspace, and are matched in every file. */
export const MAX_PHRASE_LENGTH = 200;
export const MAX_PHRASE_WORDS = 24;
export const MAX_PHRASE_GAPS = 4;

/** What is wrong with a configuration's weak phrases or ignore globs, and where (a JSON pointer). */
function patternProblem(settings: Settings): { pointer: string; message: SettingProblem } | undefined {
  for (const [i, entry] of (settings.weakPhrases ?? []).entries()) {
    const where = `/weakPhrases/${i}/phrase`;
    const phrase = entry.phrase;
    const at = `weakPhrases.${i}.phrase`;
    if (phrase.length > MAX_PHRASE_LENGTH) return { pointer: where, message: { id: 'too-long', values: { where: at, max: MAX_PHRASE_LENGTH } } };
    const words = phrase.trim().split(/\s+/);
    if (words.length > MAX_PHRASE_WORDS) return { pointer: where, message: { id: 'too-many-words', values: { where: at, max: MAX_PHRASE_WORDS } } };
    const gaps = words.filter((w) => w === '...').length;
    if (gaps > MAX_PHRASE_GAPS) return { pointer: where, message: { id: 'too-many-gaps', values: { where: at, gaps, max: MAX_PHRASE_GAPS } } };
    if (words.every((w) => w === '...')) return { pointer: where, message: { id: 'only-gaps', values: { where: at } } };
  }
  for (const key of ['ignores', 'standardTexts'] as const) {
    for (const [i, glob] of (settings[key] ?? []).entries()) {
      try { compileGlob(glob); } catch (err) {
        if (!(err instanceof GlobError)) throw err;
        return { pointer: `/${key}/${i}`, message: { ...err.problem, values: { ...err.problem.values, where: `${key}.${i}` } } };
      }
    }
  }
  return undefined;
}

/**
 * The playbook folder comes from the workspace and its clauses go into contracts: it must lie inside the
 * configuration's folder, named by a relative path without `..` (a symbolic link out is refused on reading).
 */
function playbookProblem(settings: Settings): { pointer: string; message: SettingProblem } | undefined {
  const folder = settings.playbook;
  if (folder === undefined) return undefined;
  if (isAbsolute(folder) || /^[a-z]:|^[\\/]/i.test(folder) || folder.split(/[\\/]/).includes('..')) {
    return { pointer: '/playbook', message: { id: 'playbook-outside' } };
  }
  return undefined;
}

function load(file: string, text: string): LoadedConfig | null {
  const settings = parseConfig(file, text);
  if (!settings) return null;
  const dir = dirname(file);
  const matchers = (settings.ignores ?? []).map((g) => compileGlob(g));
  const base = file.endsWith('package.json') ? '/clauselint' : '';
  return {
    file, dir, settings,
    isIgnored: (path) => {
      const rel = relative(dir, resolve(path)).split(sep).join('/');
      return !rel.startsWith('..') && matchers.some((m) => m(rel));
    },
    lineOf: (key) => lineOf(text, offsetOf(parseDocument(text), `${base}/${key}`)),
  };
}

/**
 * A configuration as an untrusted workspace may apply it (VS Code's Restricted Mode): without what it
 * brings to run or to insert (weak-phrase patterns, ignore and standard-text globs, the playbook).
 */
export function restricted(config: LoadedConfig): LoadedConfig {
  const { weakPhrases: _w, ignores: _i, standardTexts: _s, playbook: _p, ...settings } = config.settings;
  return { ...config, settings, isIgnored: () => false };
}

const NONE = (dir: string): LoadedConfig => ({ file: null, dir, settings: {}, isIgnored: () => false });

/**
 * Finds configurations and remembers them per folder. The command keeps one for its whole run; the
 * language server clears its own when a configuration file is created, changed or deleted. A broken
 * file throws ConfigError and is not remembered, so a correction is seen at once.
 */
export class ConfigLookup {
  private readonly cache = new Map<string, LoadedConfig>();
  /** False in an untrusted workspace: then every configuration is found restricted(). */
  trusted = true;

  constructor(private readonly files: ConfigFileSystem = DISK) {}

  clear(): void { this.cache.clear(); }

  /** The configuration nearest to `path` (a file), or an explicit file given with --config. */
  readonly find = (path: string, explicit?: string): LoadedConfig => {
    const config = this.nearest(path, explicit);
    return this.trusted ? config : restricted(config);
  };

  private nearest(path: string, explicit?: string): LoadedConfig {
    if (explicit) {
      const file = resolve(explicit);
      if (!this.cache.has(file)) {
        if (!this.files.exists(file)) throw new ConfigError(explicit, 1, { id: 'not-found' });
        this.cache.set(file, load(file, this.files.read(file)) ?? NONE(dirname(file)));
      }
      return this.cache.get(file)!;
    }
    let dir = dirname(resolve(path));
    const visited: string[] = [];
    for (;;) {
      const hit = this.cache.get(dir);
      if (hit) return this.remember(visited, hit);
      visited.push(dir);
      for (const name of CONFIG_FILES) {
        const file = join(dir, name);
        if (!this.files.exists(file)) continue;
        const loaded = load(file, this.files.read(file));
        if (loaded) return this.remember(visited, loaded);
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return this.remember(visited, NONE(dirname(resolve(path))));
  }

  private remember(dirs: string[], config: LoadedConfig): LoadedConfig {
    for (const d of dirs) this.cache.set(d, config);
    return config;
  }
}

const commandLookup = new ConfigLookup();

/** The configuration nearest to `path`, remembered for the life of the process (the command line). */
export function configFor(path: string, explicit?: string): LoadedConfig {
  return commandLookup.find(path, explicit);
}
