/** Reads the fixture contracts and compares the engine's verdict with the one written beside each. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { analyze, applicableTopics } from '../../server/src/engine/analyze.js';
import { TOPIC_IDS, type TopicStatus } from '../../server/src/engine/types.js';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface Expectation {
  language?: string;
  type?: string;
  typeSource?: string;
  topics?: Record<string, TopicStatus>;
  rules?: string[];
  noRules?: string[];
}

export interface Mismatch { what: string; expected: string; actual: string }

export function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const lang of ['en', 'nl']) {
    const dir = join(FIXTURE_DIR, lang);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.md')) out.push(join(dir, f));
  }
  return out;
}

export function readExpectation(text: string): Expectation {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) throw new Error('fixture has no front matter');
  const data = parseYaml(m[1]) as { expect?: Expectation };
  if (!data.expect) throw new Error('fixture front matter has no expect:');
  return data.expect;
}

/** Every difference between the expected verdict and the engine's. */
export function compareFixture(path: string): { mismatches: Mismatch[]; topicsChecked: number; topicsRight: number } {
  const text = readFileSync(path, 'utf8');
  const expect = readExpectation(text);
  const result = analyze(text);
  const mismatches: Mismatch[] = [];
  const check = (what: string, expected: unknown, actual: unknown) => {
    if (expected !== undefined && expected !== actual) mismatches.push({ what, expected: String(expected), actual: String(actual) });
  };
  check('language', expect.language, result.language);
  check('type', expect.type, result.type);
  check('typeSource', expect.typeSource, result.typeSource);
  const applicable = applicableTopics(result.type, result.regimes);
  let topicsChecked = 0, topicsRight = 0;
  for (const id of TOPIC_IDS) {
    const expected = expect.topics?.[id] ?? (applicable.has(id) ? 'missing' : 'not-applicable');
    const actual = result.topics[id].status;
    topicsChecked++;
    if (expected === actual) topicsRight++;
    else mismatches.push({ what: `topic ${id}`, expected, actual: `${actual}${result.topics[id].evidence[0] ? ` («${result.topics[id].evidence[0].text.slice(0, 90)}»)` : ''}` });
  }
  const ruleIds = new Set(result.findings.map((f) => f.ruleId));
  for (const r of expect.rules ?? []) if (!ruleIds.has(r)) mismatches.push({ what: `rule ${r}`, expected: 'reported', actual: 'not reported' });
  for (const r of expect.noRules ?? []) if (ruleIds.has(r)) {
    const f = result.findings.find((x) => x.ruleId === r)!;
    mismatches.push({ what: `rule ${r}`, expected: 'not reported', actual: f.message.slice(0, 120) });
  }
  return { mismatches, topicsChecked, topicsRight };
}
