/**
 * The text an analysis was made of, kept for the positions of its results, with the engine's line starts:
 * a new TextDocument would look for every line break of the whole text again on every keystroke, for
 * the positions of the diagnostics and again for the requests' ranges.
 */
import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';

/**
 * `lineStarts` are those of `text` (the engine's LineIndex of it). The engine breaks lines at LF alone,
 * a TextDocument at CR too: a text with a CR gets a TextDocument of its own.
 */
export function analysedText(uri: string, languageId: string, version: number, text: string, lineStarts: ArrayLike<number>): TextDocument {
  return text.includes('\r') ? TextDocument.create(uri, languageId, version, text) : new AnalysedText(uri, languageId, version, text, lineStarts);
}

/** A TextDocument's positions and offsets, from line starts given (LF line breaks only). */
class AnalysedText implements TextDocument {
  constructor(readonly uri: string, readonly languageId: string, readonly version: number, private readonly text: string, private readonly starts: ArrayLike<number>) {}

  get lineCount(): number { return this.starts.length; }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.text.length), 0);
    let low = 0, high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] > at) high = mid; else low = mid + 1;
    }
    return { line: low - 1, character: at - this.starts[low - 1] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    if (position.character <= 0) return start;
    return Math.min(start + position.character, this.lineEnd(position.line));
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = Math.min(line, this.starts.length - 1);
    const end = line < this.starts.length ? this.lineEnd(line) : this.text.length;
    return { start: { line: last, character: 0 }, end: { line: last, character: end - this.starts[last] } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    return this.text.substring(this.lineEnd(line), this.nextLineStart(line));
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
  }

  /** Where a line's text ends, before its line break. */
  private lineEnd(line: number): number {
    const next = this.nextLineStart(line);
    return next > this.starts[line] && this.text.charCodeAt(next - 1) === 10 ? next - 1 : next;
  }
}
