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
}

export interface Units {
  sentences: Sentence[];
  /** Tokens of a section's heading and those of the sections around it, which give a sentence its topic. */
  headingTokens(section: Section, lang: Language): Token[];
}

const LIST_ITEM_RE = /^\s*(?:[-*+]|\d+[.)]|\(?[a-z]{1,3}[.)]|\(?[ivx]{1,4}[.)])\s/;

export function buildUnits(model: DocumentModel, langOf: (section: Section) => Language): Units {
  const sentences: Sentence[] = [];
  let leadIn: Token[] | undefined;
  let leadSection: Section | undefined;
  model.blocks.forEach((block, blockIndex) => {
    if (block.kind === 'heading') { leadIn = undefined; return; }
    const lang = langOf(block.section);
    const lineStart = model.lines.lineStart(model.lines.lineOf(block.span.start));
    const isItem = LIST_ITEM_RE.test(model.text.slice(lineStart, block.span.start + 8));
    if (!isItem || block.section !== leadSection) leadIn = undefined;
    for (const span of splitSentences(block.text, block.span.start)) {
      const text = model.text.slice(span.start, span.end);
      const masked = block.text.slice(span.start - block.span.start, span.end - block.span.start);
      const tokens = tokenize(masked, lang, span.start);
      sentences.push({ span, text, tokens, lang, section: block.section, blockIndex, leadIn });
      if (/:\s*$/.test(text)) { leadIn = tokens; leadSection = block.section; }
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
