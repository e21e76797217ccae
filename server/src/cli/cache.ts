/**
 * `--cache`, as ESLint's: a file whose text, effective configuration and Clauselint version are those
 * of the last run is not analysed again; its report entry comes from the cache file. The text is
 * compared by its hash (not its modification time: a checkout or a copy changes the time, not the words).
 * The file keeps the entries of the last run only; a cache that cannot be read is started afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FileEntry, FileJob } from './entry.js';
import { writeAtomically } from './main.js';

export const DEFAULT_CACHE_FILE = '.clauselintcache';

/** What a file's entry is kept under: the hashes of its text and of everything else its analysis depends on. */
export interface CacheKey { content: string; config: string }
interface CachedFile extends CacheKey { entry: FileEntry }
interface CacheData { version: string; files: Record<string, CachedFile> }

const hash = (text: string): string => createHash('sha1').update(text).digest('base64');

/** --cache-location: a file, or a folder (one that exists, or a path ending in a slash) to hold .clauselintcache. */
export function cacheFile(location: string | undefined, cwd: string): string {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (existsSync(path) && statSync(path).isDirectory());
  return isFolder ? join(path, DEFAULT_CACHE_FILE) : path;
}

export class LintCache {
  private readonly previous: Record<string, CachedFile>;
  private readonly next: Record<string, CachedFile> = {};
  /** Whether this run analysed a file: else, with the same files as the last run, the cache file stays as it is. */
  private analysed = false;

  constructor(private readonly file: string, private readonly version: string) {
    this.previous = readCache(file, version);
  }

  /** What a file's analysis depends on besides its text: everything the job carries. */
  private static configKey(job: Omit<FileJob, 'text'>): string {
    return hash(JSON.stringify([job.settings, job.options, job.reportUnusedDirectives]));
  }

  keyOf(job: FileJob): CacheKey {
    return { content: hash(job.text), config: LintCache.configKey(job) };
  }

  /** The entry of the last run for this file, text and configuration (kept for the next); undefined when it must be analysed. */
  find(path: string, key: CacheKey): FileEntry | undefined {
    const hit = this.previous[path];
    if (!hit || hit.content !== key.content || hit.config !== key.config || !isEntry(hit.entry)) return undefined;
    this.next[path] = hit;
    return hit.entry;
  }

  store(path: string, key: CacheKey, entry: FileEntry): void {
    // The file is JSON, which writes a typed array as an object of numbered keys.
    this.next[path] = { ...key, entry: { ...entry, lineStarts: Array.from(entry.lineStarts) } };
    this.analysed = true;
  }

  /**
   * Writes the entries of this run, unless they are the last run's (a warm run over the same files writes
   * nothing: rewriting the cache was a tenth of its time); a cache that cannot be written is one line, and the run goes on.
   */
  save(warn: (problem: string) => void): void {
    if (!this.analysed && Object.keys(this.next).length === Object.keys(this.previous).length) return;
    const data: CacheData = { version: this.version, files: this.next };
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeAtomically(this.file, JSON.stringify(data));
    } catch (err) {
      warn(`cannot write the cache ${this.file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
}

function readCache(file: string, version: string): Record<string, CachedFile> {
  let data: Partial<CacheData> | null;
  try { data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheData>; } catch { return {}; }
  if (!data || data.version !== version || typeof data.files !== 'object' || data.files === null) return {};
  return data.files;
}

/** A cache file edited by hand or by another tool: an entry without the shape is analysed again. */
function isEntry(entry: unknown): entry is FileEntry {
  const e = entry as Partial<FileEntry> | null;
  return Boolean(e && Array.isArray(e.lineStarts) && e.result && Array.isArray(e.result.findings) && e.result.topics && typeof e.result.topics === 'object');
}
