/**
 * Where a drafter would put a new clause: inside the section it belongs to (security, liability, data
 * protection), else as a new article numbered in the document's own style ("## 12. Incident
 * notification", "Artikel 12 – Melding van incidenten") after the last article and before signatures
 * and annexes. Never inside a code block, a table or the front matter.
 */
import type { DocumentModel, Section } from './markdown.js';
import { insertedNumber, isAnnexTitleLine, isClosing, isClosingTitle, listArticles, moduleStart, paragraphStyle, titleWords, type ListArticle } from './article-scheme.js';
import type { TopicRule } from './rule-data.js';
import type { Language, Span } from './types.js';

export interface Placement {
  offset: number;
  /** Whether the clause joins an article as its next paragraph, rather than being a new article. */
  joins: boolean;
  /** For a new article: the heading line, given the article's title. */
  headingLine?: (title: string, extra: number) => string;
  /** For a clause inside an article: its paragraph number ("7.4 ", or "    3. " under a list item), if the article numbers them. */
  paragraphNumber?: string;
  /** For a clause inside an article whose paragraphs open with a title ("3.1 Personal Data. …"): one paragraph, so titled. */
  runIn?: boolean;
  /** For a new article: its number ("14", or "12A" between 12 and 13), given how many come before it in the same place. */
  number?: (extra: number) => string;
  /** For a new article in a document that numbers its paragraphs: "14.1" or "14.1." (dot "."), or items under it ("    1. "). */
  paragraphs?: { dot: string } | { indent: string };
}

/** Tested on the text without its leading spaces: `^\s*(?:\*\*)?\s*` is quadratic over a run of them. */
const SIGNATURE_BLOCK_RE = /^(?:\*\*)?\s*(?:in witness whereof|signed|signatures?|for and on behalf|aldus overeengekomen|aldus opgemaakt|ondertekend|handtekening|namens)/i;
/**
 * A heading line as prefix, number, separator, words and trailing emphasis: what the regular expression
 * `^(\s*(?:#{1,6}\s+)?(?:\*\*)?\s*(?:article|…)?\s*)(\d+)(\.?\s*[–—:-]?\s*)(.*?)(\s*\**\s*)$` matched,
 * read in one pass: the expression backtracked in cubic time over runs of spaces.
 */
const HEADING_PREFIX_RE = /\s*/y;
const HEADING_KEYWORD_RE = /article|artikel|section|clause|art\./iy;
const HEADING_DIGITS_RE = /\d+/y;
const HEADING_SEPARATOR_RE = /\.?\s*[–—:-]?\s*/y;
const HASHES_RE = /#{1,6}(?=\s)/y;

export function headingLineParts(raw: string): [string, string, string, string, string, string] | null {
  let at = 0;
  const take = (re: RegExp): string => { re.lastIndex = at; const m = re.exec(raw); if (m) at += m[0].length; return m ? m[0] : ''; };
  take(HEADING_PREFIX_RE);
  if (take(HASHES_RE)) take(HEADING_PREFIX_RE);
  if (raw.startsWith('**', at)) at += 2;
  take(HEADING_PREFIX_RE);
  take(HEADING_KEYWORD_RE);
  take(HEADING_PREFIX_RE);
  const prefix = raw.slice(0, at);
  const digits = take(HEADING_DIGITS_RE);
  if (!digits) return null;
  const separator = take(HEADING_SEPARATOR_RE);
  // The longest tail of spaces, asterisks, spaces.
  let end = raw.length;
  const isSpace = (i: number) => /\s/.test(raw[i]);
  while (end > at && isSpace(end - 1)) end--;
  while (end > at && raw[end - 1] === '*') end--;
  while (end > at && isSpace(end - 1)) end--;
  const words = raw.slice(at, end);
  if (/[\n\r\u2028\u2029]/.test(words)) return null;
  return [raw, prefix, digits, separator, words, raw.slice(end)];
}

export function lineBreak(text: string): string {
  return /\r\n/.test(text.slice(0, 10_000)) ? '\r\n' : '\n';
}

function outsideProtected(model: DocumentModel, offset: number): number {
  for (const p of model.protectedSpans) if (offset > p.start && offset < p.end) return p.end;
  return offset;
}

function isTopArticle(s: Section): boolean {
  return s.kind === 'article' || s.kind === 'definitions';
}

/** A heading's words without its number: "7. Information Security" → "information security", "Privacy & Security" → "privacy and security". */
function headingWords(title: string): string {
  return titleWords(title.replace(/&/g, ' and ')).toLowerCase();
}

/**
 * The section whose heading names the clause's home ("Security", "Liability", "Data protection"), if
 * any: the heading must be the home's name, so "Security testing" is not the home of security updates.
 */
export function isHome(rule: TopicRule, lang: Language, title: string): boolean {
  const words = headingWords(title);
  return (rule.home?.[lang] ?? []).some((h) => (h.endsWith('*') ? words.startsWith(h.slice(0, -1)) : words === h || words.split(/ and | en |, /).includes(h)));
}

function homeSection(model: DocumentModel, rule: TopicRule, lang: Language): Section | undefined {
  return model.sections.filter((s) => s.kind === 'article' && isHome(rule, lang, s.title)).pop();
}

function directBlocksEnd(model: DocumentModel, section: Section): { end: number; lastText: string } | undefined {
  let found: { end: number; lastText: string } | undefined;
  for (const b of model.blocks) if (b.section === section && b.kind !== 'heading') found = { end: b.span.end, lastText: model.text.slice(b.span.start, b.span.end) };
  return found;
}

function nextParagraphNumber(lastText: string): string | undefined {
  const m = /^\s*(\d+(?:\.\d+)+)(\.?)\s/.exec(lastText);
  if (!m) return undefined;
  const parts = m[1].split('.');
  parts[parts.length - 1] = String(Number(parts[parts.length - 1]) + 1);
  return `${parts.join('.')}${m[2]} `;
}

export function placeClause(model: DocumentModel, rule: TopicRule, lang: Language): Placement {
  // Numbered list items read as headings of their own (level 11 and below), but their articles are the list's.
  const list = model.sections.some((s) => isTopArticle(s) && s.number && s.level <= 6) ? [] : listArticles(model);
  if (list.length) return placeInList(list, rule, lang);
  const home = homeSection(model, rule, lang);
  const modules = moduleStart(model);
  if (home && (modules === undefined || home.headingSpan.start < modules)) {
    const direct = directBlocksEnd(model, home);
    if (direct) return { offset: outsideProtected(model, direct.end), joins: true, paragraphNumber: nextParagraphNumber(direct.lastText) };
  }
  return plainHome(model, rule, lang) ?? placeArticle(model, lang);
}

/**
 * In a document whose articles are its top-level ordered list: the next item under the matching
 * article, titled as its others are ("3.3 Security measures. …" under "3. Privacy & Security"), else a new article after the last substantive one.
 * At the end of the list it is the next item ("14. Audit rights" with its paragraphs as items under
 * it); before the closing articles ("12. General Terms", "13. Definitions") it is "11A" and its text,
 * two paragraphs between two parts of the list, which Markdown then numbers on from 12 as written.
 * There its sentences stay one paragraph: numbered apart, with no heading above them, they would no
 * longer read as one clause.
 */
function placeInList(articles: ListArticle[], rule: TopicRule, lang: Language): Placement {
  const home = articles.filter((a) => isHome(rule, lang, a.title)).pop();
  if (home?.lastItem) return { offset: home.end, joins: true, runIn: true, paragraphNumber: `${home.lastItem.indent}${home.lastItem.number + 1}. ` };
  let substantive = articles;
  while (substantive.length > 1 && isClosingTitle(substantive[substantive.length - 1].title)) substantive = substantive.slice(0, -1);
  const last = substantive[substantive.length - 1];
  if (substantive.length < articles.length) {
    const number = (extra: number) => insertedNumber(last.number, extra, lang);
    return { offset: articles[substantive.length].start, joins: false, number, headingLine: (title, extra) => `${number(extra)}. ${title}` };
  }
  const number = (extra: number) => String(last.number + 1 + extra);
  return { offset: last.end, joins: false, number, paragraphs: { indent: last.lastItem?.indent ?? '    ' }, headingLine: (title, extra) => `${number(extra)}. ${title}` };
}

/**
 * A new article after the last substantive one: before the closing articles (general provisions,
 * definitions at the end), the optional modules, signatures and annexes. Between two articles it takes
 * the number of the one before with a letter ("12A"), so that no other article changes its number.
 */
export function placeArticle(model: DocumentModel, lang: Language = 'en'): Placement {
  const text = model.text;
  const numbered = model.sections.filter((s) => isTopArticle(s) && s.number && /^\d+$/.test(s.number));
  // A loop, not Math.min(...levels): past about 125,000 arguments a spread overflows the stack.
  const minLevel = numbered.reduce((min, s) => Math.min(min, s.level), Infinity);
  const articles = numbered.filter((s) => s.level === minLevel);
  const modules = moduleStart(model);
  let substantive = modules === undefined ? articles : articles.filter((s) => s.headingSpan.start < modules);
  let closing: Section | undefined;
  while (substantive.length > 1 && isClosing(model, substantive[substantive.length - 1])) {
    closing = substantive[substantive.length - 1];
    substantive = substantive.slice(0, -1);
  }
  const last = substantive[substantive.length - 1];
  const afterLast = last ? last.headingSpan.end : model.frontMatter?.span.end ?? 0;
  // The first signature block or annex after the last article ends the articles.
  let offset = closing?.headingSpan.start ?? modules ?? text.length;
  for (const s of model.sections) {
    if (s.headingSpan.start >= afterLast && (s.kind === 'annex' || s.kind === 'signatures') && (!last || s.level <= last.level)) { offset = s.headingSpan.start; break; }
  }
  // So does an annex or schedule whose title is a plain line ("SCHEDULE 1", "ANNEX I": a PDF without headings).
  for (const b of model.blocks) {
    if (b.span.start >= afterLast && b.span.start < offset && (SIGNATURE_BLOCK_RE.test(b.text.trimStart()) || (b.kind === 'paragraph' && isAnnexTitleLine(b.text)))) { offset = b.span.start; break; }
  }
  // A thematic break or signature table just before the signatures stays with them.
  offset = outsideProtected(model, offset);
  const lineStart = model.lines.lineStart(model.lines.lineOf(offset));
  if (offset !== text.length) offset = lineStart;

  if (!last) return plainArticle(text, offset) ?? { offset, joins: false, headingLine: (title) => `## ${title}` };
  const raw = text.slice(last.headingSpan.start, last.headingSpan.end).split(/\r?\n/)[0];
  const m = headingLineParts(raw);
  const n = Number(last.number);
  const between = numbered.some((s) => s.headingSpan.start >= offset && Number(s.number) === n + 1);
  const number = (extra: number) => (between ? insertedNumber(n, extra, lang) : String(n + 1 + extra));
  const paragraphs = paragraphStyle(model, last);
  if (!m) return { offset, joins: false, number, paragraphs, headingLine: (title, extra) => `${'#'.repeat(Math.min(last.level, 6))} ${number(extra)}. ${title}` };
  const shouting = m[4].length > 3 && m[4] === m[4].toUpperCase();
  // "### Artikel  25" with its title on a line of its own below ("####Geschillen …"): the same two lines.
  const titleLine = m[4].trim() ? undefined : /^\s*#+/.exec(model.blocks.find((b) => b.section === last && b.span.start >= last.headingSpan.end)?.text ?? '')?.[0];
  const eol = lineBreak(text);
  return {
    offset, joins: false, number, paragraphs,
    headingLine: (title, extra) => (titleLine !== undefined
      ? `${m[1]}${number(extra)}${m[3]}${eol}${eol}${titleLine}${title}`
      : `${m[1]}${number(extra)}${m[3] || '. '}${shouting ? title.toUpperCase() : title}${m[5]}`),
  };
}

/** An article number on a line of its own with its title in capitals on the next line with text ("6." … "SECURITY"): a PDF without headings. */
const PLAIN_ARTICLE_RE = /^(\d{1,2})\.[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*\p{Lu}[\p{Lu}\s,&'’-]{2,80}$/gmu;

/** The articles of a text without Markdown headings, as their number and capitals lines ("6." … "SECURITY"). */
function plainArticles(model: DocumentModel): { number: number; title: string; start: number }[] {
  if (model.sections.some(isTopArticle)) return [];
  return [...model.text.matchAll(PLAIN_ARTICLE_RE)].map((m) => ({ number: Number(m[1]), title: m[0].slice(m[0].indexOf('.') + 1).trim(), start: m.index! }));
}

/**
 * In such a text, the matching article ("6." "SECURITY" for encryption): the clause is its next
 * paragraph, numbered as its paragraphs are ("6.4" on a line of its own, as "6.1" to "6.3").
 */
function plainHome(model: DocumentModel, rule: TopicRule, lang: Language): Placement | undefined {
  const articles = plainArticles(model);
  const i = articles.map((a) => isHome(rule, lang, a.title)).lastIndexOf(true);
  if (i < 0) return undefined;
  const { number, start } = articles[i];
  const end = articles[i + 1]?.start ?? placeArticle(model, lang).offset;
  if (end <= start) return undefined;
  const paragraphs = [...model.text.slice(start, end).matchAll(new RegExp(`^[ \\t]*${number}\\.(\\d+)[ \\t]*$`, 'gm'))];
  const eol = lineBreak(model.text);
  const last = paragraphs.length ? Number(paragraphs[paragraphs.length - 1][1]) : undefined;
  // Right after the article's last words (a page number, "4" on a line of its own, is not one of them).
  const lines = model.lines;
  let offset = lines.lineStart(lines.lineOf(end));
  for (;;) {
    while (offset > start && /\s/.test(model.text[offset - 1])) offset--;
    const lineStart = lines.lineStart(lines.lineOf(offset));
    if (lineStart <= start || !/^[ \t]*\d{1,3}[ \t]*$/.test(model.text.slice(lineStart, offset))) break;
    offset = lineStart;
  }
  return { offset, joins: true, ...(last !== undefined && { paragraphNumber: `${number}.${last + 1}${eol}${eol}` }) };
}

/** A new article numbered on after the last such article before `offset`, in the same two lines. */
function plainArticle(text: string, offset: number): Placement | undefined {
  let last: number | undefined;
  for (const m of text.slice(0, offset).matchAll(PLAIN_ARTICLE_RE)) last = Number(m[1]);
  if (last === undefined) return undefined;
  const eol = lineBreak(text);
  const number = (extra: number) => String(last! + 1 + extra);
  return { offset, joins: false, number, headingLine: (title, extra) => `${number(extra)}.${eol}${eol}${title.toUpperCase()}` };
}

export function insertionText(model: DocumentModel, placement: Placement, blocks: string[]): { span: Span; text: string } {
  const eol = lineBreak(model.text);
  const body = blocks.join(eol + eol);
  const at = placement.offset;
  const atEnd = at >= model.text.length;
  if (placement.joins || atEnd || at !== model.lines.lineStart(model.lines.lineOf(at))) {
    // After a paragraph, or at the end: a blank line, then the new text.
    const before = model.text.slice(0, at);
    const lead = before.endsWith(eol + eol) || before.length === 0 ? '' : before.endsWith(eol) ? eol : eol + eol;
    const trail = atEnd ? eol : '';
    return { span: { start: at, end: at }, text: lead + body + trail };
  }
  // At the start of a line (a signature block or annex heading): the new text, then a blank line; a
  // blank line before it too where the line above has text, which it would otherwise continue.
  const lead = /(?:^|\n)[ \t]*\r?\n$/.test(model.text.slice(Math.max(0, at - 200), at)) || at === 0 ? '' : eol;
  return { span: { start: at, end: at }, text: lead + body + eol + eol };
}
