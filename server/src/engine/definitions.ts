/** Defined terms: “"Security Incident" means …”, “(the "Provider")”, “Beveiligingsincident: …” in a definitions article. */
import type { Block, DocumentModel } from './markdown.js';
import { perBlock } from './per-block.js';
import type { Span } from './types.js';

/** `meaning` is the defining words after the term; a parenthetical name-giving has none. */
export interface Definition { term: string; span: Span; meaning: string }

const Q = '["“”\'‘’]';
const TERM = `([\\p{Lu}][\\p{L}\\p{N}-]*(?:\\s+(?:of|and|for|van|voor|en|de|het|[\\p{Lu}][\\p{L}\\p{N}-]*)){0,5})`;
const MEANS_RE = new RegExp(`${Q}${TERM}${Q}\\s*(?:[,:]|\\)|(?<=\\s)(?:means|shall mean|has the meaning|refers to|includes|betekent|houdt in|wordt verstaan))`, 'gu');
const PARENTHETICAL_RE = new RegExp(`\\(\\s*(?:the\\s+|a\\s+|an\\s+|hereinafter(?: referred to as)?:?\\s*(?:the\\s+)?|hierna(?: te noemen)?:?\\s*(?:de\\s+|het\\s+)?|each a\\s+|together the\\s+|jointly the\\s+|referred to as\\s+(?:the\\s+)?)?${Q}${TERM}${Q}`, 'gu');
// `[^\\S\\n\\r]*`, not `\\s*`: with the m flag, `^\\s*` starts at every line of a run of blank lines
// and runs over all of them (quadratic time).
const DEFINITION_LIST_RE = new RegExp(`^[^\\S\\n\\r\\u2028\\u2029]*(?:[-*+]\\s+|\\d+(?:\\.\\d+)*\\.?\\s+|\\(?[a-z]{1,3}[.)]\\s+)?${TERM}\\s*:\\s+\\S`, 'gmu');

/** A definition found in a block, offset relative to the block. */
interface LocalDefinition { term: string; start: number; length: number; meaning: string }

function definedIn(text: string, re: RegExp, withMeaning: (m: RegExpMatchArray) => string): LocalDefinition[] {
  const out: LocalDefinition[] = [];
  for (const m of text.matchAll(re)) out.push({ term: m[1].trim(), start: m.index! + m[0].indexOf(m[1]), length: m[1].length, meaning: withMeaning(m) });
  return out;
}

/** Definitions depend on a block's text (and, for lists, its section), not on the rest of the document. */
const inSentences = perBlock((block) => [
  ...definedIn(block.text, MEANS_RE, (m) => block.text.slice(m.index! + m[0].length, m.index! + m[0].length + 300)),
  ...definedIn(block.text, PARENTHETICAL_RE, () => ''),
]);

/** "Beveiligingsincident: een gebeurtenis …" in a definitions article. */
const inList = perBlock((block) => definedIn(block.text, DEFINITION_LIST_RE, (m) => block.text.slice(m.index! + m[0].length - 1, m.index! + m[0].length + 300)));

export function findDefinitions(model: DocumentModel): Definition[] {
  const defs: Definition[] = [];
  const add = (block: Block, found: LocalDefinition[]) => {
    for (const d of found) {
      const start = block.span.start + d.start;
      defs.push({ term: d.term, span: { start, end: start + d.length }, meaning: d.meaning });
    }
  };
  for (const block of model.blocks) {
    add(block, inSentences(block.parsed));
    if (block.section.kind === 'definitions' || /\b(?:definiti|begrip)/i.test(block.section.title)) add(block, inList(block.parsed));
  }
  return defs;
}
