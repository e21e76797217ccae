/** The sentences of a document, tokenized once in their section's language, with their heading context. */
import { Interner } from './bounded-cache.js';
import type { DocumentModel, ParsedBlock, Section } from './markdown.js';
import { perBlock } from './per-block.js';
import { splitSentences } from './sentences.js';
import { tokenize, type Token } from './tokens.js';
import type { Language, Span } from './types.js';

/** A sentence as found in its block, the same in every version of the document that has the block. */
export interface LocalSentence {
  /** Relative to the block. */
  span: Span;
  text: string;
  /** Made of the text with Markdown syntax blanked out; offsets relative to the sentence. */
  tokens: Token[];
  /** Equal ids, equal text as written and as blanked out: what the sentence's key says of its words. */
  id: number;
  /** "Upon termination, the Supplier shall:" introduces the list items after it. */
  leadsIn: boolean;
  /** Starts an enumeration inside its sentence and breaks off at a semicolon: "… liable for: (i) indirect damages;". */
  opens: boolean;
  /** Goes on with the next enumerator after a semicolon: "(ii) the cost of …;", "or (iv) …". */
  continues: boolean;
}

/** An enumerator in running text: "(i)", "(b)", "(2)", "ii)". */
const INLINE_ENUMERATOR = String.raw`(?:\((?:[a-z]|[ivx]{1,5}|\d{1,2})\)|(?:[a-z]|[ivx]{1,5})\))`;
const OPENS_RE = new RegExp(String.raw`(?:^|[\s:,])${INLINE_ENUMERATOR}\s`, 'i');
const CONTINUES_RE = new RegExp(String.raw`^\s*(?:(?:and|or|en|of)\s+)?${INLINE_ENUMERATOR}\s`, 'i');

/**
 * An id is given when a block is first split, and stays with the block's sentences while its chunk is
 * remembered: forgetting the text of an id costs at most a cache miss for an identical sentence elsewhere.
 */
// Bounded by characters, not by sentences: each keystroke in a long paragraph of a plain-text contract
// makes a new sentence of thousands of characters (after 2,000 keystrokes in CUAD's GOOSEHEAD contract,
// 3,700 sentences held 25 MB, and the bound was 20,000 sentences). The open documents' sentences (their
// text twice, as written and masked) fit with room.
const sentenceIds = new Interner(2_000_000, (key) => key.length);
const chainIds = new Interner(20_000);
const localSentences = perBlock((): Partial<Record<Language, LocalSentence[]>> => ({}));

function sentencesOf(block: ParsedBlock, lang: Language): LocalSentence[] {
  const byLang = localSentences(block);
  return (byLang[lang] ??= splitSentences(block.text).map((span) => {
    const text = block.source.slice(span.start, span.end);
    const masked = block.text.slice(span.start, span.end);
    const semicolon = /;\s*$/.test(text);
    return {
      span, text, tokens: tokenize(masked, lang), id: sentenceIds.id(`${text}\u0001${masked}`), leadsIn: /:\s*$/.test(text),
      opens: semicolon && OPENS_RE.test(text.slice(0, 2000)), continues: CONTINUES_RE.test(text.slice(0, 40)),
    };
  }));
}

export class Sentence {
  private absoluteTokens?: Token[];

  constructor(
    readonly span: Span,
    /** The sentence as found in its block. */
    readonly local: LocalSentence,
    readonly lang: Language,
    readonly section: Section,
    readonly blockIndex: number,
    /** The sentence that introduces the list this sentence is an item of. */
    private readonly lead: Sentence | undefined,
    /** The sentence before it in its section: what "the breach" in this one may refer back to. */
    readonly previous: Sentence | undefined,
    /** Everything detection depends on (language, headings, lead-in, the sentence before, words): equal keys, equal topics. */
    readonly key: string,
  ) {}

  get text(): string { return this.local.text; }

  /** Made when first asked for: after an edit, most sentences are judged from caches and never need them. */
  get tokens(): Token[] {
    return (this.absoluteTokens ??= this.local.tokens.map((t) => ({ word: t.word, stem: t.stem, start: t.start + this.span.start, end: t.end + this.span.start })));
  }

  /**
   * The words that introduce a list ("Upon termination, the Supplier shall:") give each item its topic.
   * An enumeration within a paragraph ("(ii) the cost of …") gives its parts no topic of its own: they
   * may run on about anything from a lead that names insurance or tax.
   */
  get leadIn(): Token[] | undefined { return this.lead?.local.leadsIn ? this.lead.tokens : undefined; }

  /** The sentence this one continues as a list item or an enumerated part, if any. */
  get leadInSentence(): Sentence | undefined { return this.lead; }
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
  /**
   * In a document whose articles are nested list items rather than headings, the last block of a block's
   * sub-items ("6. Subprocessors." with its (a) to (d)), the block itself when it has none.
   */
  lastSubItem(blockIndex: number): number;
  /** The block whose sub-item a block is, or -1 for a block at the margin. */
  itemParent(blockIndex: number): number;
}

/** Per block, the block whose sub-item it is and the last block of its own sub-items; found in one pass. */
function outlineOf(model: DocumentModel): { parent: Int32Array; last: Int32Array } {
  const n = model.blocks.length;
  const parent = new Int32Array(n).fill(-1), last = new Int32Array(n);
  const open: number[] = [];
  const column = (b: number) => model.blocks[b].parsed.linePrefix.length;
  const close = (until: number, b: number) => { while (open.length > until) last[open.pop()!] = b - 1; };
  for (let b = 0; b < n; b++) {
    last[b] = b;
    if (model.blocks[b].kind === 'heading') { close(0, b); continue; }
    let keep = open.length;
    while (keep && column(open[keep - 1]) >= column(b)) keep--;
    close(keep, b);
    if (open.length) parent[b] = open[open.length - 1];
    open.push(b);
  }
  close(0, n);
  return { parent, last };
}

/**
 * Tested on the trimmed line: `^\s*(…)?\s*$` backtracks quadratically over a long run of spaces. Dashes and
 * bullets that word processors leave in converted text ("– € 150.000 voor …") mark items as Markdown's do.
 */
const BARE_ENUMERATOR_RE = /^(?:[-*+–—•▪·]|\d+[.)]|\(?[a-z]{1,3}[.)]|\(?[ivx]{1,4}[.)])?$/;
const LIST_ITEM_RE = /^\s*(?:[-*+–—•▪·]|\d+[.)]|\(?[a-z]{1,3}[.)]|\(?[ivx]{1,4}[.)])\s/;

/** How a block stands in a list, read from its line: a bare enumerator ("ii)"), an item, or neither. */
const listShape = perBlock((block) => {
  const line = block.linePrefix + block.source;
  return { bare: BARE_ENUMERATOR_RE.test(line.trim()), item: LIST_ITEM_RE.test(line.slice(0, block.linePrefix.length + 8)) };
});

/** "Article 7 –", "7.2", "IV." before a heading's words; a roman numeral only as a word of its own ("Liability" keeps its "Li"). */
const HEADING_NUMBER_RE = /^\s*(?:(?:article|artikel|section|clause)\b\s*)?(?:\d[\d.]*|[ivxlc]+(?=[.\s:–—-]|$))?\.?\s*[–—:-]?\s*/i;

/**
 * Text converted from a word processor often loses its lists: "Upon termination of the Agreement:" is a
 * paragraph, and so is each item after it. A few short paragraphs after a paragraph that leads in take
 * its lead-in, as list items do, up to a numbered clause ("7.3 …") or a run-in title ("Survival. …").
 */
const MAX_LED_PARAGRAPHS = 6;
const MAX_LED_LENGTH = 600;
/** A lead-in is short ("Upon termination:"); a long sentence that ends in a colon is a clause of its own. */
const MAX_LEAD_LENGTH = 250;
const NEW_CLAUSE_RE = /^\s*(?:\d+\.\d+|\p{Lu}[\p{L}’'-]*(?:\s+(?:\p{Lu}[\p{L}’'-]*|of|and|or|the|for|to|in|on|van|en|de|het|op|voor)){0,6}\.\s+\p{Lu})/u;

function takesLead(block: DocumentModel['blocks'][number], lead: Sentence, led: number): boolean {
  return block.kind === 'paragraph' && block.section === lead.section && led < MAX_LED_PARAGRAPHS && block.text.length <= MAX_LED_LENGTH && !NEW_CLAUSE_RE.test(block.text);
}

export function buildUnits(model: DocumentModel, langOf: (section: Section) => Language): Units {
  const sentences: Sentence[] = [];
  let lead: Sentence | undefined;
  let leadSection: Section | undefined;
  let afterEnumerator = false;
  let previous: Sentence | undefined;
  /** A paragraph that ends in a lead-in, and how many paragraphs after it have taken it. */
  let paragraphLead: Sentence | undefined;
  let paragraphsLed = 0;
  const chains = new Map<Section, number>();
  model.blocks.forEach((block, blockIndex) => {
    if (block.kind === 'heading') { lead = undefined; previous = undefined; paragraphLead = undefined; return; }
    if (previous && previous.section !== block.section) previous = undefined;
    const lang = langOf(block.section);
    const shape = listShape(block.parsed);
    // A bare enumerator on its own line ("ii)") belongs to the item after it: the lead-in carries on.
    if (shape.bare) { afterEnumerator = true; return; }
    const isItem = afterEnumerator || shape.item;
    afterEnumerator = false;
    if (!isItem && paragraphLead && takesLead(block, paragraphLead, paragraphsLed)) { lead = paragraphLead; paragraphsLed++; }
    else if (!isItem || block.section !== leadSection) { lead = undefined; paragraphLead = undefined; }
    let chain = chains.get(block.section);
    if (chain === undefined) { chain = chainIds.id(headingChain(block.section)); chains.set(block.section, chain); }
    // "… shall not be liable for: (i) …; (ii) …; or (iii) loss of data": the sentences that go on with an
    // enumerator continue the one that began the enumeration, as list items continue their lead-in.
    let opener: Sentence | undefined;
    for (const local of sentencesOf(block.parsed, lang)) {
      const start = block.span.start + local.span.start;
      const continues = opener && !lead && local.continues ? opener : undefined;
      const context = lead ?? continues;
      const sentence = new Sentence({ start, end: block.span.start + local.span.end }, local, lang, block.section, blockIndex, context, previous,
        `${lang}${chain}:${context ? context.local.id : ''}:${previous ? previous.local.id : ''}:${local.id}`);
      sentences.push(sentence);
      previous = sentence;
      if (local.leadsIn) { lead = sentence; leadSection = block.section; }
      if (!continues) opener = local.opens ? sentence : undefined;
    }
    if (!isItem && block.kind === 'paragraph' && previous?.blockIndex === blockIndex && previous.local.leadsIn && previous.text.length <= MAX_LEAD_LENGTH) { paragraphLead = previous; paragraphsLed = 0; }
  });
  const headingCache = new Map<string, Token[]>();
  let outline: ReturnType<typeof outlineOf> | undefined;
  return {
    sentences,
    lastSubItem(blockIndex) { return (outline ??= outlineOf(model)).last[blockIndex]; },
    itemParent(blockIndex) { return (outline ??= outlineOf(model)).parent[blockIndex]; },
    headingTokens(section, lang) {
      const key = `${section.index}:${lang}`;
      let tokens = headingCache.get(key);
      if (!tokens) {
        tokens = [];
        for (let s: Section | null = section; s && s.kind !== 'preamble' && s.kind !== 'title'; s = s.parent) {
          tokens.push(...tokenize(s.title.replace(HEADING_NUMBER_RE, ''), lang, s.headingSpan.start));
        }
        headingCache.set(key, tokens);
      }
      return tokens;
    },
  };
}
