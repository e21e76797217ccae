/** Defined terms: “"Security Incident" means …”, “(the "Provider")”, “Beveiligingsincident: …” in a definitions article. */
import type { DocumentModel } from './markdown.js';
import type { Span } from './types.js';

/** `meaning` is the defining words after the term; a parenthetical name-giving has none. */
export interface Definition { term: string; span: Span; meaning: string }

const Q = '["“”\'‘’]';
const TERM = `([\\p{Lu}][\\p{L}\\p{N}-]*(?:\\s+(?:of|and|for|van|voor|en|de|het|[\\p{Lu}][\\p{L}\\p{N}-]*)){0,5})`;
const MEANS_RE = new RegExp(`${Q}${TERM}${Q}\\s*(?:[,:]|\\)|\\s+(?:means|shall mean|has the meaning|refers to|includes|betekent|houdt in|wordt verstaan))`, 'gu');
const PARENTHETICAL_RE = new RegExp(`\\(\\s*(?:the\\s+|a\\s+|an\\s+|hereinafter(?: referred to as)?:?\\s*(?:the\\s+)?|hierna(?: te noemen)?:?\\s*(?:de\\s+|het\\s+)?|each a\\s+|together the\\s+|jointly the\\s+|referred to as\\s+(?:the\\s+)?)?${Q}${TERM}${Q}`, 'gu');
const DEFINITION_LIST_RE = new RegExp(`^\\s*(?:[-*+]\\s+|\\d+(?:\\.\\d+)*\\.?\\s+|\\(?[a-z]{1,3}[.)]\\s+)?${TERM}\\s*:\\s+\\S`, 'gmu');

export function findDefinitions(model: DocumentModel): Definition[] {
  const defs: Definition[] = [];
  for (const block of model.blocks) {
    const text = block.text;
    for (const re of [MEANS_RE, PARENTHETICAL_RE]) {
      for (const m of text.matchAll(re)) {
        const start = block.span.start + m.index! + m[0].indexOf(m[1]);
        const meaning = re === MEANS_RE ? text.slice(m.index! + m[0].length, m.index! + m[0].length + 300) : '';
        defs.push({ term: m[1].trim(), span: { start, end: start + m[1].length }, meaning });
      }
    }
    // "Beveiligingsincident: een gebeurtenis …" in a definitions article.
    if (block.section.kind === 'definitions' || /\b(?:definiti|begrip)/i.test(block.section.title)) {
      for (const m of text.matchAll(DEFINITION_LIST_RE)) {
        const start = block.span.start + m.index! + m[0].indexOf(m[1]);
        defs.push({ term: m[1].trim(), span: { start, end: start + m[1].length }, meaning: text.slice(m.index! + m[0].length - 1, m.index! + m[0].length + 300) });
      }
    }
  }
  return defs;
}
