/**
 * Input shapes on which micromark (under remark-parse) takes super-linear time or memory, found before
 * parsing and handled so that every offset stays a source offset:
 *
 * - long pieces of text: micromark's time and memory grow faster than the text (1 MB of blank lines,
 *   1.6 GB), so a long chunk is parsed in pieces cut at blank lines (at any line past a hard limit);
 * - deep nesting (lists or quotes nested more than MAX_DEPTH levels, on one line or over many): such a
 *   line is blanked out of the parser's text and read as a paragraph of its own;
 * - huge or wide tables: blanked out and read as rows, one per line, without the parser;
 * - paragraphs thick with emphasis, bracket or backtick delimiters: those characters are spaces to the
 *   parser (the block's text blanks them out anyway).
 *
 * Blanking replaces characters by spaces and keeps line breaks, so the parser's offsets are the text's.
 */
import type { Steps } from './steps.js';

/** A node found without the parser, as markdown.ts flattens the parser's. */
export interface PrescannedNode { type: 'paragraph' | 'table' | 'tableRow' | 'heading'; depth?: number; start: number; end: number }

/** Pieces are cut at blank lines once this long, and at any line once `HARD_PIECE` long. */
export const PIECE = 32 * 1024;
export const HARD_PIECE = 256 * 1024;
/**
 * The parser's time goes by lines as much as by bytes (a paragraph of 100,000 two-byte lines: 15 s in one
 * piece, which nothing can interrupt): past this many lines a piece is cut at a line that starts in its
 * first column, outside code, comments and tables (those have their own limits).
 */
export const HARD_PIECE_LINES = 1_000;
/** A line nested deeper than this (lists and quotes) is not parsed. */
export const MAX_DEPTH = 12;
/**
 * Tables beyond these are read line by line. The parser takes some 7 ms a KB of table, in one call that
 * nothing interrupts (256 KB: 1.9 s); no table of the corpus reaches 20 KB.
 */
export const MAX_TABLE_COLUMNS = 64;
export const MAX_TABLE_ROWS = 2_000;
export const MAX_TABLE_BYTES = 32 * 1024;
/** Delimiters of one kind in one paragraph beyond which they are not parsed. */
export const MAX_DELIMITERS = 256;

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

interface Line { start: number; end: number; next: number }

function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const next = nl < 0 ? text.length : nl + 1;
    let end = nl < 0 ? text.length : nl;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    yield { start, end, next };
    start = next;
  }
}

const isBlank = (text: string, l: Line) => !/\S/.test(text.slice(l.start, l.end));

/** The end of the front matter at the start of the document, or 0. */
function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*\r?\n/.test(text)) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(text.indexOf('\n') + 1);
  const m = close.exec(rest);
  return m ? text.indexOf('\n') + 1 + m.index + m[0].length : 0;
}

/**
 * Whether the text after a blank line starts afresh, so that the blank line can start a piece without
 * changing what the parser makes of either side: the next line starts with a letter or a digit in its first
 * column (it continues no list item, quote, indented code or HTML), or is blank too after a kilobyte of blank
 * lines (which no construct spans but code and comments).
 */
function opensTopLevel(text: string, next: number, blankRun: number): boolean {
  if (next >= text.length) return false;
  const c = text.charCodeAt(next);
  if (c === 10 || c === 13) return blankRun >= 1_024;
  // A letter or a digit in the first column, after a blank line: no list item, quote, code or HTML that the
  // line could continue. A numbered line ("2. …") may start a list, which the paragraphs read the same.
  return /[\p{L}\p{N}]/u.test(text[next]);
}

/**
 * A line that continues no indented construct: its first character is no space, and it is no table row
 * after a row. Lines are given by their offsets, not as objects: this runs for each of millions of lines.
 */
function startsAfresh(text: string, start: number, end: number, previousStart: number, previousEnd: number): boolean {
  const c = text[start];
  if (start === end || c === ' ' || c === '\t') return false;
  return !(isRow(text, start, end) && previousStart >= 0 && isRow(text, previousStart, previousEnd));
}

function isRow(text: string, start: number, end: number): boolean {
  if (text[start] !== '|') return false;
  const bar = text.indexOf('|', start + 1);
  return bar >= 0 && bar < end;
}

/** Whether a line holds only white space, read without a slice of it (most lines are short or empty). */
function blankBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(text[i])) return false;
  }
  return true;
}

/** Whether a line opens or closes fenced code: looked at only when its first non-space character is a fence's. */
function fenceOn(text: string, start: number, end: number): string | undefined {
  let i = start;
  while (i < end && i < start + 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return c === 96 || c === 126 ? FENCE_RE.exec(text.slice(start, end))?.[1] : undefined;
}

/**
 * The occurrences of a string, read line by line in order: the last one on each line, with one search
 * per occurrence over the whole text (a search per line would read to the next occurrence, however far).
 */
class Occurrences {
  private next: number;
  constructor(private readonly text: string, private readonly what: string) { this.next = text.indexOf(what); }

  /** The offset of the last occurrence that starts in [start, end), or -1; lines are asked for in order. */
  lastIn(start: number, end: number): number {
    if (this.next >= 0 && this.next < start) this.next = this.text.indexOf(this.what, start);
    let last = -1;
    while (this.next >= 0 && this.next < end) { last = this.next; this.next = this.text.indexOf(this.what, this.next + 1); }
    return last;
  }
}

/** Lines read between two steps of pieceCutsStepwise: a few milliseconds of blank lines. */
const LINES_PER_STEP = 100_000;

/**
 * Where to cut a chunk into pieces (offsets of line starts), none for a short one: at blank lines outside
 * fenced code, HTML comments and front matter once a piece is `soft` long, at a line that starts afresh
 * past HARD_PIECE_LINES, anywhere past HARD_PIECE. A step after every LINES_PER_STEP lines: 19.9 MB of
 * blank lines are 20 million of them. Each line is read by its offsets, once, without objects or slices.
 */
export function* pieceCutsStepwise(text: string, atDocumentStart: boolean, soft = PIECE): Steps<number[]> {
  if (text.length <= soft) return [];
  const cuts: number[] = [];
  const protectedUntil = atDocumentStart ? frontMatterEnd(text) : 0;
  const opens = new Occurrences(text, '<!--'), closes = new Occurrences(text, '-->');
  let from = 0, lastText = 0, fence: string | null = null, inComment = false, linesInPiece = 0, read = 0;
  let previousStart = -1, previousEnd = -1;
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const next = nl < 0 ? text.length : nl + 1;
    let end = nl < 0 ? text.length : nl;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const blank = blankBetween(text, start, end);
    const size = start - from;
    let cut = false;
    // Never at a line that would open front matter at the start of a piece.
    if (start >= protectedUntil && size >= HARD_PIECE && !text.startsWith('---', start)) { cut = true; fence = null; inComment = false; }
    else if (start >= protectedUntil && size >= soft && !fence && !inComment && blank && opensTopLevel(text, next, start - lastText)) cut = true;
    else if (start >= protectedUntil && linesInPiece >= HARD_PIECE_LINES && !fence && !inComment && startsAfresh(text, start, end, previousStart, previousEnd) && !text.startsWith('---', start)) cut = true;
    if (cut) { cuts.push(start); from = start; linesInPiece = 0; }
    linesInPiece++;
    previousStart = start; previousEnd = end;
    if (!blank) lastText = next;
    const f = fenceOn(text, start, end);
    if (f) { if (!fence) fence = f; else if (f[0] === fence[0] && f.length >= fence.length) fence = null; }
    const open = opens.lastIn(start, end), close = closes.lastIn(start, end);
    if (!fence) {
      if (open >= 0 && close < open + 4) inComment = true;
      else if (close >= 0) inComment = false;
    }
    start = next;
    if (++read % LINES_PER_STEP === 0) yield;
  }
  return cuts;
}

/** The depth of an ATX heading that starts in the first column ("## 7. Security"), 0 for any other line. */
function atxDepth(line: string): number {
  let n = 0;
  while (n < line.length && line.charCodeAt(n) === 35) n++;
  return n >= 1 && n <= 6 && (n === line.length || line[n] === ' ' || line[n] === '\t') ? n : 0;
}

function blankRange(chars: string[], text: string, start: number, end: number): void {
  for (let i = start; i < end; i++) if (text[i] !== '\n' && text[i] !== '\r') chars[i] = ' ';
}

/**
 * A line's list and quote markers: the column of its first character, the content column after each list
 * marker, the quote markers, and where its content starts. A thematic break ("- - -", "* * *") has none.
 */
function markersOf(text: string, l: Line): { indent: number; items: number[]; quotes: number; content: number } {
  const line = text.slice(l.start, l.end);
  const out = { indent: 0, items: [] as number[], quotes: 0, content: l.start };
  if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return out;
  let i = l.start, column = 0, first = true;
  for (;;) {
    const c = text[i];
    if (i >= l.end) break;
    if (c === ' ') { column++; i++; continue; }
    if (c === '\t') { column += 4 - (column % 4); i++; continue; }
    if (first) { out.indent = column; first = false; }
    if (c === '>') { out.quotes++; column++; i++; continue; }
    if ((c === '-' || c === '*' || c === '+') && (i + 1 >= l.end || text[i + 1] === ' ' || text[i + 1] === '\t')) { column++; i++; out.items.push(column + 1); continue; }
    const num = /^\d{1,9}[.)](?=[ \t]|$)/.exec(text.slice(i, Math.min(l.end, i + 11)));
    if (num) { column += num[0].length; i += num[0].length; out.items.push(column + 1); continue; }
    break;
  }
  out.content = i;
  return out;
}

/** A table's delimiter row ("|---|:--:|"), read cell by cell: a regular expression for it backtracks over spaces. */
function isDelimiterRow(line: string): boolean {
  let body = line.trim();
  if (!body.includes('-') || !/^[|:\s-]+$/.test(body)) return false;
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split('|').every((cell) => /^:?-+:?$/.test(cell.trim()));
}

function count(text: string, from: number, to: number, chars: string): number {
  let n = 0;
  for (let i = from; i < to; i++) if (chars.includes(text[i])) n++;
  return n;
}

/**
 * The text as the parser should see it, and the nodes found without it. It ends before a table read
 * without the parser that runs to the end of the text: a piece cut out of a huge table would be a
 * quarter of a megabyte of spaces to the parser, half a second in which it finds nothing.
 */
export function neutralise(text: string, atDocumentStart: boolean): { parseText: string; nodes: PrescannedNode[] } {
  const nodes: PrescannedNode[] = [];
  let parseEnd = text.length;
  let chars: string[] | null = null;
  const own = () => (chars ??= text.split(''));
  const all = [...lines(text)];
  const protectedUntil = atDocumentStart ? frontMatterEnd(text) : 0;
  let fence: string | null = null;
  let paragraph: Line[] = [];
  const open: number[] = [];
  let afterBlank = false;
  const headingsHere = !text.includes('<');
  let headingAt = -1;
  const endParagraph = () => {
    if (paragraph.length) {
      const from = paragraph[0].start, to = paragraph[paragraph.length - 1].end;
      for (const set of ['*_', '[]', '`']) {
        if (count(text, from, to, set) > MAX_DELIMITERS) {
          const c = own();
          for (let i = from; i < to; i++) if (set.includes(text[i])) c[i] = ' ';
        }
      }
    }
    paragraph = [];
  };
  for (let k = 0; k < all.length; k++) {
    const l = all[k];
    if (l.start < protectedUntil) continue;
    const line = text.slice(l.start, l.end);
    const f = FENCE_RE.exec(line);
    if (fence || f) {
      endParagraph();
      if (f) { if (!fence) fence = f[1]; else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = null; }
      continue;
    }
    if (isBlank(text, l)) { endParagraph(); afterBlank = true; continue; }
    // A heading in the first column, after a blank line or another such heading and before a line that
    // starts afresh, in a text without HTML: read here, as the parser would (from the line's start to its
    // end, the depth its #s), since it takes the parser some 100 µs a line (130,000 numbered articles:
    // 13 s of a --fix). Nothing it could belong to spans the blank line before it, or goes on in the line
    // after it. A heading closes every list.
    const depth = headingsHere ? atxDepth(line) : 0;
    if (depth && (k === 0 || isBlank(text, all[k - 1]) || headingAt === k - 1) && (k + 1 === all.length || !/^[ \t]/.test(text.slice(all[k + 1].start, all[k + 1].start + 1)) || isBlank(text, all[k + 1]))) {
      endParagraph();
      nodes.push({ type: 'heading', depth, start: l.start, end: l.end });
      blankRange(own(), text, l.start, l.end);
      open.length = 0;
      headingAt = k;
      continue;
    }
    // A table: a header row with pipes, then its delimiter row, then rows up to a blank line; or, at the
    // start of a piece cut out of a huge table, the rest of its rows.
    const next = all[k + 1];
    const headed = line.includes('|') && next && isDelimiterRow(text.slice(next.start, next.end));
    if (headed || (k === 0 && /^\s*\|/.test(line))) {
      let last = headed ? k + 1 : k;
      while (last + 1 < all.length && !isBlank(text, all[last + 1])) last++;
      // Headerless: only a long run of rows (what a cut leaves), not a paragraph that starts with a pipe.
      if (!headed && last - k < 100) { paragraph.push(l); continue; }
      const columns = count(text, l.start, l.end, '|') + 1;
      const bytes = all[last].end - l.start;
      if (!headed || columns > MAX_TABLE_COLUMNS || last - k > MAX_TABLE_ROWS || bytes > MAX_TABLE_BYTES) {
        endParagraph();
        nodes.push({ type: 'table', start: l.start, end: all[last].end });
        for (let r = k; r <= last; r++) if (!headed || r !== k + 1) nodes.push({ type: 'tableRow', start: all[r].start, end: all[r].end });
        blankRange(own(), text, l.start, all[last].end);
        if (last === all.length - 1) parseEnd = l.start;
        k = last;
        continue;
      }
    }
    // Nesting: the content columns of the list items open above this line, as CommonMark nests them.
    const m = markersOf(text, l);
    if (m.items.length && m.indent < (open[open.length - 1] ?? 0) + 4) {
      while (open.length && open[open.length - 1] > m.indent) open.pop();
      open.push(...m.items);
    } else if (!m.items.length && afterBlank) {
      while (open.length && open[open.length - 1] > m.indent) open.pop();
    }
    afterBlank = false;
    if (open.length + m.quotes > MAX_DEPTH) {
      endParagraph();
      blankRange(own(), text, l.start, l.end);
      if (m.content < l.end) nodes.push({ type: 'paragraph', start: m.content, end: l.end });
      continue;
    }
    paragraph.push(l);
  }
  endParagraph();
  return { parseText: chars ? (chars as string[]).slice(0, parseEnd).join('') : text, nodes };
}

/** `<!-- … -->` comments in one pass (a lazy regular expression rescans to the end from every unclosed `<!--`). */
export function htmlComments(text: string): { index: number; length: number; body: string }[] {
  const out: { index: number; length: number; body: string }[] = [];
  for (let i = text.indexOf('<!--'); i >= 0; i = text.indexOf('<!--', i)) {
    const close = text.indexOf('-->', i + 4);
    if (close < 0) break;
    out.push({ index: i, length: close + 3 - i, body: text.slice(i + 4, close) });
    i = close + 3;
  }
  return out;
}

/** Link targets `](…)` on one line blanked to spaces, in one pass. */
export function blankLinkTargets(text: string): string {
  let out = '';
  let from = 0;
  for (let i = text.indexOf(']('); i >= 0; i = text.indexOf('](', i)) {
    let j = i + 2;
    while (j < text.length && text[j] !== ')' && text[j] !== '\n') j++;
    if (j < text.length && text[j] === ')') {
      out += text.slice(from, i) + ' '.repeat(j + 1 - i);
      from = i = j + 1;
    } else i = j; // no ")" before the line ends: no "](" before it has one either
  }
  return from === 0 ? text : out + text.slice(from);
}
