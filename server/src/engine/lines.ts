/** Converts offsets to 1-based lines and columns; works for LF and CRLF alike. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // indexOf searches natively: several times faster than a loop over every character, on every edit.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number { return this.starts.length; }

  /** 0-based line of an offset. */
  lineOf(offset: number): number { return lineAt(this.starts, offset); }

  /** 1-based line and column, as the CLI and JSON output use them. */
  position(offset: number): { line: number; column: number } { return positionAt(this.starts, offset); }

  /** The offset at which each line starts: all a report needs to turn offsets into lines and columns. */
  get lineStarts(): readonly number[] { return this.starts; }

  lineStart(line0: number): number { return this.starts[Math.min(line0, this.starts.length - 1)]; }

  /** End of a 0-based line, before its line break. */
  lineEnd(line0: number): number {
    const next = line0 + 1 < this.starts.length ? this.starts[line0 + 1] - 1 : this.text.length;
    return next > 0 && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }
}

/** Lines and columns from the lines' start offsets alone, without the text: what a report entry keeps. */
export class LinePositions {
  constructor(readonly starts: readonly number[]) {}
  position(offset: number): { line: number; column: number } { return positionAt(this.starts, offset); }
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  const line = lineAt(starts, offset);
  return { line: line + 1, column: offset - starts[line] + 1 };
}
