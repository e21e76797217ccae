/**
 * The document model: Markdown (unified + remark-parse) becomes front matter, sections and text
 * blocks, each with its exact source span. Article headings written as plain paragraphs
 * ("Artikel 7 – Beveiliging", "7. LIMITATION OF LIABILITY.") open sections too, as they do for a reader.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { LineIndex } from './lines.js';
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
}

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

const ANNEX_RE = /^(?:annex|schedule|exhibit|appendix|attachment|bijlage|addendum)\b/i;
const SIGNATURE_RE = /^(?:signatures?|signed|execution|in witness whereof|ondertekening|handtekeningen|aldus overeengekomen|aldus opgemaakt|getekend)\b/i;
const DEFINITIONS_RE = /^(?:definitions?|defined terms|interpretation|definities|begrippen|begripsbepalingen)\b/i;
/** "7", "7.2", "Article 7", "Artikel 7 –", "ARTICLE VII", "Section 7.", "§ 7" before a heading's words. */
const NUMBER_RE = /^(?:(?:article|artikel|section|clause|art\.|§)\s*)?((?:\d+(?:\.\d+)*|[ivxlc]+)(?=[.\s:–—-]|$))\.?\s*[:–—-]?\s*/i;
/** A paragraph that is really an article heading: short, numbered, no sentence after it. */
const PSEUDO_HEADING_RE = /^(?:(?:article|artikel|section|clause)\s+(?:\d+|[ivxlc]+)\b[.:]?\s*[–—-]?\s*[\p{L} ,&'’/()-]{0,70}|\d{1,2}(?:\.\d{1,2})?\.?\s+[\p{Lu}][\p{Lu}\p{Ll} ,&'’/()-]{2,70}\.?)$/iu;

function blank(text: string): string {
  // Blank out Markdown syntax with spaces of equal length: offsets into the block stay source offsets.
  return text
    .replace(/\]\([^)\n]*\)/g, (m) => ' '.repeat(m.length))
    .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/[*_`[\]|\\]/g, ' ')
    .replace(/^[ \t]*(?:#{1,6}|>+)[ \t]/gm, (m) => ' '.repeat(m.length));
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
 * The text in chunks that start at headings (outside fenced code): each is parsed on its own and
 * remembered, so that an edit re-parses only the chunk it touches. No Markdown construct we use spans
 * a heading, which is what makes this safe.
 */
function chunks(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let start = 0, fence: string | null = null;
  const re = /^([ ]{0,3})(```+|~~~+|#{1,6}(?=[ \t]|$))/gm;
  for (const m of text.matchAll(re)) {
    const marker = m[2];
    if (marker[0] === '`' || marker[0] === '~') {
      if (!fence) fence = marker; else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence || m.index === 0 || m.index! - start < 2_000) continue;
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index!;
  }
  out.push({ start, text: text.slice(start) });
  return out;
}

const chunkCache = new Map<string, FlatNode[]>();

/**
 * remark recurses once per level of nesting, so thousands of nested quotes or lists exhaust the stack.
 * Such a chunk is read as plain paragraphs instead: a result, never a crash.
 */
function parseChunk(text: string): FlatNode[] {
  try {
    return flatten(processor.parse(text) as MdNode);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const out: FlatNode[] = [];
    for (const m of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) out.push({ type: 'paragraph', start: m.index!, end: m.index! + m[0].length });
    return out;
  }
}

function parseNodes(text: string): FlatNode[] {
  const out: FlatNode[] = [];
  for (const chunk of chunks(text)) {
    let nodes = chunkCache.get(chunk.text);
    if (!nodes) {
      nodes = parseChunk(chunk.text);
      if (chunkCache.size > 500) chunkCache.clear();
      chunkCache.set(chunk.text, nodes);
    }
    for (const n of nodes) out.push({ ...n, start: n.start + chunk.start, end: n.end + chunk.start });
  }
  return out;
}

export function parseMarkdown(text: string): DocumentModel {
  const lines = new LineIndex(text);
  const model: DocumentModel = { text, lines, frontMatter: null, sections: [], blocks: [], comments: [], protectedSpans: [], title: null };

  const preamble: Section = {
    index: 0, title: '', level: 0, kind: 'preamble',
    headingSpan: { start: 0, end: lines.lineEnd(0) }, span: { start: 0, end: text.length }, parent: null,
  };
  model.sections.push(preamble);
  let current = preamble;
  const open: Section[] = [preamble];

  const startSection = (title: string, level: number, headingSpan: Span): Section => {
    while (open.length > 1 && open[open.length - 1].level >= level) open.pop()!.span.end = headingSpan.start;
    const numbered = NUMBER_RE.exec(title.trim());
    const section: Section = {
      index: model.sections.length, title: title.trim(), number: numbered?.[1], level,
      kind: classify(title.trim()), headingSpan, span: { start: headingSpan.start, end: text.length },
      parent: open[open.length - 1],
    };
    if (section.kind !== 'annex' && section.parent && section.parent.kind === 'annex') section.kind = 'annex';
    model.sections.push(section);
    open.push(section);
    return section;
  };

  const span = (n: FlatNode): Span => ({ start: n.start, end: n.end });
  const addBlock = (kind: BlockKind, s: Span) => {
    const source = text.slice(s.start, s.end);
    if (!/[\p{L}\p{N}]/u.test(source)) return;
    model.blocks.push({ kind, span: s, text: blank(source), section: current });
  };

  for (const node of parseNodes(text)) {
    const s = span(node);
    switch (node.type) {
      case 'yaml':
        model.frontMatter = { raw: node.value ?? '', span: s, bodySpan: { start: text.indexOf('\n', s.start) + 1, end: s.end - 3 } };
        model.protectedSpans.push(s);
        break;
      case 'heading': {
        const raw = text.slice(s.start, s.end);
        const title = blank(raw).trim();
        if (node.depth === 1 && !model.title && model.blocks.length === 0) {
          current = preamble;
          preamble.title = title;
          preamble.kind = 'title';
          preamble.headingSpan = s;
          addBlock('heading', s);
          model.title = model.blocks[model.blocks.length - 1] ?? null;
        } else {
          current = startSection(title, node.depth ?? 2, s);
          addBlock('heading', s);
        }
        break;
      }
      case 'paragraph': {
        // From the start of its line, so that a list marker ("1. DEFINITIONS.") counts as the number.
        const lineStart = lines.lineStart(lines.lineOf(s.start));
        const raw = blank(text.slice(lineStart, s.end)).replace(/^[\s>]+/, '').trim();
        const level = pseudoLevel(raw);
        if (level) {
          current = startSection(raw, level + 10, s); // below any real heading, whatever its depth
          addBlock('heading', s);
        } else addBlock('paragraph', s);
        break;
      }
      case 'tableRow':
        // A row reads as one statement ("Critical | 48 hours"), so it is one block.
        addBlock('table-row', s);
        break;
      case 'table':
        model.protectedSpans.push(s);
        break;
      case 'code':
        // Indented text is a code block to Markdown but contract text to a lawyer (plain-text contracts
        // indent their paragraphs); only fenced code is code.
        if (/^[ \t]*(?:```|~~~)/.test(text.slice(s.start, s.start + 40))) model.protectedSpans.push(s);
        else for (const part of text.slice(s.start, s.end).matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
          addBlock('paragraph', { start: s.start + part.index!, end: s.start + part.index! + part[0].length });
        }
        break;
      case 'html': {
        const value = node.value ?? '';
        for (const m of value.matchAll(/<!--([\s\S]*?)-->/g)) {
          const start = s.start + m.index!;
          model.comments.push({ span: { start, end: start + m[0].length }, body: m[1].trim() });
        }
        break;
      }
    }
  }
  for (const section of open) if (section !== preamble) section.span.end = Math.min(section.span.end, text.length);
  return model;
}
