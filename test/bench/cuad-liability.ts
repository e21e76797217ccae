/**
 * Precision and recall of "a liability clause exists" (liability not missing, with type other) against
 * CUAD's lawyers' labels "Cap On Liability" or "Uncapped Liability", on the dev split.
 * Run: npm run eval:cuad (skips when ../shared/corpus is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze.js';
import { CORPUS } from './corpus.js';

interface Labels { dev: Record<string, { categories: Record<string, { present: boolean }> }> }

export function evaluateCuadLiability(limit = Infinity) {
  const labels = JSON.parse(readFileSync(join(CORPUS, 'cuad', 'labels.json'), 'utf8')) as Labels;
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const misses: string[] = [], falseAlarms: string[] = [];
  for (const [name, entry] of Object.entries(labels.dev).slice(0, limit)) {
    const path = join(CORPUS, 'cuad', 'contracts', name);
    if (!existsSync(path)) continue;
    const truth = Boolean(entry.categories['Cap On Liability']?.present || entry.categories['Uncapped Liability']?.present);
    const found = analyze(readFileSync(path, 'utf8'), { type: 'other' }).topics.liability.status !== 'missing';
    if (truth && found) tp++; else if (!truth && found) { fp++; falseAlarms.push(name); } else if (truth) { fn++; misses.push(name); } else tn++;
  }
  const precision = tp / (tp + fp), recall = tp / (tp + fn);
  return { tp, fp, fn, tn, precision, recall, f1: (2 * precision * recall) / (precision + recall), misses, falseAlarms };
}

if (process.argv[1]?.endsWith('cuad-liability.ts')) {
  if (!existsSync(CORPUS)) { console.log('skipped: ../shared/corpus is not here'); process.exit(0); }
  const r = evaluateCuadLiability();
  console.log(`CUAD dev, liability clause exists: precision ${(100 * r.precision).toFixed(1)}%, recall ${(100 * r.recall).toFixed(1)}%, F1 ${(100 * r.f1).toFixed(1)}% (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}, tn ${r.tn})`);
  if (process.argv.includes('--list')) console.log('missed:', r.misses.slice(0, 15), '\nfalse alarms:', r.falseAlarms.slice(0, 15));
}
