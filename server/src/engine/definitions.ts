/**
 * Defined terms as contracts write them: “"Security Incident" means …”, “(the "Provider")”,
 * `**"Customer Content"**</span> means` (HTML left by a conversion), and, in a definitions article or
 * after a lead-in such as "Onder deze begrippen wordt verstaan:", “1.3. *Diensten:* de …”,
 * “Downtime means …” and the rows of a definitions table (`| Klantdata | de gegevens … |`).
 */
import type { Block, DocumentModel, Section } from './markdown.js';
import { perBlock } from './per-block.js';
import type { Span } from './types.js';

/**
 * `meaning` is the defining words after the term; a parenthetical name-giving has none. `standsFor`: the
 * full name an abbreviation or second name stands for ("PHI": "Protected Health Information").
 */
export interface Definition { term: string; span: Span; meaning: string; standsFor?: string }

const Q = '["“”\'‘’]';
const TERM = `([\\p{Lu}][\\p{L}\\p{N}-]*(?:\\s+(?:of|and|for|van|voor|en|de|het|[\\p{Lu}][\\p{L}\\p{N}-]*)){0,5})`;
const MEANS = '(?:means|shall mean|has the meaning|refers to|includes|betekent|houdt in|wordt verstaan)';
const MEANS_RE = new RegExp(`${Q}${TERM}${Q}\\s*(?:[,:]|\\)|(?<=\\s)${MEANS})`, 'gu');
const PARENTHETICAL_RE = new RegExp(`\\(\\s*(?:the\\s+|a\\s+|an\\s+|hereinafter(?: referred to as)?:?\\s*(?:the\\s+)?|hierna(?: te noemen)?:?\\s*(?:de\\s+|het\\s+)?|each a\\s+|together the\\s+|jointly the\\s+|referred to as\\s+(?:the\\s+)?)?${Q}${TERM}${Q}`, 'gu');
// `[^\\S\\n\\r]*`, not `\\s*`: with the m flag, `^\\s*` starts at every line of a run of blank lines
// and runs over all of them (quadratic time). The block's text has its emphasis blanked out, so
// "*Diensten:* de …" reads "Diensten:  de …".
const DEFINITION_LIST_RE = new RegExp(`^[^\\S\\n\\r\\u2028\\u2029]*(?:[-*+]\\s+|\\d+(?:\\.\\d+)*\\.?\\s+|\\(?[a-z]{1,3}[.)]\\s+)?${Q}?${TERM}${Q}?(?:\\s*:|\\s+(?:means|shall mean|betekent))\\s+\\S`, 'gmu');
/** The first cell of a table row as written: `| **Klantdata** | de gegevens … |`. */
const TABLE_ROW_RE = new RegExp(`^\\s*(?:\\|\\s*)?(?:\\*\\*|__|\\*|_)?${Q}?${TERM}${Q}?(?:\\*\\*|__|\\*|_)?\\s*\\|\\s*\\S`, 'u');
/** The head of a definitions table: its first cell names the column of terms. */
const TABLE_HEAD_RE = /^\s*(?:\|\s*)?(?:\*\*)?(?:begrip(?:pen)?|term(?:s)?|defined terms?|definiti(?:e|on)s?|woord)(?:\*\*)?\s*\|/i;
/** A paragraph that opens a list of definitions: "Onder deze begrippen wordt verstaan:", "… have the following meanings:". */
const LEAD_IN_RE = /(?:\bverstaan|\bfollowing (?:meanings?|definitions?)|\bmeanings? (?:set out|given) below|\bdefinitions apply|\bshall have the meanings?)\s*:\s*$/i;
/** HTML tags a conversion left in the text (`<span id="13.7">`), blanked so that offsets stay exact. */
const HTML_TAG_RE = /<\/?[A-Za-z][^<>\n]*>/g;

const withoutTags = (text: string) => (text.includes('<') ? text.replace(HTML_TAG_RE, (t) => ' '.repeat(t.length)) : text);

/** A definition found in a block, offset relative to the block. */
interface LocalDefinition { term: string; start: number; length: number; meaning: string; standsFor?: string }

function definedIn(text: string, re: RegExp, withMeaning: (m: RegExpMatchArray) => string): LocalDefinition[] {
  const out: LocalDefinition[] = [];
  for (const m of text.matchAll(re)) out.push({ term: m[1].trim(), start: m.index! + m[0].indexOf(m[1]), length: m[1].length, meaning: withMeaning(m) });
  return out;
}

/** Two names for one thing: “"Protected Health Information" or "PHI" has the meaning …”, “"Diensten" of "Dienst"”. */
const ALTERNATE_RE = new RegExp(`${Q}${TERM}${Q}\\s+(?:or|of)\\s+(?=${Q})`, 'gu');

/**
 * A term defined under two names: the second is the one followed by its meaning and the first is what it
 * stands for, so "PHI" is data wherever "Protected Health Information" is; the first gets the same meaning.
 */
function withAlternates(text: string, found: LocalDefinition[]): LocalDefinition[] {
  if (!found.length) return found;
  const out = [...found];
  for (const m of text.matchAll(ALTERNATE_RE)) {
    const first = m[1].trim(), next = m.index! + m[0].length;
    const second = found.find((d) => d.meaning && d.start > next && d.start <= next + 2);
    if (!second || found.some((d) => d.term === first)) continue;
    second.standsFor = first;
    out.push({ term: first, start: m.index! + m[0].indexOf(m[1]), length: m[1].length, meaning: second.meaning });
  }
  return out;
}

/**
 * The words an abbreviation given in parentheses stands for, when their initials spell it:
 * Protected Health Information ("PHI"), Service Level Agreement ("SLA").
 */
function abbreviated(text: string, term: string, start: number): string | undefined {
  if (!/^\p{Lu}{2,6}$/u.test(term)) return undefined;
  const at = text.lastIndexOf('(', start);
  if (at < 0 || start - at > 30 || text.slice(at, start).includes(')')) return undefined;
  const words = text.slice(Math.max(0, at - 120), at).split(/[\s(]+/).filter(Boolean).slice(-term.length);
  return words.length === term.length && words.every((w, i) => w[0]?.toUpperCase() === term[i]) && !COMPANY_RE.test(words.at(-1)!) ? words.join(' ') : undefined;
}

/** A company's abbreviated name is a party, not what its words say: "Fujitsu Semiconductor Limited ("FSL")" limits nothing. */
const COMPANY_RE = /^(?:limited|ltd|inc|incorporated|corporation|corp|company|co|llc|llp|plc|gmbh|ag|sa|b\.?v|n\.?v|holding|holdings|group)\.?,?$/i;

/** Definitions depend on a block's text (and, for lists and tables, where it stands), not on the rest of the document. */
const inSentences = perBlock((block) => {
  const text = withoutTags(block.text);
  return [
    ...withAlternates(text, definedIn(text, MEANS_RE, (m) => block.text.slice(m.index! + m[0].length, m.index! + m[0].length + 300))),
    ...definedIn(text, PARENTHETICAL_RE, () => ''),
  ].map((d) => {
    const standsFor = d.standsFor ?? abbreviated(text, d.term, d.start);
    return standsFor ? { ...d, standsFor } : d;
  });
});

/** "Beveiligingsincident: een gebeurtenis …", "Downtime means …" in a definitions article. */
const inList = perBlock((block) => definedIn(withoutTags(block.text), DEFINITION_LIST_RE, (m) => block.text.slice(m.index! + m[0].length - 1, m.index! + m[0].length + 300)));

/** The term in a definitions table's first cell, and the rest of the row as its meaning. */
const inTableRow = perBlock((block): LocalDefinition[] => {
  const m = TABLE_ROW_RE.exec(block.source);
  if (!m) return [];
  const start = m.index + m[0].indexOf(m[1]);
  const meaningStart = m.index + m[0].length - 1;
  return [{ term: m[1].trim(), start, length: m[1].length, meaning: block.text.slice(meaningStart, meaningStart + 300).trim() }];
});

/** Whether a paragraph opens a list of definitions, read once per paragraph text. */
const leadsIn = perBlock((block) => LEAD_IN_RE.test(block.text.trimEnd()));

function definitionsSection(section: Section): boolean {
  for (let s: Section | null = section; s; s = s.parent) {
    if (s.kind === 'definitions' || /\b(?:definiti|begrip)/i.test(s.title)) return true;
  }
  return false;
}

export function findDefinitions(model: DocumentModel): Definition[] {
  const defs: Definition[] = [];
  // A quoted term in a definitions article is found both as a sentence and as a list entry: once is enough.
  const seen = new Set<number>();
  const add = (block: Block, found: LocalDefinition[]) => {
    for (const d of found) {
      const start = block.span.start + d.start;
      if (seen.has(start)) continue;
      seen.add(start);
      defs.push({ term: d.term, span: { start, end: start + d.length }, meaning: d.meaning, ...(d.standsFor ? { standsFor: d.standsFor } : {}) });
    }
  };
  // A lead-in paragraph makes the rest of its section a list of definitions; a table's head its rows.
  let ledIn: Section | undefined;
  let previous: Block | undefined;
  let definingTable = false;
  for (const block of model.blocks) {
    add(block, inSentences(block.parsed));
    const listed = ledIn === block.section || definitionsSection(block.section);
    if (block.kind === 'table-row') {
      // A table's first row is its head: "Begrip | Betekenis" defines nothing, and tells a definitions table.
      const head = previous?.kind !== 'table-row' || /\n[^\S\n]*\n/.test(model.text.slice(previous.span.end, block.span.start));
      if (head) definingTable = listed || TABLE_HEAD_RE.test(block.parsed.source);
      else if (definingTable) add(block, inTableRow(block.parsed));
    } else if (listed) add(block, inList(block.parsed));
    if (block.kind === 'paragraph' && leadsIn(block.parsed)) ledIn = block.section;
    previous = block;
  }
  return defs;
}
