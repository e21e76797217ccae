import { toEnd, type Steps } from './steps.js';

/**
 * The offset at which each line starts. Four bytes a line in a typed array: a JS array of numbers took
 * 400 MB for the 20 million lines of 19.9 MB of blank lines (the size limit allows them), and growing it
 * cost seconds.
 */
export type LineStarts = Uint32Array;

/** Lines found between two steps: some 5 ms of blank lines. */
const LINES_PER_STEP = 100_000;

/**
 * The line starts of a text, with a step after every LINES_PER_STEP lines: the language server must
 * answer requests while a 20 MB text is indexed. indexOf searches natively: several times faster than a
 * loop over every character, on every edit.
 */
export function* lineStartsStepwise(text: string): Steps<LineStarts> {
  // Room for a line every 16 characters (contracts average 35), then for the most a text can have, a
  // line per character and one more: memory that is never written is never touched (the system zeroes
  // it lazily), so only the lines found cost memory, and no array is copied more than once.
  let room = new Uint32Array(Math.min(text.length + 1, 1024 + (text.length >> 4)));
  let n = 1, untilStep = LINES_PER_STEP;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (n === room.length) {
      const all = new Uint32Array(text.length + 1);
      all.set(room);
      room = all;
    }
    room[n++] = i + 1;
    if (--untilStep === 0) { untilStep = LINES_PER_STEP; yield; }
  }
  // A text of few lines keeps a copy of their size, not the whole room.
  return n * 2 > room.length ? room.subarray(0, n) : room.slice(0, n);
}

/** Converts offsets to 1-based lines and columns; works for LF and CRLF alike. */
export class LineIndex {
  private readonly starts: LineStarts;

  /** `starts`, when found beforehand (lineStartsStepwise), are those of `text`. */
  constructor(readonly text: string, starts?: LineStarts) {
    this.starts = starts ?? toEnd(lineStartsStepwise(text));
  }

  get lineCount(): number { return this.starts.length; }

  /** 0-based line of an offset. */
  lineOf(offset: number): number { return lineAt(this.starts, offset); }

  /** 1-based line and column, as the CLI and JSON output use them. */
  position(offset: number): { line: number; column: number } { return positionAt(this.starts, offset); }

  /** The offset at which each line starts: all a report needs to turn offsets into lines and columns. */
  get lineStarts(): LineStarts { return this.starts; }

  lineStart(line0: number): number { return this.starts[Math.min(line0, this.starts.length - 1)]; }

  /** End of a 0-based line, before its line break. */
  lineEnd(line0: number): number {
    const next = line0 + 1 < this.starts.length ? this.starts[line0 + 1] - 1 : this.text.length;
    return next > 0 && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }
}

/** Lines and columns from the lines' start offsets alone, without the text: what a report entry keeps. */
export class LinePositions {
  constructor(readonly starts: ArrayLike<number>) {}
  position(offset: number): { line: number; column: number } { return positionAt(this.starts, offset); }
}

function lineAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function positionAt(starts: ArrayLike<number>, offset: number): { line: number; column: number } {
  const line = lineAt(starts, offset);
  return { line: line + 1, column: offset - starts[line] + 1 };
}
