/**
 * The document model: Markdown (unified + remark-parse) becomes front matter, sections and text
 * blocks, each with its exact source span. Article headings written as plain paragraphs
 * ("Artikel 7 – Beveiliging", "7. LIMITATION OF LIABILITY.") open sections too, as they do for a reader.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { BoundedCache } from './bounded-cache.js';
import { LineIndex, lineStartsStepwise } from './lines.js';
import { blankLinkTargets, htmlComments, neutralise, pieceCutsStepwise } from './hostile-markdown.js';
import { toEnd, type Steps } from './steps.js';
import type { Span } from './types.js';

export type SectionKind = 'title' | 'article' | 'annex' | 'definitions' | 'signatures' | 'preamble';

export interface Section {
  index: number;
  title: string;
  /** Article number as written ("7", "7.2", "VII"), if any. */
  number?: string;
  level: number;
  kind: SectionKind;
  /** The heading line; for the preamble, the document's first line. */
  headingSpan: Span;
  /** From the heading to the next heading of the same or a higher level. */
  span: Span;
  parent: Section | null;
}

export type BlockKind = 'heading' | 'paragraph' | 'table-row';

export interface Block {
  kind: BlockKind;
  span: Span;
  /** The source text of the block with Markdown syntax blanked out, so offsets stay exact. */
  text: string;
  section: Section;
  /** The block as parsed in its chunk: what is worked out from its text alone is remembered there. */
  parsed: ParsedBlock;
}

/**
 * A block as found in its chunk, with offsets relative to the chunk. One object stands for the block in
 * every version of the document that has the same chunk, so that what depends on the block's text alone
 * (sentences, tokens, definitions) is kept with it (in WeakMaps) and survives edits elsewhere.
 */
export interface ParsedBlock {
  kind: BlockKind;
  span: Span;
  /** The block's text with Markdown syntax blanked out. */
  text: string;
  /** The block's text as written. */
  source: string;
  /** What stands on the block's first line before it: a list marker, a quote marker, indentation. */
  linePrefix: string;
}

export interface Comment { span: Span; body: string }

export interface FrontMatter { raw: string; span: Span; bodySpan: Span }

export interface DocumentModel {
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatter | null;
  sections: Section[];
  blocks: Block[];
  comments: Comment[];
  /** Code blocks, tables and front matter: places a fix must never insert into. */
  protectedSpans: Span[];
  title: Block | null;
  /** The text in the chunks it was parsed in, in order: what is worked out per chunk is kept with its parse. */
  chunks: Chunk[];
}

/** A piece of the text between headings, parsed once per distinct text and then shared by every version that has it. */
export interface ParsedChunk {
  /** The chunk's text (a copy: the cache must not keep a whole version of the document alive). */
  text: string;
  parts: Part[];
}

export interface Chunk { start: number; parsed: ParsedChunk }

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * Of GFM, the constructs that shape blocks: tables (each row is a block), footnote definitions (their
 * paragraphs are contract text) and task-list items (a paragraph starts after its box). The inline ones
 * (autolinks, strikethrough) change no block, and cost remark about as much as all the rest of a parse.
 */
function gfmBlocks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown());
}

/** The parser the model is read with (npm run bench times it alone). */
export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmBlocks);

const ANNEX_RE = /^(?:annex|schedule|exhibit|appendix|attachment|bijlage|addendum)\b/i;
const SIGNATURE_RE = /^(?:signatures?|signed|execution|in witness whereof|ondertekening|handtekeningen|aldus overeengekomen|aldus opgemaakt|getekend)\b/i;
const DEFINITIONS_RE = /^(?:definitions?|defined terms|interpretation|definities|begrippen|begripsbepalingen)\b/i;
/** "7", "7.2", "Article 7", "Artikel 7 –", "ARTICLE VII", "Section 7.", "§ 7" before a heading's words. */
const NUMBER_RE = /^(?:(?:article|artikel|section|clause|art\.|§)\s*)?((?:\d+(?:\.\d+)*|[ivxlc]+)(?=[.\s:–—-]|$))\.?\s*[:–—-]?\s*/i;
/** A paragraph that is really an article heading: short, numbered, no sentence after it. */
const PSEUDO_HEADING_RE = /^(?:(?:article|artikel|section|clause)\s+(?:\d+|[ivxlc]+)\b[.:]?\s*[–—-]?\s*[\p{L} ,&'’/()-]{0,70}|\d{1,2}(?:\.\d{1,2})?\.?\s+[\p{Lu}][\p{Lu}\p{Ll} ,&'’/()-]{2,70}\.?)$/iu;

function blank(text: string): string {
  // Blank out Markdown syntax with spaces of equal length: offsets into the block stay source offsets.
  // Link targets and comments in one pass each: their regular expressions rescan from every unclosed one.
  let out = blankLinkTargets(text);
  const comments = htmlComments(out);
  if (comments.length) {
    let joined = '', from = 0;
    for (const c of comments) { joined += out.slice(from, c.index) + out.slice(c.index, c.index + c.length).replace(/[^\n]/g, ' '); from = c.index + c.length; }
    out = joined + out.slice(from);
  }
  return out
    .replace(/[*_`[\]|\\]/g, ' ')
    .replace(/^[ \t]*(?:#{1,6}|>+)[ \t]/gm, (m) => ' '.repeat(m.length));
}

/**
 * The title of an article whose heading is only its number, on a line of its own below it: "### Artikel 32"
 * then "Exitclausule" (or "####Exitclausule", a heading that lost its space in conversion). Short, one
 * line, capitalised, not a sentence.
 */
const TITLE_LINE_RE = /^#{0,6}[ \t]*(\p{Lu}[\p{L}\p{N} ,&'’/()-]{1,60})$/u;

function titleLine(block: ParsedBlock): string | undefined {
  const line = block.source.trim();
  const title = TITLE_LINE_RE.exec(line)?.[1].trim();
  return title && title.split(/\s+/).length <= 8 ? title : undefined;
}

function classify(title: string): SectionKind {
  const words = title.replace(NUMBER_RE, '').trim();
  if (ANNEX_RE.test(words) || ANNEX_RE.test(title)) return 'annex';
  if (SIGNATURE_RE.test(words)) return 'signatures';
  if (DEFINITIONS_RE.test(words)) return 'definitions';
  return 'article';
}

function pseudoLevel(line: string): number | undefined {
  if (line.length > 90 || line.includes('\n') || !PSEUDO_HEADING_RE.test(line)) return undefined;
  // A numbered paragraph that is a whole sentence ("6.1. Supplier delivers…") is not a heading.
  const words = line.replace(NUMBER_RE, '');
  const shouting = words === words.toUpperCase();
  if (/^\d/.test(line) && !shouting && (/\.$/.test(words) || words.split(/\s+/).length > 8)) return undefined;
  if (/^\d+\.\d+/.test(line)) return 3;
  return 2;
}

/** A node the model needs, flattened in document order, with offsets relative to its chunk. */
interface FlatNode { type: string; depth?: number; value?: string; start: number; end: number }

const KEPT = new Set(['yaml', 'heading', 'paragraph', 'tableRow', 'table', 'code', 'html']);

function flatten(tree: MdNode): FlatNode[] {
  const out: FlatNode[] = [];
  // An explicit stack instead of recursion: deeply nested input must not overflow the call stack.
  const stack: MdNode[] = [...(tree.children ?? [])].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (KEPT.has(node.type)) {
      out.push({ type: node.type, depth: node.depth, value: node.type === 'yaml' || node.type === 'html' ? node.value : undefined, start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });
      if (node.type !== 'table') continue;
    }
    if (node.children && node.type !== 'heading' && node.type !== 'paragraph') stack.push(...[...node.children].reverse());
  }
  return out;
}

/**
 * A chunk is cut at paragraph boundaries (a blank line before a line that starts afresh, see
 * hostile-markdown.ts) once it is this long: a keystroke re-parses the few paragraphs around it, not a
 * whole article or a whole plain-text contract. remark costs a fixed overhead per call (that of parsing
 * some 200 characters) and about 1.5 ms per KB, so 2 KB pieces are a keystroke of a few milliseconds.
 */
const PARAGRAPHS_PIECE = 2 * 1024;

/**
 * The text in chunks that start at headings (outside fenced code) and at paragraph boundaries: each is
 * parsed on its own and remembered, so that an edit re-parses only the chunk it touches. No Markdown
 * construct we use spans a heading, or a blank line before a line that starts in its first column, which
 * is what makes this safe. A chunk starts at the start of a line ("\n" before it), so that what a block's
 * line holds before the block is inside the block's chunk. Chunks of at least 1,000 characters at
 * headings: a document of many short sections is still parsed in a few hundred calls, not thousands.
 */
function* chunks(text: string): Steps<{ start: number; text: string }[]> {
  if (lastCut?.text !== text) lastCut = { text, chunks: yield* cutIntoChunks(text) };
  return lastCut.chunks;
}

/** The text cut last, with its chunks: the language server parses a text in slices, then analyses the same text. */
let lastCut: { text: string; chunks: { start: number; text: string }[] } | undefined;

function* cutIntoChunks(text: string): Steps<{ start: number; text: string }[]> {
  const out: { start: number; text: string }[] = [];
  let start = 0, fence: string | null = null;
  const re = /^([ ]{0,3})(```+|~~~+|#{1,6}(?=[ \t]|$))/gm;
  for (const m of text.matchAll(re)) {
    const marker = m[2];
    if (marker[0] === '`' || marker[0] === '~') {
      if (!fence) fence = marker; else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence || m.index === 0 || m.index! - start < 1_000 || text.charCodeAt(m.index! - 1) !== 10) continue;
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index!;
  }
  out.push({ start, text: text.slice(start) });
  if (!out.some((c) => c.text.length > PARAGRAPHS_PIECE)) return out;
  const pieces: { start: number; text: string }[] = [];
  for (const c of out) {
    const cuts = yield* pieceCutsStepwise(c.text, c.start === 0, PARAGRAPHS_PIECE);
    if (!cuts.length) pieces.push(c);
    else [0, ...cuts].forEach((at, i, all) => pieces.push({ start: c.start + at, text: c.text.slice(at, all[i + 1] ?? c.text.length) }));
  }
  return pieces;
}

/**
 * remark recurses once per level of nesting, so thousands of nested quotes or lists exhaust the stack.
 * Such a chunk is read as plain paragraphs instead: a result, never a crash.
 */
function parseNodes(text: string): FlatNode[] {
  try {
    // Shapes that would take the parser super-linear time are blanked out of its text and found here.
    const { parseText, nodes } = neutralise(text, true);
    // Nothing but what was read without it: a run of headings, a piece of a huge table.
    const parsed = /\S/.test(parseText) ? flatten(markdownProcessor.parse(parseText) as MdNode) : [];
    return nodes.length ? [...parsed, ...nodes].sort((a, b) => a.start - b.start) : parsed;
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const out: FlatNode[] = [];
    for (const m of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) out.push({ type: 'paragraph', start: m.index!, end: m.index! + m[0].length });
    return out;
  }
}

/** What a chunk gives the model, in document order, with offsets relative to the chunk. */
export type Part =
  | { type: 'front-matter'; raw: string; span: Span; bodySpan: Span }
  | { type: 'heading'; title: string; level: number; number?: string; kind: SectionKind; span: Span; block: ParsedBlock | null; mayBeTitle: boolean }
  | { type: 'block'; block: ParsedBlock }
  | { type: 'protected'; span: Span }
  | { type: 'comment'; span: Span; body: string };

/** The text of the line up to an offset belongs to the chunk: chunks start at lines. */
function lineStartIn(text: string, offset: number): number {
  return offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

function parseChunk(text: string): Part[] {
  const parts: Part[] = [];
  const parsedBlock = (kind: BlockKind, start: number, end: number): ParsedBlock | null => {
    const source = text.slice(start, end);
    if (!/[\p{L}\p{N}]/u.test(source)) return null;
    return { kind, span: { start, end }, text: blank(source), source, linePrefix: text.slice(lineStartIn(text, start), start) };
  };
  const addBlock = (kind: BlockKind, start: number, end: number) => {
    const block = parsedBlock(kind, start, end);
    if (block) parts.push({ type: 'block', block });
  };
  const heading = (title: string, level: number, span: Span, mayBeTitle: boolean) => {
    const trimmed = title.trim();
    parts.push({ type: 'heading', title: trimmed, level, number: NUMBER_RE.exec(trimmed)?.[1], kind: classify(trimmed), span, block: parsedBlock('heading', span.start, span.end), mayBeTitle });
  };

  for (const node of parseNodes(text)) {
    const s: Span = { start: node.start, end: node.end };
    switch (node.type) {
      case 'yaml':
        parts.push({ type: 'front-matter', raw: node.value ?? '', span: s, bodySpan: { start: text.indexOf('\n', s.start) + 1, end: s.end - 3 } });
        break;
      case 'heading':
        heading(blank(text.slice(s.start, s.end)).trim(), node.depth ?? 2, s, node.depth === 1);
        break;
      case 'paragraph': {
        // From the start of its line, so that a list marker ("1. DEFINITIONS.") counts as the number.
        const raw = blank(text.slice(lineStartIn(text, s.start), s.end)).replace(/^[\s>]+/, '').trim();
        const level = pseudoLevel(raw);
        if (level) heading(raw, level + 10, s, false); // below any real heading, whatever its depth
        else addBlock('paragraph', s.start, s.end);
        break;
      }
      case 'tableRow':
        // A row reads as one statement ("Critical | 48 hours"), so it is one block.
        addBlock('table-row', s.start, s.end);
        break;
      case 'table':
        parts.push({ type: 'protected', span: s });
        break;
      case 'code':
        // Indented text is a code block to Markdown but contract text to a lawyer (plain-text contracts
        // indent their paragraphs); only fenced code is code.
        if (/^[ \t]*(?:```|~~~)/.test(text.slice(s.start, s.start + 40))) parts.push({ type: 'protected', span: s });
        else for (const part of text.slice(s.start, s.end).matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
          addBlock('paragraph', s.start + part.index!, s.start + part.index! + part[0].length);
        }
        break;
      case 'html':
        for (const m of htmlComments(node.value ?? '')) {
          const start = s.start + m.index;
          parts.push({ type: 'comment', span: { start, end: start + m.length }, body: m.body.trim() });
        }
        break;
    }
  }
  return parts;
}

/**
 * Chunks by text, up to a million characters a generation: what is kept with a chunk (its blocks,
 * sentences and tokens) takes some twenty bytes a character, and the documents being edited fit.
 */
const chunkCache = new BoundedCache<string, ParsedChunk>(1_000_000, (text) => text.length);

/**
 * A chunk's text is a slice of one version of the document, and would keep all of it alive in the cache
 * (one whole document per keystroke): what is remembered is made from a copy of the chunk alone.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

function parseAndRemember(text: string): ParsedChunk {
  const own = detached(text);
  const parsed = { text: own, parts: parseChunk(own) };
  chunkCache.set(own, parsed);
  return parsed;
}

/**
 * Forgets the chunks of an earlier version of a document that a later version no longer has: an editor
 * has a version analysed per keystroke or pause, and the chunks each one replaced would otherwise stay
 * until the cache turns over (some 40 KB a keystroke in a 300 KB contract, most of a generation).
 */
export function forgetReplacedChunks(earlier: DocumentModel, later: DocumentModel): void {
  const kept = new Set(later.chunks.map((chunk) => chunk.parsed));
  for (const { parsed } of earlier.chunks) if (!kept.has(parsed)) chunkCache.delete(parsed.text);
}

function moved(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

export function parseMarkdown(text: string): DocumentModel {
  return toEnd(parseMarkdownStepwise(text));
}

/** parseMarkdown with a step after each chunk it had to parse (chunks remembered from before take none). */
export function* parseMarkdownStepwise(text: string): Steps<DocumentModel> {
  const lines = new LineIndex(text, yield* lineStartsStepwise(text));
  const model: DocumentModel = { text, lines, frontMatter: null, sections: [], blocks: [], comments: [], protectedSpans: [], title: null, chunks: [] };

  const preamble: Section = {
    index: 0, title: '', level: 0, kind: 'preamble',
    headingSpan: { start: 0, end: lines.lineEnd(0) }, span: { start: 0, end: text.length }, parent: null,
  };
  model.sections.push(preamble);
  let current = preamble;
  const open: Section[] = [preamble];
  /** A section whose heading is only a number and has had no block yet: its title may follow on a line of its own. */
  let untitled: Section | null = null;

  const startSection = (part: Extract<Part, { type: 'heading' }>, headingSpan: Span): Section => {
    while (open.length > 1 && open[open.length - 1].level >= part.level) open.pop()!.span.end = headingSpan.start;
    const section: Section = {
      index: model.sections.length, title: part.title, number: part.number, level: part.level,
      kind: part.kind, headingSpan, span: { start: headingSpan.start, end: text.length },
      parent: open[open.length - 1],
    };
    if (section.kind !== 'annex' && section.parent && section.parent.kind === 'annex') section.kind = 'annex';
    model.sections.push(section);
    open.push(section);
    return section;
  };

  const addBlock = (parsed: ParsedBlock | null, by: number, kind = parsed?.kind) => {
    if (parsed && kind) model.blocks.push({ kind, span: moved(parsed.span, by), text: parsed.text, section: current, parsed });
  };

  for (const chunk of yield* chunks(text)) {
    const by = chunk.start;
    const known = chunkCache.get(chunk.text);
    const parsed = known ?? parseAndRemember(chunk.text);
    if (!known) yield;
    model.chunks.push({ start: by, parsed });
    for (const part of parsed.parts) {
      switch (part.type) {
        case 'front-matter': {
          const span = moved(part.span, by);
          model.frontMatter = { raw: part.raw, span, bodySpan: moved(part.bodySpan, by) };
          model.protectedSpans.push(span);
          break;
        }
        case 'heading': {
          const span = moved(part.span, by);
          if (part.mayBeTitle && !model.title && model.blocks.length === 0) {
            current = preamble;
            preamble.title = part.title;
            preamble.kind = 'title';
            preamble.headingSpan = span;
            addBlock(part.block, by);
            model.title = model.blocks[model.blocks.length - 1] ?? null;
          } else {
            current = startSection(part, span);
            addBlock(part.block, by);
            untitled = part.title.replace(NUMBER_RE, '').trim() === '' ? current : null;
          }
          break;
        }
        case 'block': {
          const title = untitled && part.block.kind === 'paragraph' ? titleLine(part.block) : undefined;
          const section = untitled;
          untitled = null;
          if (section && title) {
            section.title = `${section.title} ${title}`;
            if (section.kind === 'article') section.kind = classify(title);
            // Read as the heading it is: no sentence of its own, no evidence.
            addBlock(part.block, by, 'heading');
          } else addBlock(part.block, by);
          break;
        }
        case 'protected':
          model.protectedSpans.push(moved(part.span, by));
          break;
        case 'comment':
          model.comments.push({ span: moved(part.span, by), body: part.body });
          break;
      }
    }
  }
  for (const section of open) if (section !== preamble) section.span.end = Math.min(section.span.end, text.length);
  return model;
}
