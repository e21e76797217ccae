/**
 * Fixes and suggestions of a weak phrase. A *completion* keeps every word the drafter wrote and adds
 * some ("without undue delay" + "and in any event within 24 hours"): it is a fix, which --fix applies.
 * A *replacement* changes or drops words ("once every three years" → "once every year", "27001:2013" →
 * "2022"): it is a suggestion, offered but never applied without the user asking.
 *
 * A completion is offered only where it reads as part of the sentence and changes nothing else it
 * says: on a sentence that is the topic's clause, not on the customer's own obligations, not where the
 * standard it names is already named, not with a figure that differs from one the document sets.
 */
import type { PartyContext } from './checks.js';
import { commitmentAt, leadsIntoItems, sentenceCommitments } from './commitments.js';
import { findDurations, inHours, type Duration } from './numbers.js';
import type { Clause, TopicEvaluation } from './topic-evaluation.js';
import type { Span, TextEdit } from './types.js';
import type { Sentence } from './units.js';

const WORD_RE = /[\p{L}\p{N}]+/gu;

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD_RE) ?? [];
}

/** Whether every word of `before` is still in `after`, in order (punctuation aside). */
export function keepsWords(before: string, after: string): boolean {
  const a = wordsOf(before), b = wordsOf(after);
  let j = 0;
  for (const w of a) {
    while (j < b.length && b[j] !== w) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
}

/** A replacement that keeps the phrase whole and adds words after it ("{phrase} and in any event within 24 hours"). */
export function isCompletion(phrase: string, replacement: string): boolean {
  return replacement.startsWith(phrase) && /^[^\p{L}\p{N}]/u.test(replacement.slice(phrase.length)) && /[\p{L}\p{N}]/u.test(replacement.slice(phrase.length));
}

/** Words after which a parenthetical or an added deadline can stand: the noun phrase has ended. */
const BOUNDARY = new Set([
  'of', 'to', 'in', 'on', 'upon', 'after', 'following', 'from', 'for', 'with', 'by', 'at', 'and', 'or', 'but', 'if', 'when',
  'where', 'which', 'that', 'unless', 'once', 'as', 'including', 'within', 'under', 'against', 'without', 'so', 'provided',
  'subject', 'per', 'whenever', 'so', 'than', 'about', 'regarding', 'concerning', 'throughout', 'during', 'while',
  'van', 'aan', 'in', 'op', 'na', 'bij', 'voor', 'met', 'door', 'om', 'te', 'en', 'of', 'maar', 'indien', 'als', 'wanneer',
  'zodra', 'waarbij', 'die', 'dat', 'welke', 'conform', 'overeenkomstig', 'tenzij', 'nadat', 'zodat', 'binnen', 'onder',
  'tegen', 'zonder', 'ter', 'tot', 'over', 'gedurende', 'tijdens', 'omtrent', 'inzake',
]);
const NUMBER_START_RE = /^\s*(?:\(?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig)\b)/i;

/**
 * Where the words `tail` go after the phrase at `span`, and the text to insert there: directly after it
 * when its noun phrase ends there, else after the rest of the noun phrase ("commercially reasonable
 * efforts, at least …, to protect"), never leaving two commas. None when no such place is near.
 */
export function completionEdit(text: string, span: Span, tail: string): TextEdit | undefined {
  let at = span.end;
  const after = () => text.slice(at, at + 200);
  for (let words = 0; ; words++) {
    const rest = after();
    if (/^[ \t]*(?:$|[^\p{L}\p{N}\s'’-]|\r?\n)/u.test(rest)) break; // punctuation, a line break or the end
    const m = /^[ \t]+([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(rest);
    if (!m) return undefined;
    if (BOUNDARY.has(m[1].toLowerCase())) break;
    if (words === 3) return undefined;
    at += m[0].length;
  }
  let insert = tail;
  const next = text.slice(at).replace(/^[ \t]+/, '').charAt(0);
  if (insert.endsWith(',') && (next === '' || /[,.;:)!?\r\n]/.test(next))) insert = insert.slice(0, -1);
  if (insert.startsWith(',') && /,\s*$/.test(text.slice(Math.max(0, at - 3), at))) insert = insert.slice(1);
  return { span: { start: at, end: at }, text: insert };
}

/**
 * What a replacement replaces: the phrase, and the figure that completes it when the phrase ends before
 * one ("no more than once every" + "three years"), so that none is left dangling ("once every year three
 * years"). None when a figure follows that is not a duration.
 */
export function replacedSpan(text: string, span: Span): Span | undefined {
  if (!NUMBER_START_RE.test(text.slice(span.end, span.end + 30))) return span;
  const rest = text.slice(span.end, span.end + 60);
  const d = findDurations(rest).find((x) => /^\s*$/.test(rest.slice(0, x.span.start)));
  return d ? { start: span.start, end: span.end + d.span.end } : undefined;
}

/**
 * Whether the words at `at` are a duty of the customer, alone or as "each party", as the commitment
 * engine reads the sentence (a list item with its lead-in: "The Customer shall: … notify the Supplier
 * without undue delay"). The topic asks something of the supplier; a supplier's deadline or standard
 * does not belong on what the customer owes ("Recipient will protect … with a reasonable standard of care").
 */
function customersDuty(s: Sentence, at: number, parties: PartyContext): boolean {
  const own = sentenceCommitments(s, parties.data, parties.names);
  if (own.none) return false;
  const lead = s.leadInSentence && sentenceCommitments(s.leadInSentence, parties.data, parties.names);
  const previous = lead && !lead.none ? commitmentAt(lead, Infinity, undefined) : undefined;
  const word = s.tokens.findIndex((t) => t.end > at);
  const owed = commitmentAt(own, word < 0 ? s.tokens.length : word, previous, lead !== undefined && leadsIntoItems(s.leadInSentence!, lead));
  return (owed?.party === 'customer' || owed?.party === 'both') && owed.force === 'duty';
}

/** A standard or baseline named in a text: a completion naming one is not added where one is named. */
const STANDARD_RE = /\b(?:ISO(?:\/IEC)?|IEC|NEN|BIO|NIST|SOC\s*2|ISAE|CIS|BSI|27001|27002|27017|27018|Baseline Informatiebeveiliging|security (?:annex|schedule|exhibit|appendix)|beveiligingsbijlage)\b/i;

/** A figure written as a deadline ("within 72 hours", "binnen 72 uur"), as the contradiction check reads it. */
const DEADLINE_LEAD_RE = /(?:within|no later than|not later than|at the latest|binnen|uiterlijk|ten laatste)\s+(?:\S+\s+){0,2}$/i;
const DEADLINE = new Set(['minutes', 'hours', 'days', 'business-days', 'weeks']);
const familyOf = (d: Duration) => (DEADLINE.has(d.unit) ? 'deadline' : 'period');

export interface CompletionCheck {
  text: string;
  clause: Clause;
  evaluation: TopicEvaluation;
  /** The weak phrase and the sentence it stands in. */
  span: Span;
  sentence: Span | undefined;
  replacement: string;
  /** The document's party names, for reading who owes the sentence's duty. */
  parties: PartyContext;
}

/** Whether a weak phrase's fix (a completion or a suggestion) may be offered at all. */
export function replacementAllowed(c: CompletionCheck): boolean {
  // The sentence must be one of the clause's own sentences, not one of its section's others.
  const sentence = c.clause.sentences.find((s) => (c.sentence ? s.span.start === c.sentence.start : s.span.start <= c.span.start && c.span.end <= s.span.end));
  if (!sentence) return false;
  const phrase = c.text.slice(c.span.start, c.span.end);
  if (!isCompletion(phrase, c.replacement)) return true; // a suggestion: shown, never applied unasked
  const tail = c.replacement.slice(phrase.length);
  if (customersDuty(sentence, c.span.start, c.parties)) return false;
  if (STANDARD_RE.test(tail) && STANDARD_RE.test(sentence.text)) return false;
  // A figure the document already sets for the topic wins: adding another would contradict it.
  for (const added of findDurations(tail)) {
    const family = familyOf(added);
    for (const s of c.evaluation.matched) {
      for (const d of findDurations(s.text)) {
        if (familyOf(d) !== family || inHours(d) === inHours(added)) continue;
        const lead = s.text.slice(Math.max(0, d.span.start - 40), d.span.start);
        if (family === 'period' || DEADLINE_LEAD_RE.test(lead)) return false;
      }
    }
  }
  return true;
}
