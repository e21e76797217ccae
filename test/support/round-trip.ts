/** The --fix round trip on one contract: fix, lint again, fix again. Used by the tests and the note's figures. */
import { analyze } from '../../server/src/engine/analyze.js';
import { applyEdits, fixAllEdits } from '../../server/src/engine/fixes.js';
import type { Settings } from '../../server/src/engine/types.js';

export interface RoundTrip {
  missingBefore: string[];
  stillMissing: string[];
  /** Original lines not found, in order, in the fixed text (lines whose weak phrase was completed). */
  changedLines: number;
  linesLost: string[];
  secondFixEdits: number;
  fixed: string;
}

export function roundTrip(text: string, settings: Settings = {}): RoundTrip {
  const before = analyze(text, settings);
  const missingBefore = Object.entries(before.topics).filter(([, t]) => t.status === 'missing').map(([id]) => id);
  const replaced = new Set<number>();
  for (const e of fixAllEdits(before.fixContext, before.findings)) {
    if (e.span.end === e.span.start) continue;
    for (let l = before.model.lines.lineOf(e.span.start); l <= before.model.lines.lineOf(e.span.end); l++) replaced.add(l);
  }
  const fixed = applyEdits(text, fixAllEdits(before.fixContext, before.findings));
  const after = analyze(fixed, settings);
  const stillMissing = missingBefore.filter((id) => after.topics[id as keyof typeof after.topics].status === 'missing');
  // Every original line is still there, in order; a line whose weak phrase was completed is counted apart.
  const newLines = fixed.split(/\r?\n/);
  let j = 0;
  const linesLost: string[] = [];
  let changedLines = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    const k = newLines.indexOf(line, j);
    if (k >= 0) { j = k + 1; return; }
    if (replaced.has(i)) { changedLines++; return; }
    linesLost.push(line);
  });
  const second = fixAllEdits(after.fixContext, after.findings);
  return { missingBefore, stillMissing, changedLines, linesLost, secondFixEdits: second.length, fixed };
}
