/** The --fix round trip on one contract: fix, lint again, fix again. Used by the tests and the note's figures. */
import { analyze } from '../../server/src/engine/analyze.js';
import { applyEdits, fixAllEdits } from '../../server/src/engine/fixes.js';
import { keepsWords, wordsOf } from '../../server/src/engine/completions.js';
import type { Settings } from '../../server/src/engine/types.js';

export interface RoundTrip {
  missingBefore: string[];
  stillMissing: string[];
  /** Original lines that a completion added words to (every word kept). */
  changedLines: number;
  /** Original lines not found, in order, in the fixed text, not even with words added. */
  linesLost: string[];
  secondFixEdits: number;
  fixed: string;
}

export function roundTrip(text: string, settings: Settings = {}): RoundTrip {
  const before = analyze(text, settings);
  const missingBefore = Object.entries(before.topics).filter(([, t]) => t.status === 'missing').map(([id]) => id);
  const fixed = applyEdits(text, fixAllEdits(before.fixContext, before.findings));
  const after = analyze(fixed, settings);
  const stillMissing = missingBefore.filter((id) => after.topics[id as keyof typeof after.topics].status === 'missing');
  // Every original line is still there, in order; a line that a completion added words to is counted apart.
  const newLines = fixed.split(/\r?\n/);
  let j = 0;
  const linesLost: string[] = [];
  let changedLines = 0;
  for (const line of text.split(/\r?\n/)) {
    const k = newLines.indexOf(line, j);
    if (k >= 0) { j = k + 1; continue; }
    const grown = newLines.findIndex((l, i) => i >= j && keepsWords(line, l) && wordsOf(l).length > wordsOf(line).length);
    if (grown >= 0) { j = grown + 1; changedLines++; continue; }
    linesLost.push(line);
  }
  const second = fixAllEdits(after.fixContext, after.findings);
  return { missingBefore, stillMissing, changedLines, linesLost, secondFixEdits: second.length, fixed };
}
