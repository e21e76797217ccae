/** The statuses' icons, colours and words, shared by the HTML and Markdown reports (no Node imports: the web worker uses it). */
import type { ItemStatus } from '../engine/checklists.js';
import type { Language, TopicStatus } from '../engine/types.js';
import { s } from './strings.js';

export type Mark = TopicStatus | ItemStatus;

/** Foreground and background of each status (WCAG AA: at least 4.5:1; the unit tests check it), and its icon. */
export const PALETTE: Record<Mark, { fg: string; bg: string; icon: string }> = {
  present: { fg: '#0b5d1e', bg: '#e3f3e7', icon: '✓' },
  met: { fg: '#0b5d1e', bg: '#e3f3e7', icon: '✓' },
  weak: { fg: '#6b4500', bg: '#fff1cc', icon: '!' },
  'partly-met': { fg: '#6b4500', bg: '#fff1cc', icon: '◐' },
  missing: { fg: '#9b1c1c', bg: '#fde8e8', icon: '✗' },
  'not-met': { fg: '#9b1c1c', bg: '#fde8e8', icon: '✗' },
  'not-applicable': { fg: '#4a4a4a', bg: '#f1f1f1', icon: '–' },
  'not-checked': { fg: '#24457a', bg: '#e9eff8', icon: '?' },
};
/** Body text, muted text and links on white. */
export const TEXT = { fg: '#1b1b1b', muted: '#545454', link: '#0b4f9c', bg: '#ffffff', border: '#8a8a8a' };

const ITEM_MARKS: readonly Mark[] = ['met', 'partly-met', 'not-met', 'not-checked'];

export function markLabel(lang: Language, mark: Mark): string {
  return s(lang, ITEM_MARKS.includes(mark) ? `item.${mark as ItemStatus}` : `status.${mark as TopicStatus}`);
}

export type Change = 'better' | 'worse' | 'unchanged';

/** How good a status is; null: it does not count (not applicable, not checked). */
const RANK: Record<Mark, number | null> = { missing: 0, weak: 1, present: 2, 'not-applicable': null, 'not-met': 0, 'partly-met': 1, met: 2, 'not-checked': null };

/** A status before and after: better, worse, or unchanged (also when either does not count). */
export function statusChange(before: Mark, after: Mark): Change {
  const a = RANK[before], b = RANK[after];
  if (a === null || b === null || a === b) return 'unchanged';
  return b > a ? 'better' : 'worse';
}
