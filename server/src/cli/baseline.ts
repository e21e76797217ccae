/**
 * `--baseline previous.json`: an earlier run (`--format json`, `--format sarif` or `clauselint report
 * --format json`) to compare with, so that CI shows only what a change made worse. A finding is
 * unchanged when the earlier run has the same rule, topic and message for that file (lines may move);
 * updated when it has the same rule and topic with another message (the clause changed but is still
 * short); new otherwise. What the earlier run had and this one lacks is absent: fixed, or gone.
 */
import { readFileSync } from 'node:fs';
import type { FileResult } from '../engine/report.js';
import type { Finding, TopicId, TopicStatus } from '../engine/types.js';
import type { EarlierRun } from '../report/model.js';
import { UsageError } from './files.js';
import { inBoth } from './strings.js';

export type BaselineState = 'new' | 'unchanged' | 'updated' | 'absent';

export interface BaselineFinding { path: string; ruleId: string; topic: string | null; message: string; line: number }

export interface Baseline {
  /** False for a report's JSON, which has no findings to compare. */
  hasFindings: boolean;
  findings: BaselineFinding[];
  /** Per file, the topics' statuses in the earlier run (not in SARIF, which has findings only). */
  topics: Map<string, Partial<Record<TopicId, TopicStatus>>>;
}

const slash = (p: string) => p.split('\\').join('/');

interface SarifResult { ruleId?: string; message?: { text?: string }; properties?: { topic?: string }; baselineState?: string;
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[] }

/** Reads an earlier run; a file that is none of the three shapes is a usage error, not a crash. */
export function readBaseline(file: string, shown = file): Baseline {
  let data: unknown;
  try { data = JSON.parse(readFileSync(file, 'utf8')); } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(e.code ? inBoth('baseline.unreadable', { file: shown, code: e.code }) : inBoth('baseline.notJson', { file: shown }));
  }
  const d = data as {
    runs?: { results?: SarifResult[] }[];
    files?: { path: string; topics?: Record<string, { status: TopicStatus }>; diagnostics?: { ruleId: string; topic: string | null; message: string; line: number }[] }[];
    contracts?: { path: string; topics?: { id: string; status: TopicStatus }[] }[];
  };
  const baseline: Baseline = { hasFindings: !Array.isArray(d?.contracts), findings: [], topics: new Map() };
  if (Array.isArray(d?.runs)) {
    for (const r of d.runs.flatMap((run) => run.results ?? [])) {
      if (r.baselineState === 'absent') continue;
      const at = r.locations?.[0]?.physicalLocation;
      baseline.findings.push({ path: slash(at?.artifactLocation?.uri ?? ''), ruleId: r.ruleId ?? '', topic: r.properties?.topic ?? null, message: r.message?.text ?? '', line: at?.region?.startLine ?? 1 });
    }
  } else if (Array.isArray(d?.files)) {
    for (const f of d.files) {
      for (const g of f.diagnostics ?? []) baseline.findings.push({ path: slash(f.path), ruleId: g.ruleId, topic: g.topic, message: g.message, line: g.line });
      if (f.topics) baseline.topics.set(slash(f.path), Object.fromEntries(Object.entries(f.topics).map(([id, t]) => [id, t.status])) as Partial<Record<TopicId, TopicStatus>>);
    }
  } else if (Array.isArray(d?.contracts)) {
    for (const c of d.contracts) baseline.topics.set(slash(c.path), Object.fromEntries((c.topics ?? []).map((t) => [t.id, t.status])) as Partial<Record<TopicId, TopicStatus>>);
  } else {
    throw new UsageError(inBoth('baseline.notARun', { file: shown }));
  }
  return baseline;
}

export interface BaselineComparison {
  /** The state of each finding of this run. */
  states: Map<Finding, Exclude<BaselineState, 'absent'>>;
  /** The earlier run's findings that this run no longer has, for the files it checked. */
  absent: BaselineFinding[];
}

/** Each finding of this run against the earlier one, file by file. */
export function compareWithBaseline(files: FileResult[], baseline: Baseline): BaselineComparison {
  const states = new Map<Finding, Exclude<BaselineState, 'absent'>>();
  const absent: BaselineFinding[] = [];
  const byPath = new Map<string, BaselineFinding[]>();
  for (const f of baseline.findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
  for (const file of files) {
    const earlier = [...(byPath.get(slash(file.path)) ?? [])];
    const take = (match: (b: BaselineFinding) => boolean): boolean => {
      const i = earlier.findIndex(match);
      if (i < 0) return false;
      earlier.splice(i, 1);
      return true;
    };
    const rest: Finding[] = [];
    for (const f of file.result.findings) {
      if (take((b) => b.ruleId === f.ruleId && b.topic === f.topic && b.message === f.message)) states.set(f, 'unchanged');
      else rest.push(f);
    }
    for (const f of rest) states.set(f, take((b) => b.ruleId === f.ruleId && b.topic === f.topic) ? 'updated' : 'new');
    absent.push(...earlier);
  }
  return { states, absent };
}

/** The earlier run's findings that are gone from one file of this run. */
export function absentFrom(comparison: BaselineComparison, path: string): BaselineFinding[] {
  return comparison.absent.filter((a) => a.path === slash(path));
}

/** The files with only the findings the baseline did not have (new) or had otherwise (updated). */
export function newSinceBaseline(files: FileResult[], comparison: BaselineComparison): FileResult[] {
  return files.map((file) => ({ ...file, result: { ...file.result, findings: file.result.findings.filter((f) => comparison.states.get(f) !== 'unchanged') } }));
}

/** One contract in the earlier run, for the review report; null when that run did not have it. */
export function earlierRun(file: FileResult, baseline: Baseline): EarlierRun | null {
  const path = slash(file.path);
  const topics = baseline.topics.get(path);
  if (!topics && !baseline.findings.some((f) => f.path === path)) return null;
  if (!baseline.hasFindings) return { topics };
  const { states, absent } = compareWithBaseline([file], baseline);
  const count = (state: BaselineState) => [...states.values()].filter((s) => s === state).length;
  return { topics, findings: { new: count('new'), updated: count('updated'), absent: absent.length } };
}
