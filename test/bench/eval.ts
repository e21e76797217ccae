/**
 * How often the engine's verdicts agree with people's, in one run: the fixtures (regression, not
 * evidence), the lawyer's labels of real contracts in ../shared/corpus/open/labels.json (the
 * `declare: true` files linted with their type, as a user would declare it), the confusion of
 * present/weak/missing, type accuracy, and CUAD dev liability precision and recall.
 * Run: npm run eval [-- --list] (the corpus parts skip when ../shared/corpus is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze.js';
import { TOPIC_IDS, type ContractType, type TopicStatus } from '../../server/src/engine/types.js';
import { compareFixture, fixtureFiles } from '../support/fixtures.js';
import { CORPUS } from './corpus.js';
import { evaluateCuadLiability } from './cuad-liability.js';

interface OpenLabel { language: string; type: ContractType; declare: boolean; topics: Record<string, TopicStatus>; notes?: Record<string, string> }

const list = process.argv.includes('--list');
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

let fixtureTopics = 0, fixtureRight = 0;
for (const file of fixtureFiles()) {
  const r = compareFixture(file);
  fixtureTopics += r.topicsChecked; fixtureRight += r.topicsRight;
}
console.log(`fixtures: topic status ${fixtureRight}/${fixtureTopics} right (${pct(fixtureRight, fixtureTopics)})`);

const labelsPath = join(CORPUS, 'open', 'labels.json');
if (!existsSync(labelsPath)) {
  console.log('skipped: ../shared/corpus is not here (open labels and CUAD)');
  process.exit(0);
}

const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, OpenLabel>;
const STATUSES: TopicStatus[] = ['present', 'weak', 'missing', 'not-applicable'];
const confusion = new Map<string, number>();
let topics = 0, right = 0, typeRight = 0, typed = 0, files = 0;
for (const [name, label] of Object.entries(labels)) {
  const text = readFileSync(join(CORPUS, 'open', name), 'utf8');
  const result = analyze(text, label.declare ? { type: label.type } : {});
  files++;
  if (!label.declare) { typed++; if (result.type === label.type) typeRight++; }
  const wrong: string[] = [];
  for (const id of TOPIC_IDS) {
    const expected = label.topics[id], actual = result.topics[id].status;
    if (!expected) continue;
    topics++;
    confusion.set(`${expected}>${actual}`, (confusion.get(`${expected}>${actual}`) ?? 0) + 1);
    if (expected === actual) right++;
    else wrong.push(`  ${id}: lawyer ${expected}, engine ${actual}${result.topics[id].evidence[0] ? ` «${result.topics[id].evidence[0].text.slice(0, 110)}»` : ''}${label.notes?.[id] ? `\n      note: ${label.notes[id].slice(0, 200)}` : ''}`);
  }
  if (list && (wrong.length || result.type !== label.type)) {
    console.log(`\n${name} (${label.language}; type ${label.type}${label.declare ? ' declared' : `, engine ${result.type}`})`);
    for (const w of wrong) console.log(w);
  }
}
console.log(`open labels (${files} real contracts): topic status ${right}/${topics} right (${pct(right, topics)}); type ${typeRight}/${typed} right where inferred (${pct(typeRight, typed)})`);
console.log('confusion (rows: lawyer, columns: engine):');
console.log(`  ${''.padEnd(15)}${STATUSES.map((s) => s.padStart(15)).join('')}`);
for (const e of STATUSES) console.log(`  ${e.padEnd(15)}${STATUSES.map((a) => String(confusion.get(`${e}>${a}`) ?? 0).padStart(15)).join('')}`);
const f1 = (status: TopicStatus) => {
  const tp = confusion.get(`${status}>${status}`) ?? 0;
  const predicted = STATUSES.reduce((n, e) => n + (confusion.get(`${e}>${status}`) ?? 0), 0);
  const actual = STATUSES.reduce((n, a) => n + (confusion.get(`${status}>${a}`) ?? 0), 0);
  return predicted && actual && tp ? (2 * tp) / (predicted + actual) : 0;
};
console.log(`  F1: present ${f1('present').toFixed(2)}, weak ${f1('weak').toFixed(2)}, missing ${f1('missing').toFixed(2)}`);

const cuad = evaluateCuadLiability();
console.log(`CUAD dev, liability clause exists: precision ${pct(cuad.tp, cuad.tp + cuad.fp)}, recall ${pct(cuad.tp, cuad.tp + cuad.fn)}, F1 ${(100 * cuad.f1).toFixed(1)}% (tp ${cuad.tp}, fp ${cuad.fp}, fn ${cuad.fn}, tn ${cuad.tn})`);
