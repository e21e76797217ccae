/** For each mismatched topic of a pending fixture: every evidence line and the engine's findings on it. `node --import tsx test/fixtures-pending/details.ts FILE...` */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../../server/src/engine/analyze.js';
import { compareFixture } from '../support/fixtures.js';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const lineOf = (off: number) => text.slice(0, off).split('\n').length;
  const r = analyze(text);
  const { mismatches } = compareFixture(file);
  console.log(`\n== ${basename(file)} (type ${r.type}, ${r.typeSource})`);
  for (const m of mismatches) {
    console.log(`  ${m.what}: expected ${m.expected}, got ${m.actual.split(' («')[0]}`);
    const id = m.what.startsWith('topic ') ? m.what.slice(6) : null;
    if (!id) continue;
    for (const e of (r.topics as any)[id].evidence) console.log(`     evidence L${lineOf(e.span.start)}: ${e.text.slice(0, 140)}`);
    for (const f of r.findings.filter((f) => f.topic === id)) console.log(`     finding L${lineOf(f.span.start)} [${f.messageId}] «${text.slice(f.span.start, f.span.end).slice(0, 60)}» ${f.message.slice(0, 160)}`);
  }
  const other = r.findings.filter((f) => !f.topic);
  for (const f of other) console.log(`  doc finding L${lineOf(f.span.start)} ${f.ruleId}: ${f.message.slice(0, 140)}`);
}
