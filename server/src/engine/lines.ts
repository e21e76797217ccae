/** Converts offsets to 1-based lines and columns; works for LF and CRLF alike. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // indexOf searches natively: several times faster than a loop over every character, on every edit.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number { return this.starts.length; }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line and column, as the CLI and JSON output use them. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }

  lineStart(line0: number): number { return this.starts[Math.min(line0, this.starts.length - 1)]; }

  /** End of a 0-based line, before its line break. */
  lineEnd(line0: number): number {
    const next = line0 + 1 < this.starts.length ? this.starts[line0 + 1] - 1 : this.text.length;
    return next > 0 && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }
}
