/**
 * How often the engine's verdicts agree with people's, in one run: the fixtures (regression, not
 * evidence), the lawyer's labels of real contracts in ../shared/corpus/open/labels.json (the
 * `declare: true` files linted with their type, as a user would declare it), the confusion of
 * present/weak/missing, type accuracy, CUAD dev liability precision and recall, and a second reader:
 * the engineers' labels of the 12 open contracts the lawyer left out (second-reader-labels.json,
 * labelled before the engine was run on them), scored the same way.
 * Run: npm run eval [-- --list] (the corpus parts skip when ../shared/corpus is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../server/src/engine/analyze.js';
import { TOPIC_IDS, type ContractType, type TopicStatus } from '../../server/src/engine/types.js';
import { compareFixture, fixtureFiles } from '../support/fixtures.js';
import { CORPUS } from './corpus.js';
import { evaluateCuadLiability } from './cuad-liability.js';

interface Label { language: string; type: ContractType; declare: boolean; topics: Record<string, TopicStatus>; notes?: Record<string, string> }

/** Agreement of the engine with one set of labels; `listing` holds the --list lines, per contract. */
interface Score { files: number; topics: number; right: number; typed: number; typeRight: number; confusion: Map<string, number>; listing: string[] }

const STATUSES: TopicStatus[] = ['present', 'weak', 'missing', 'not-applicable'];
const list = process.argv.includes('--list');
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const OPEN = join(CORPUS, 'open');

/** Reads a labels file; keys starting with '_' (such as '_about') describe the file and are no contract. */
function readLabels(path: string): Record<string, Label> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([name]) => !name.startsWith('_'))) as Record<string, Label>;
}

/** Lints each labelled contract of `dir` (with its type when the label declares it) and compares every labelled topic and the inferred type. */
function score(labels: Record<string, Label>, dir: string, labeller: string): Score {
  const s: Score = { files: 0, topics: 0, right: 0, typed: 0, typeRight: 0, confusion: new Map(), listing: [] };
  for (const [name, label] of Object.entries(labels)) {
    const result = analyze(readFileSync(join(dir, name), 'utf8'), label.declare ? { type: label.type } : {});
    s.files++;
    if (!label.declare) { s.typed++; if (result.type === label.type) s.typeRight++; }
    const wrong: string[] = [];
    for (const id of TOPIC_IDS) {
      const expected = label.topics[id], actual = result.topics[id].status;
      if (!expected) continue;
      s.topics++;
      s.confusion.set(`${expected}>${actual}`, (s.confusion.get(`${expected}>${actual}`) ?? 0) + 1);
      if (expected === actual) s.right++;
      else wrong.push(`  ${id}: ${labeller} ${expected}, engine ${actual}${result.topics[id].evidence[0] ? ` «${result.topics[id].evidence[0].text.slice(0, 110)}»` : ''}${label.notes?.[id] ? `\n      note: ${label.notes[id].slice(0, 200)}` : ''}`);
    }
    if (wrong.length || result.type !== label.type) {
      s.listing.push(`\n${name} (${label.language}; type ${label.type}${label.declare ? ' declared' : `, engine ${result.type}`})`, ...wrong);
    }
  }
  return s;
}

/** The confusion of statuses (rows: the labeller's, columns: the engine's) and the F1 of present, weak and missing. */
function printConfusion(s: Score, labeller: string): void {
  console.log(`confusion (rows: ${labeller}, columns: engine):`);
  console.log(`  ${''.padEnd(15)}${STATUSES.map((st) => st.padStart(15)).join('')}`);
  for (const e of STATUSES) console.log(`  ${e.padEnd(15)}${STATUSES.map((a) => String(s.confusion.get(`${e}>${a}`) ?? 0).padStart(15)).join('')}`);
  const f1 = (status: TopicStatus) => {
    const tp = s.confusion.get(`${status}>${status}`) ?? 0;
    const predicted = STATUSES.reduce((n, e) => n + (s.confusion.get(`${e}>${status}`) ?? 0), 0);
    const actual = STATUSES.reduce((n, a) => n + (s.confusion.get(`${status}>${a}`) ?? 0), 0);
    return predicted && actual && tp ? (2 * tp) / (predicted + actual) : 0;
  };
  console.log(`  F1: present ${f1('present').toFixed(2)}, weak ${f1('weak').toFixed(2)}, missing ${f1('missing').toFixed(2)}`);
}

const summary = (s: Score) =>
  `topic status ${s.right}/${s.topics} right (${pct(s.right, s.topics)}); type ${s.typeRight}/${s.typed} right where inferred (${pct(s.typeRight, s.typed)})`;

let fixtureTopics = 0, fixtureRight = 0;
for (const file of fixtureFiles()) {
  const r = compareFixture(file);
  fixtureTopics += r.topicsChecked; fixtureRight += r.topicsRight;
}
console.log(`fixtures: topic status ${fixtureRight}/${fixtureTopics} right (${pct(fixtureRight, fixtureTopics)})`);

const labelsPath = join(OPEN, 'labels.json');
if (!existsSync(labelsPath)) {
  console.log('skipped: ../shared/corpus is not here (open labels and CUAD)');
  console.log('second reader: skipped: ../shared/corpus/open is not here');
  process.exit(0);
}

const open = score(readLabels(labelsPath), OPEN, 'lawyer');
if (list) for (const line of open.listing) console.log(line);
console.log(`open labels (${open.files} real contracts): ${summary(open)}`);
printConfusion(open, 'lawyer');

const cuad = evaluateCuadLiability();
console.log(`CUAD dev, liability clause exists: precision ${pct(cuad.tp, cuad.tp + cuad.fp)}, recall ${pct(cuad.tp, cuad.tp + cuad.fn)}, F1 ${(100 * cuad.f1).toFixed(1)}% (tp ${cuad.tp}, fp ${cuad.fp}, fn ${cuad.fn}, tn ${cuad.tn})`);

const secondLabels = readLabels(join(dirname(fileURLToPath(import.meta.url)), 'second-reader-labels.json'));
const absent = Object.keys(secondLabels).find((name) => !existsSync(join(OPEN, name)));
if (absent) {
  console.log(`second reader: skipped: ${absent} is not in ../shared/corpus/open`);
} else {
  const second = score(secondLabels, OPEN, 'engineers');
  if (list) for (const line of second.listing) console.log(line);
  console.log(`second reader (${second.files} real contracts, engineers' labels): ${summary(second)}`);
  printConfusion(second, 'engineers');
}
