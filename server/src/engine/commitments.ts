/**
 * Who owes what to whom in a sentence. The topics are the supplier's duties and the customer's rights,
 * so a sentence counts for a topic only as a commitment of the right party: "Customer shall promptly
 * notify Provider of unauthorised use" is the customer's duty, not incident notification; "Starred
 * reserves the right to verify the information entered" is the supplier's right, not an audit right.
 *
 * A commitment is read from the sentence's words: its markers ("shall", "may", "is responsible for",
 * "zal", "is gerechtigd") and the party before them (or after them, in Dutch inversion: "zal
 * Leverancier"). A sentence without a marker takes its party from its subject, from the sentence it
 * continues in the same paragraph ("These include ..."), from its list's lead-in, or from the party it
 * addresses ("notify us": the one who notifies is the other party). The vocabulary is language data.
 */
import { compileList, type LanguageData } from './rule-data.js';
import { findTerms, type CompiledTerm } from './terms.js';
import type { Token } from './tokens.js';
import type { Language } from './types.js';
import type { Sentence } from './units.js';

export type Party = 'supplier' | 'customer' | 'both' | 'unknown';
export type Force = 'duty' | 'right';
/** How a topic's evidence may be owed: "supplier-duty", "customer-right", … */
export type CommitmentForm = `${Party}-${Force}`;

export interface Commitment { party: Party; force: Force }

export interface PartyNames {
  /** Role words and names for each side, as the document uses them ("Provider", "37signals"). */
  supplier: string[];
  customer: string[];
}

interface Vocabulary {
  duty: CompiledTerm[];
  right: CompiledTerm[];
  /** Force majeure, survival, headings "for convenience": sentences that commit to no topic. */
  none: CompiledTerm[];
  /** "is a", "is een" after the subject: the sentence says what a party is, not what it does. */
  descriptions: CompiledTerm[];
  /** "Please", "Gelieve" opening a sentence: it asks the reader, the customer, to act. */
  requests: Set<string>;
  prepositions: Set<string>;
  objectPronouns: Set<string>;
  possessives: Set<string>;
  skip: Set<string>;
  subordinators: Set<string>;
  negations: Set<string>;
  parties: Record<Exclude<Party, 'unknown'>, CompiledTerm[]>;
  /** Pronouns and "each party" match in any case; role words only as the document capitalises them. */
  anyCase: Set<string>;
  /** The language's role words ("customer", "leverancier"), not the document's own names. */
  roles: Set<string>;
}

export interface CommitmentData {
  markers: { duty: Record<Language, string[]>; right: Record<Language, string[]> };
  none: Record<Language, string[]>;
  descriptions: Record<Language, string[]>;
  requests: Record<Language, string[]>;
  recitals: Record<Language, string[]>;
  prepositions: Record<Language, string[]>;
  objectPronouns: Record<Language, string[]>;
  possessives: Record<Language, string[]>;
  skip: Record<Language, string[]>;
  subordinators: Record<Language, string[]>;
  negations: Record<Language, string[]>;
  parties: Record<Exclude<Party, 'unknown'>, Record<Language, string[]>>;
  pronouns: Record<Language, string[]>;
  /** The forms every topic counts unless its data says otherwise. */
  counts: CommitmentForm[];
}

const vocabularies = new Map<string, Vocabulary>();

function vocabulary(data: LanguageData, lang: Language, names: PartyNames): Vocabulary {
  const key = `${lang}\u0001${names.supplier.join('|')}\u0001${names.customer.join('|')}`;
  let v = vocabularies.get(key);
  if (!v) {
    const c = data.commitments;
    const side = (p: 'supplier' | 'customer') => compileList([...c.parties[p][lang], ...names[p]], lang, true);
    v = {
      duty: compileList(c.markers.duty[lang], lang, true),
      right: compileList(c.markers.right[lang], lang, true),
      none: compileList(c.none[lang], lang, true),
      descriptions: compileList(c.descriptions[lang], lang, true),
      requests: new Set(c.requests[lang]),
      prepositions: new Set(c.prepositions[lang]),
      objectPronouns: new Set(c.objectPronouns[lang]),
      possessives: new Set(c.possessives[lang]),
      skip: new Set(c.skip[lang]),
      subordinators: new Set(c.subordinators[lang]),
      negations: new Set(c.negations[lang]),
      parties: { supplier: side('supplier'), customer: side('customer'), both: compileList(c.parties.both[lang], lang, true) },
      anyCase: new Set(c.pronouns[lang]),
      roles: new Set([...c.parties.supplier[lang], ...c.parties.customer[lang]].map((w) => w.toLowerCase())),
    };
    if (vocabularies.size > 50) vocabularies.clear();
    vocabularies.set(key, v);
  }
  return v;
}

/**
 * How a party is mentioned: as a possible subject ("Provider", "Licensor's liability"), as an object
 * ("to Customer", "your account"), or addressed by an object pronoun ("notify us").
 */
type MentionRole = 'subject' | 'object' | 'addressed';
interface Mention { first: number; last: number; party: Exclude<Party, 'unknown'>; role: MentionRole; clause: number }
interface Anchor {
  at: number; last: number; force: Force; party: Party; clause: number;
  /** A subject stands there that is no known party (a name: "IN NO EVENT WILL EQUIDATA BE LIABLE"): the party is not taken from the context. */
  named?: boolean;
}

/** What one sentence commits to, worked out once: its party mentions and its markers with their parties. */
export interface SentenceCommitments {
  /** The sentence commits to nothing: force majeure, survival, a recital. */
  none: boolean;
  anchors: Anchor[];
  /** The clause each word is in (see clausesOf). */
  clauses: number[];
  /** The party the sentence speaks of when it has no marker: its subject, else the counterpart of whom it addresses. */
  fallback?: Commitment;
  /** Whether the sentence names a party at all. */
  mentionsParty: boolean;
}

/**
 * Which clause each word is in: 0 for the main clause, another number for each subordinate clause, from
 * its subordinator ("if", "nadat", "that") to the next comma. "Binnen dertig dagen nadat Opdrachtgever
 * heeft bevestigd, verwijdert Leverancier…": Opdrachtgever is the subject of the subordinate clause only.
 */
function clausesOf(s: Sentence, v: Vocabulary): number[] {
  const tokens = s.tokens;
  const out: number[] = [];
  let current = 0, next = 1;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && current !== 0 && /[,;:]/.test(s.text.slice(tokens[i - 1].end - s.span.start, tokens[i].start - s.span.start))) current = 0;
    if (v.subordinators.has(tokens[i].word)) current = next++;
    out.push(current);
  }
  return out;
}

function mentions(s: Sentence, v: Vocabulary, clauses: number[]): Mention[] {
  const out: Mention[] = [];
  const tokens = s.tokens;
  // "Licensor’s liability" names the Licensor: the possessive is matched as the name.
  const names = tokens.map((t) => (/['’]s$/.test(t.word) ? { ...t, word: t.word.slice(0, -2) } : t));
  for (const party of ['supplier', 'customer', 'both'] as const) {
    for (const m of findTerms(v.parties[party], names)) {
      const first = tokens[m.first];
      const written = s.text.slice(first.start - s.span.start, first.end - s.span.start);
      // A role word names a party only as a defined term ("Provider", not "a third-party provider").
      if (!v.anyCase.has(first.word) && !/^\p{Lu}/u.test(written) && !/^\d/.test(written)) continue;
      // "Customer Data", "the Customer Environment": a defined term that starts with a role word names a thing, not the party.
      const next = tokens[m.last + 1];
      // Not two parties in a row, as Dutch inversion has them ("verleent Leverancier Opdrachtgever").
      if (next && m.first === m.last && v.roles.has(first.word) && !v.anyCase.has(first.word) && !/^\p{Lu}+$/u.test(written)
        && !v.roles.has(next.word) && !v.anyCase.has(next.word)
        && s.text.slice(tokens[m.last].end - s.span.start, next.start - s.span.start) === ' '
        && /^\p{Lu}\p{Ll}/u.test(s.text.slice(next.start - s.span.start, next.end - s.span.start))) continue;
      if (out.some((o) => o.first <= m.last && m.first <= o.last)) continue;
      const before = tokens[m.first - 1]?.word;
      const afterPreposition = before !== undefined && (v.prepositions.has(before) || (v.skip.has(before) && v.prepositions.has(tokens[m.first - 2]?.word ?? '')));
      const role: MentionRole = v.objectPronouns.has(first.word) ? 'addressed'
        : afterPreposition || v.possessives.has(first.word) ? 'object' : 'subject';
      out.push({ first: m.first, last: m.last, party, role, clause: clauses[m.first] });
    }
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * The party that makes a marker's commitment: the subject before it. In Dutch the subject follows the
 * verb when something else comes first ("Indien …, zal Leverancier …"), so there a subject right before
 * the verb wins, then one right after it, then one further before.
 */
function subjectOf(at: number, last: number, tokens: Token[], found: Mention[], clauses: number[], lang: Language, v: Vocabulary): Party {
  const clause = clauses[at];
  const before = (limit: number): Party | undefined => {
    for (let k = found.length - 1; k >= 0; k--) {
      const m = found[k];
      if (m.last >= at || m.clause !== clause) continue;
      if (at - m.last > limit) return undefined;
      if (m.role === 'subject') return m.party;
    }
    return undefined;
  };
  if (lang === 'nl') {
    const adjacent = before(2);
    if (adjacent) return adjacent;
    let i = last + 1;
    while (i < tokens.length && v.skip.has(tokens[i].word)) i++;
    const after = found.find((m) => m.first === i && m.role === 'subject' && m.clause === clause);
    if (after) return after.party;
  }
  // "The Controller, an auditor it mandates and the supervisory authority may audit": the clause's first subject.
  return before(8) ?? found.find((m) => m.first < at && m.clause === clause && m.role === 'subject')?.party ?? 'unknown';
}

/** An option left unticked on a cover page ("[ ] Provider will maintain annual reports") is not agreed. */
const UNTICKED_RE = /\[\s*\]/;

/** A line in capitals ("ANNEX II - TECHNICAL AND ORGANISATIONAL MEASURES") is a heading, even where Markdown has none. */
function isHeadingLine(text: string): boolean {
  // A clause in capitals ("IN NO EVENT SHALL EITHER PARTY BE LIABLE …") ends like a sentence; a heading does not.
  if (/[.;:,]\s*$/.test(text.trim())) return false;
  const letters = text.replace(/<[^<>]*>|[^\p{L}\s]/gu, '').trim();
  const words = letters.split(/\s+/).length;
  return words >= 3 && words <= 30 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "in no event shall X be", "nor will X have": a name between the marker and "be"/"have" is its subject. */
const INVERTED_VERBS = new Set(['be', 'have', 'zijn', 'worden', 'hebben']);

/**
 * Whether a marker has a subject that names someone, though not a known party: a capitalised word before
 * it, not the first of the sentence ("Marketing Affiliate shall"), or up to three words between it and
 * "be"/"have" ("IN NO EVENT WILL EQUIDATA BE LIABLE"). Such a sentence is not about the party before it.
 */
function namedSubject(s: Sentence, at: number, last: number): boolean {
  const tokens = s.tokens;
  const written = (i: number) => s.text.slice(tokens[i].start - s.span.start, tokens[i].end - s.span.start);
  const capitalised = (i: number) => /^\p{Lu}/u.test(written(i));
  for (let k = last + 2; k <= last + 4 && k < tokens.length; k++) {
    if (INVERTED_VERBS.has(tokens[k].word)) {
      let named = true;
      for (let i = last + 1; i < k; i++) named &&= capitalised(i);
      return named;
    }
  }
  const allCaps = s.text === s.text.toUpperCase();
  return at > 1 && !allCaps && capitalised(at - 1);
}

const counterpart: Record<Exclude<Party, 'unknown'>, Party> = { supplier: 'customer', customer: 'supplier', both: 'unknown' };

export function sentenceCommitments(s: Sentence, data: LanguageData, names: PartyNames): SentenceCommitments {
  const v = vocabulary(data, s.lang, names);
  const tokens = s.tokens;
  if (findTerms(v.none, tokens).length || isHeadingLine(s.text) || UNTICKED_RE.test(s.text)) return { none: true, anchors: [], clauses: [], mentionsParty: false };
  const clauses = clausesOf(s, v);
  const found = mentions(s, v, clauses);
  const anchors: Anchor[] = [];
  for (const [force, terms] of [['duty', v.duty], ['right', v.right]] as const) {
    for (const m of findTerms(terms, tokens)) {
      if (anchors.some((a) => a.at <= m.last && m.first <= a.last)) continue;
      // "may not", "mag niet": a permission denied is a duty.
      const denied = force === 'right' && v.negations.has(tokens[m.last + 1]?.word ?? '');
      const party = subjectOf(m.first, m.last, tokens, found, clauses, s.lang, v);
      anchors.push({ at: m.first, last: m.last, force: denied ? 'duty' : force, party, clause: clauses[m.first], named: party === 'unknown' && namedSubject(s, m.first, m.last) });
    }
  }
  anchors.sort((a, b) => a.at - b.at);
  // "WILL EQUIDATA BE LIABLE": the second marker has the first one's subject.
  for (let i = 1; i < anchors.length; i++) {
    const [a, b] = [anchors[i - 1], anchors[i]];
    if (b.party === 'unknown' && a.named && a.clause === b.clause && b.at - a.last <= 4) b.named = true;
  }
  const subject = found.find((m) => m.role === 'subject' && m.clause === 0);
  const addressed = found.find((m) => m.role === 'addressed');
  // "Cirrusdesk Ltd is a provider of Identity and Access Management": a party described commits to nothing.
  const described = subject && findTerms(v.descriptions, tokens).some((d) => d.first > subject.last && d.first <= subject.last + 3 && clauses[d.first] === 0);
  // "Please refer to our Security Response page for how to report an incident": the reader is asked.
  const requested = v.requests.has(tokens[0]?.word ?? '');
  const fallback: Commitment | undefined = described ? undefined : subject ? { party: subject.party, force: 'duty' }
    : requested ? { party: 'customer', force: 'duty' }
    : addressed ? { party: counterpart[addressed.party], force: 'duty' } : undefined;
  return { none: false, anchors, clauses, fallback, mentionsParty: found.length > 0 };
}

/**
 * The commitment that governs the word at `position`: the marker before it (or the first after it),
 * else the sentence's own party, else what the sentence continues. `previous` is the commitment of the
 * sentence before it in the same paragraph or its list's lead-in. `ledIn`: the sentence is a list item and
 * `previous` its lead-in's, which governs the words before the item's own first marker: in "Provider
 * shall: (b) inform Customer of any vulnerability …, with the mitigation Customer should apply", Provider
 * informs.
 */
export function commitmentAt(c: SentenceCommitments, position: number, previous: Commitment | undefined, ledIn = false): Commitment | undefined {
  // A marker governs the words of its own clause and, from the main clause, those of the clauses in it;
  // "…, zodat Leverancier kan beoordelen" says nothing of who reports.
  const clause = c.clauses[position] ?? 0;
  let anchor: Anchor | undefined;
  for (const a of c.anchors) {
    if (a.clause !== clause && a.clause !== 0) continue;
    if (a.at <= position) anchor = a; else { anchor ??= a; break; }
  }
  if (ledIn && previous && (!anchor || anchor.at > position)) return previous;
  if (anchor) {
    // "may be disclosed", "will be used": a marker in a sentence that names no party takes the one the text is about.
    if (anchor.party === 'unknown' && !anchor.named && previous && !c.mentionsParty) return { party: previous.party, force: anchor.force };
    return { party: anchor.party, force: anchor.force };
  }
  return c.fallback ?? previous;
}

/**
 * Whether a lead-in's duty goes on in its list's items: it states one and stops for them ("Provider
 * shall:"). A run-in title ("Deletion at DPA Expiration.") commits its items to nothing.
 */
export function leadsIntoItems(lead: Sentence, c: SentenceCommitments): boolean {
  return !c.none && c.anchors.length > 0 && /:\s*$/.test(lead.text);
}

/** Whether a section's headings make it recitals or background ("Overwegingen", "Background"). */
export function isRecitals(headingTokens: Token[], lang: Language, data: LanguageData): boolean {
  return findTerms(compileList(data.commitments.recitals[lang], lang), headingTokens).length > 0;
}
