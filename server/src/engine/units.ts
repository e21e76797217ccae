/** The sentences of a document, tokenized once in their section's language, with their heading context. */
import type { DocumentModel, Section } from './markdown.js';
import { splitSentences } from './sentences.js';
import { tokenize, type Token } from './tokens.js';
import type { Language, Span } from './types.js';

export interface Sentence {
  span: Span;
  text: string;
  tokens: Token[];
  lang: Language;
  section: Section;
  blockIndex: number;
  /** The words that introduce a list ("Upon termination, the Supplier shall:") give each item its context. */
  leadIn?: Token[];
  /** Everything detection depends on (language, headings, lead-in, words): equal keys, equal topics. */
  key: string;
}

const tokenCache = new Map<string, Token[]>();

/** Tokens of a text at an offset; the same text anywhere is tokenized and stemmed once. */
function cachedTokens(text: string, lang: Language, base: number): Token[] {
  const key = lang + text;
  let rel = tokenCache.get(key);
  if (!rel) {
    rel = tokenize(text, lang, 0);
    if (tokenCache.size > 30_000) tokenCache.clear();
    tokenCache.set(key, rel);
  }
  return base === 0 ? rel : rel.map((t) => ({ word: t.word, stem: t.stem, start: t.start + base, end: t.end + base }));
}

function headingChain(section: Section): string {
  let out = '';
  for (let s: Section | null = section; s && s.kind !== 'preamble' && s.kind !== 'title'; s = s.parent) out += s.title + '\u0002';
  return out;
}

export interface Units {
  sentences: Sentence[];
  /** Tokens of a section's heading and those of the sections around it, which give a sentence its topic. */
  headingTokens(section: Section, lang: Language): Token[];
}

const BARE_ENUMERATOR_RE = /^\s*(?:[-*+]|\d+[.)]|\(?[a-z]{1,3}[.)]|\(?[ivx]{1,4}[.)])?\s*$/;
const LIST_ITEM_RE = /^\s*(?:[-*+]|\d+[.)]|\(?[a-z]{1,3}[.)]|\(?[ivx]{1,4}[.)])\s/;

export function buildUnits(model: DocumentModel, langOf: (section: Section) => Language): Units {
  const sentences: Sentence[] = [];
  let leadIn: Token[] | undefined;
  let leadText = '';
  let leadSection: Section | undefined;
  let afterEnumerator = false;
  const chains = new Map<Section, string>();
  model.blocks.forEach((block, blockIndex) => {
    if (block.kind === 'heading') { leadIn = undefined; return; }
    const lang = langOf(block.section);
    const lineStart = model.lines.lineStart(model.lines.lineOf(block.span.start));
    const source = model.text.slice(lineStart, block.span.end);
    // A bare enumerator on its own line ("ii)") belongs to the item after it: the lead-in carries on.
    if (BARE_ENUMERATOR_RE.test(source)) { afterEnumerator = true; return; }
    const isItem = afterEnumerator || LIST_ITEM_RE.test(source.slice(0, block.span.start - lineStart + 8));
    afterEnumerator = false;
    if (!isItem || block.section !== leadSection) { leadIn = undefined; leadText = ''; }
    let chain = chains.get(block.section);
    if (chain === undefined) { chain = headingChain(block.section); chains.set(block.section, chain); }
    for (const span of splitSentences(block.text, block.span.start)) {
      const text = model.text.slice(span.start, span.end);
      const masked = block.text.slice(span.start - block.span.start, span.end - block.span.start);
      const tokens = cachedTokens(masked, lang, span.start);
      sentences.push({ span, text, tokens, lang, section: block.section, blockIndex, leadIn, key: `${lang}\u0001${chain}\u0001${leadText}\u0001${masked}` });
      if (/:\s*$/.test(text)) { leadIn = tokens; leadText = masked; leadSection = block.section; }
    }
  });
  const headingCache = new Map<string, Token[]>();
  return {
    sentences,
    headingTokens(section, lang) {
      const key = `${section.index}:${lang}`;
      let tokens = headingCache.get(key);
      if (!tokens) {
        tokens = [];
        for (let s: Section | null = section; s && s.kind !== 'preamble' && s.kind !== 'title'; s = s.parent) {
          tokens.push(...tokenize(s.title.replace(/^\s*(?:article|artikel|section|clause)?\s*[\d.ivxlc]*\.?\s*[–—:-]?\s*/i, ''), lang, s.headingSpan.start));
        }
        headingCache.set(key, tokens);
      }
      return tokens;
    },
  };
}
