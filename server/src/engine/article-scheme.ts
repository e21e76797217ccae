/**
 * How a contract is built, for placing a new article as a drafter would: which articles are substantive
 * and which are the closing ones (general and miscellaneous provisions, definitions at the end), where
 * the optional modules begin (ARBIT's "Bijzondere bepalingen …"), and whether paragraphs are numbered.
 */
import type { Block, DocumentModel, Section } from './markdown.js';

/** Closing articles: a new substantive article goes before them. */
const CLOSING_RE = /^(?:general(?: terms| provisions)?|miscellaneous(?: provisions)?|final provisions|general and final provisions|boilerplate|definitions?|defined terms|interpretation|survival|governing law(?: and (?:jurisdiction|disputes))?|applicable law|disputes|dispute resolution|jurisdiction|slotbepalingen|algemene slotbepalingen|overige bepalingen|diversen|definities|begrippen|begripsbepalingen|voortdurende bepalingen|toepasselijk recht(?: en (?:geschillen|forumkeuze))?|geschillen(?: en toepasselijk recht)?|geschillenbeslechting|forumkeuze)$/i;
/** Optional modules and product-specific parts: they bind only some contracts, so a clause never goes in one. */
const MODULE_RE = /^(?:bijzondere bepalingen|aanvullende bepalingen|module\b|optional module|additional terms for|specific terms|product[- ]specific terms|service[- ]specific terms)/i;

/** A title's words without its number ("12.", "VII", "Artikel 3"): a roman numeral only as a word of its own, not the V of "Voortdurende". */
export function titleWords(title: string): string {
  return title.replace(/^\s*(?:article|artikel|section|clause)?\s*(?:[\d.]+|[ivxlc]+(?![a-z]))?\.?\s*[–—:-]?\s*/i, '').replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The words of an article's title: its own heading, or the heading right under a bare "Artikel 12",
 * or the title line there that Markdown takes for no heading ("####Geschillen en toepasselijk recht").
 */
function articleTitle(model: DocumentModel, s: Section): string {
  const own = titleWords(s.title);
  if (own) return own;
  const child = model.sections.find((c) => c.parent === s);
  if (child && child.headingSpan.start - s.headingSpan.end < 10) return titleWords(child.title);
  const first = model.blocks.find((b) => b.section === s && b.kind !== 'heading');
  return first && first.span.start - s.headingSpan.end < 10 && /^\s*#/.test(first.text) && first.text.trim().length < 120 ? titleWords(first.text.replace(/^\s*#+/, '')) : '';
}

export function isClosing(model: DocumentModel, s: Section): boolean {
  return s.kind === 'definitions' || CLOSING_RE.test(articleTitle(model, s));
}

export function isClosingTitle(title: string): boolean {
  return CLOSING_RE.test(titleWords(title));
}

/** Where the first optional module begins, with the empty headings just above it ("Algemene Rijksvoorwaarden … (ARBIT)"). */
export function moduleStart(model: DocumentModel): number | undefined {
  const i = model.sections.findIndex((s) => s.kind !== 'preamble' && s.kind !== 'title' && MODULE_RE.test(titleWords(s.title)));
  const byLine = moduleLine(model);
  if (i < 0) return byLine;
  if (byLine !== undefined && byLine < model.sections[i].headingSpan.start) return byLine;
  let at = i;
  const hasBlocks = (s: Section) => model.blocks.some((b) => b.section === s && b.kind !== 'heading');
  while (at > 1 && !hasBlocks(model.sections[at - 1]) && model.sections[at - 1].kind !== 'article') at--;
  while (at > 1 && !hasBlocks(model.sections[at - 1]) && !model.sections[at - 1].number && model.sections[at - 1].kind === 'article') at--;
  return model.sections[at].headingSpan.start;
}

/** A title line the parser does not take for a heading ("####Bijzondere bepalingen koop", "**Module B**"), with the title lines just above it. */
function moduleLine(model: DocumentModel): number | undefined {
  const titleLine = (t: string) => t.length < 120 && !/\n/.test(t.trim()) && /^\s*(?:#+|\*\*)/.test(t);
  const words = (t: string) => t.replace(/^\s*(?:#+|\*\*)\s*/, '').replace(/\*\*\s*$/, '').trim();
  const i = model.blocks.findIndex((b) => b.kind === 'paragraph' && titleLine(b.text) && MODULE_RE.test(words(b.text)));
  if (i < 0) return undefined;
  let at = i;
  while (at > 0 && model.blocks[at - 1].kind === 'paragraph' && titleLine(model.blocks[at - 1].text) && model.blocks[at - 1].section === model.blocks[i].section) at--;
  return model.blocks[at].span.start;
}

/**
 * The title line of an annex or schedule where the text came from a PDF without headings: "SCHEDULE 1",
 * "ANNEX II - TECHNICAL AND ORGANISATIONAL MEASURES", "Appendix 2", "Bijlage 1: Verwerkingen". A line
 * that goes on as a sentence ("Annex III (List of subprocessors) is not applicable …") is a reference.
 */
const ANNEX_TITLE_LINE_RE = /^[ \t]*(?:(?:ANNEX|SCHEDULE|EXHIBIT|APPENDIX|ATTACHMENT|BIJLAGE)[ \t]+(?:[A-Z]|\d{1,2}|[IVX]{1,4})\b[^\p{Ll}\n]{0,120}|(?:Annex|Schedule|Exhibit|Appendix|Attachment|Bijlage)[ \t]+(?:[A-Z]|\d{1,2}|[IVX]{1,4})(?:[ \t]*[-–—:.][^\n]{0,100})?)[ \t]*$/mu;

/** Where a block's first line is an annex's or schedule's title written as a plain line. */
export function isAnnexTitleLine(blockText: string): boolean {
  const first = /^[^\n]*/.exec(blockText.trimStart())![0];
  return ANNEX_TITLE_LINE_RE.test(first);
}

/** Whether the article's paragraphs are numbered after it ("12.1", "12.1."), and with a final dot. */
export function paragraphStyle(model: DocumentModel, article: Section): { dot: string } | undefined {
  for (const b of model.blocks) {
    if (b.span.start < article.headingSpan.end || b.kind === 'heading') continue;
    if (b.span.start >= article.span.end) break;
    if (/^\s*(?:#+|\*\*)/.test(b.text) && b.text.trim().length < 120) continue; // a title line under "Artikel 37"
    const m = new RegExp(`^\\s*${article.number}\\.(\\d+)(\\.?)\\s`).exec(b.text);
    return m ? { dot: m[2] } : undefined;
  }
  return undefined;
}

/** A clause's text as paragraphs, one per sentence (not per "; ", which would end a paragraph mid-sentence): for a document that numbers its paragraphs. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=\.)\s+(?=\p{Lu})/u).map((s) => s.trim()).filter(Boolean);
}

/** "12" + 0 → "12A" (nl "12a"): an article between 12 and 13 that leaves the others' numbers alone. */
export function insertedNumber(n: number, extra: number, lang: string): string {
  const letter = String.fromCharCode(65 + (extra % 26));
  return `${n}${lang === 'nl' ? letter.toLowerCase() : letter}`;
}

/**
 * An article written as an item of the document's top-level ordered list, as the Common Paper
 * agreements do: "3. Privacy & Security" with its paragraphs as the items under it ("    1. …").
 */
export interface ListArticle {
  number: number;
  title: string;
  /** Where its line starts, and where its last paragraph ends. */
  start: number;
  end: number;
  /** Its last numbered paragraph: the indentation and number of the item under it ("    ", 2). */
  lastItem?: { indent: string; number: number };
}

const TOP_ITEM_RE = /^(\d+)\. +$/;
const SUB_ITEM_RE = /^([ \t]+)(\d+)\. +$/;

/** A list item's first line as a title ("<span …>Privacy & Security</span>" → "Privacy & Security"), if it is one. */
function itemTitle(b: Block): string | undefined {
  const title = b.text.replace(/<[^<>]*>/g, ' ').replace(/[*_]/g, ' ').replace(/\s+/g, ' ').trim();
  return title && !/\n/.test(b.text.trim()) && title.split(' ').length <= 8 && !/[.;:,]$/.test(title) ? title : undefined;
}

/**
 * The articles of a document whose articles are its top-level ordered list: at least three items in a
 * row, numbered one after the other, each a short title with paragraphs under it (the parser may have
 * taken a plain one for a heading: "1. Service"). None otherwise.
 */
export function listArticles(model: DocumentModel): ListArticle[] {
  const out: ListArticle[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'table-row') continue;
    const top = TOP_ITEM_RE.exec(b.parsed.linePrefix);
    const last = out[out.length - 1];
    if (top) {
      const title = itemTitle(b);
      if (!title) { if (last) break; continue; }
      out.push({ number: Number(top[1]), title, start: model.lines.lineStart(model.lines.lineOf(b.span.start)), end: b.span.end });
    } else if (last && /^[ \t]/.test(b.parsed.linePrefix)) {
      last.end = b.span.end;
      const sub = SUB_ITEM_RE.exec(b.parsed.linePrefix);
      if (sub) last.lastItem = { indent: sub[1], number: Number(sub[2]) };
    } else if (last) break;
  }
  return out.length >= 3 && out.every((a, i) => a.number === out[0].number + i && a.lastItem) ? out : [];
}
