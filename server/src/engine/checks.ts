/**
 * The strong points that need reasoning rather than vocabulary: deadlines, periods, caps, percentages,
 * amounts and certificate versions. Each takes the clause's sentences and answers met or not, and why.
 */
import { findAmounts, findDates, findDurations, findMultipliers, findPercentages, inHours, inMonths, inYears, yearsBetween, type Duration } from './numbers.js';
import { findTerms, hasTerm } from './terms.js';
import { tokenize } from './tokens.js';
import { conceptTerms, type StrongPoint, type TopicRule } from './rule-data.js';
import { sentenceCommitments, type Party, type PartyNames } from './commitments.js';
import { compileList, type LanguageData } from './rule-data.js';
import type { Token } from './tokens.js';
import type { Language, Regime, Span } from './types.js';
import type { Sentence } from './units.js';

export interface ClauseSentence { span: Span; text: string; tokens: Token[]; lang: Language }

export interface CheckResult {
  met: boolean;
  /** The figure the clause states (hours, years, months), for contradictions and messages. */
  value?: number;
  /** Where that figure stands. */
  span?: Span;
  /** Why a stated figure fails ("72 hours is more than 24"). */
  reason?: 'too-long' | 'too-short' | 'too-low' | 'outdated' | 'type-one';
  limit?: number;
}

const DEADLINE_UNITS = new Set(['minutes', 'hours', 'days', 'business-days', 'weeks']);

export function maxHoursFor(point: StrongPoint, regimes: Regime[]): number | undefined {
  let max = point.maxHours;
  for (const r of regimes) {
    const m = point.regimeMaxHours?.[r];
    if (m !== undefined && (max === undefined || m < max)) max = m;
  }
  return max;
}

function durationsIn(sentences: ClauseSentence[], rule: TopicRule, near: string | undefined): Duration[] {
  const out: Duration[] = [];
  for (const s of sentences) {
    if (near && !hasTerm(conceptTerms(rule, near, s.lang), s.tokens)) continue;
    out.push(...findDurations(s.text, s.span.start));
  }
  return out;
}

function durationCheck(point: StrongPoint, rule: TopicRule, sentences: ClauseSentence[], regimes: Regime[]): CheckResult {
  const all = durationsIn(sentences, rule, point.near);
  if (point.unit === 'period' || point.minYears !== undefined) {
    const periods = all.filter((d) => d.unit === 'years' || d.unit === 'months');
    if (!periods.length) return supportUntil(point, rule, sentences);
    const longest = periods.reduce((a, b) => (inYears(b) > inYears(a) ? b : a));
    const years = inYears(longest);
    const min = point.minYears ?? 0;
    return years >= min ? { met: true, value: years, span: longest.span } : { met: false, value: years, span: longest.span, reason: 'too-short', limit: min };
  }
  const deadlines = all.filter((d) => DEADLINE_UNITS.has(d.unit));
  if (!deadlines.length) return { met: false };
  const shortest = deadlines.reduce((a, b) => (inHours(b) < inHours(a) ? b : a));
  const hours = inHours(shortest);
  const max = maxHoursFor(point, regimes);
  if (max !== undefined && hours > max) return { met: false, value: hours, span: shortest.span, reason: 'too-long', limit: max };
  return { met: true, value: hours, span: shortest.span };
}

/** What puts a date as the end of a period: "until 31 December 2031", "tot en met december 2031". */
const UNTIL_RE = /\b(?:until|till|through|up to and including|to and including|ending on|ends on|expiring on|tot en met|t\/m|tot|eindigend op|eindigt op|loopt tot)\s+(?:the\s+|de\s+)?$/i;
/** What puts a date as its start: "from 1 January 2026", "vanaf 1 januari 2026". */
const FROM_RE = /\b(?:from|as of|as from|starting on|commencing on|beginning on|vanaf|van|met ingang van|ingaande)\s+(?:the\s+|de\s+)?$/i;

/**
 * A period stated by its end date ("until 31 December 2031", "tot en met 31 december 2031"): that states
 * the period. Its length is checked against the minimum where the sentence also states when it starts;
 * otherwise it depends on a delivery date the clause does not give, and the stated end is taken as it is.
 */
function supportUntil(point: StrongPoint, rule: TopicRule, sentences: ClauseSentence[]): CheckResult {
  for (const s of sentences) {
    if (point.near && !hasTerm(conceptTerms(rule, point.near, s.lang), s.tokens)) continue;
    const dates = findDates(s.text, s.span.start);
    const lead = (d: { span: Span }) => s.text.slice(Math.max(0, d.span.start - s.span.start - 30), d.span.start - s.span.start);
    const end = dates.find((d) => UNTIL_RE.test(lead(d)));
    if (!end) continue;
    const start = dates.find((d) => d !== end && FROM_RE.test(lead(d)) && d.span.start < end.span.start);
    if (!start) return { met: true, span: end.span };
    const years = yearsBetween(start, end);
    const min = point.minYears ?? 0;
    return years >= min ? { met: true, value: years, span: end.span } : { met: false, value: years, span: end.span, reason: 'too-short', limit: min };
  }
  return { met: false };
}

const FEES_RE = /\b(?:fees?|charges?|amounts?|paid|payable|price|vergoeding(?:en)?|betaald|verschuldigd|bedrag(?:en)?|prijs|contractwaarde|opdrachtwaarde)\b/i;
const UNLIMITED_RE = /\b(?:unlimited|uncapped|not (?:be )?(?:limited|capped)|onbeperkt|niet beperkt)\b/i;

function liabilityCap(sentences: ClauseSentence[]): CheckResult {
  let best: CheckResult = { met: false };
  for (const s of sentences) {
    if (UNLIMITED_RE.test(s.text)) return { met: true };
    if (findAmounts(s.text).length) best = { met: true };
    if (!FEES_RE.test(s.text)) continue;
    if (findMultipliers(s.text).some((m) => m >= 1) && /\b(?:annual|yearly|twelve|12|jaar|jaarlijks|twaalf)\b/i.test(s.text)) return { met: true, value: 12 };
    const periods = findDurations(s.text, s.span.start).filter((d) => d.unit === 'months' || d.unit === 'years');
    for (const p of periods) {
      const months = inMonths(p);
      if (months >= 12) return { met: true, value: months, span: p.span };
      if (!best.met) best = { met: false, value: months, span: p.span, reason: 'too-low', limit: 12 };
    }
    if (!best.met && !best.reason && /\b(?:total|aggregate|all|totale|totaal)\b/i.test(s.text) && /\b(?:fees?|vergoeding)\b/i.test(s.text)) best = { met: true };
  }
  return best;
}

const CERTIFICATE_RE = /\b(?:27001|27017|27018|soc\s*2|isae\s*3402|ssae\s*1[68]|eucc|eucs|nen\s*7510|iso\s*22301|bsi\s*c5|c5)\b/i;

function certificateStandard(sentences: ClauseSentence[]): CheckResult {
  const text = sentences.map((s) => s.text).join(' ');
  const withoutOld = text.replace(/27001\s*(?:[:/-]\s*)?2013/gi, '').replace(/\b(?:soc\s*2|isae\s*3402)\s*(?:,\s*)?type\s*(?:i|1)\b(?!\s*i)/gi, '');
  if (CERTIFICATE_RE.test(withoutOld)) return { met: true };
  if (/27001\s*(?:[:/-]\s*)?2013/i.test(text)) return { met: false, reason: 'outdated' };
  if (/type\s*(?:i|1)\b/i.test(text)) return { met: false, reason: 'type-one' };
  return { met: false };
}

/** Links to other documents (text and target) and web addresses: what they say is not in the contract. */
const LINK_RE = /\[[^\]\n]{0,200}\]\((?!#)[^)\s]*\)|<?https?:\/\/[^\s>)]+|\bwww\.[^\s>)]+/g;

/** Whether a word stands in the text as itself: not in a link, not in a reference to an annex the document lacks. */
export type Unbacked = (start: number) => boolean;

function ownWords(s: ClauseSentence, unbacked?: Unbacked): Token[] {
  const links: [number, number][] = [];
  for (const m of s.text.matchAll(LINK_RE)) links.push([s.span.start + m.index!, s.span.start + m.index! + m[0].length]);
  if (!links.length && !unbacked) return s.tokens;
  return s.tokens.filter((t) => !links.some(([a, b]) => t.start >= a && t.end <= b) && !unbacked?.(t.start));
}

/** What a check needs to tell who owes a duty: the language's party vocabulary and the document's names. */
export interface PartyContext { data: LanguageData; names: PartyNames }

/** A row of a table that names both parties in its own cells: the head of a responsibility matrix. */
function matrixHead(s: ClauseSentence, parties: PartyContext): boolean {
  if (!s.text.includes('|')) return false;
  const names = (p: 'supplier' | 'customer') => compileList([...parties.data.commitments.parties[p][s.lang], ...parties.names[p]], s.lang, true);
  const cells = s.text.split('|').map((c) => c.replace(/[*_`]/g, '').trim()).filter(Boolean);
  const isParty = (cell: string, p: 'supplier' | 'customer') => /^\p{Lu}/u.test(cell) && cell.split(/\s+/).length <= 3
    && findTerms(names(p), tokenize(cell, s.lang)).length > 0;
  return cells.some((c) => isParty(c, 'supplier')) && cells.some((c) => isParty(c, 'customer'));
}

/**
 * The clause states a duty of each of `point.parties` (read by the commitment engine, in sentences with
 * the `near` concept's words, and with a deadline when `unit` is `deadline`): "the Licensor is responsible
 * for …; the Licensee shall install each update within 14 days". For shared-responsibility, whose strong
 * points are about who owes what rather than about words. A duty of "each party" names no split; the
 * head of a table with a column for each party (a responsibility matrix) does.
 */
function partyDuties(point: StrongPoint, rule: TopicRule, sentences: ClauseSentence[], parties: PartyContext | undefined): CheckResult {
  const wanted = point.parties ?? [];
  if (!parties || !wanted.length) return { met: false };
  const owing = new Set<Party>();
  let previous: Party | undefined;
  for (const s of sentences) {
    if (wanted.length > 1 && matrixHead(s, parties)) return { met: true };
    // The checks see a clause's sentences; the commitment engine reads only their words, language and place.
    const c = sentenceCommitments(s as Sentence, parties.data, parties.names);
    if (c.none) { previous = undefined; continue; }
    // "…; shall install each update within 14 days": a part that opens with its marker continues the party before it.
    const own = (a: { party: Party; at: number }) => (a.party === 'unknown' && a.at <= 1 && previous ? previous : a.party);
    const parts = c.anchors.filter((a) => a.force === 'duty').map(own);
    if (!c.anchors.length && c.fallback?.force === 'duty') parts.push(c.fallback.party);
    previous = c.anchors.length ? own(c.anchors[0]) : c.fallback?.party ?? previous;
    if (point.near && !hasTerm(conceptTerms(rule, point.near, s.lang), s.tokens)) continue;
    if (point.unit === 'deadline' && !findDurations(s.text, s.span.start).some((d) => DEADLINE_UNITS.has(d.unit))) continue;
    for (const p of parts) owing.add(p);
    if (wanted.every((p) => owing.has(p))) return { met: true };
  }
  return { met: false };
}

/** A duty to state the end by month and year, where the date depends on each delivery. */
const MONTH_AND_YEAR_RE = /\b(?:month and (?:the )?year|maand en (?:het )?jaar)\b/i;

/**
 * A stated end date (at least month and year), or a duty to state one "by month and year", in a sentence
 * with the `near` concept: CRA art. 13(19). A period in years alone ("five years") says no end date.
 */
function endDate(point: StrongPoint, rule: TopicRule, sentences: ClauseSentence[]): CheckResult {
  for (const s of sentences) {
    if (point.near && !hasTerm(conceptTerms(rule, point.near, s.lang), s.tokens)) continue;
    const [date] = findDates(s.text, s.span.start);
    if (date) return { met: true, span: date.span };
    const m = MONTH_AND_YEAR_RE.exec(s.text);
    if (m) return { met: true, span: { start: s.span.start + m.index, end: s.span.start + m.index + m[0].length } };
  }
  return { met: false };
}

/**
 * `unbacked` tells the words that refer to text the document does not contain: a strong point needs
 * words of the clause itself, so "the measures in Annex 3" meets none when there is no Annex 3.
 * `parties` is for the checks that ask who owes a duty.
 */
export function runCheck(point: StrongPoint, rule: TopicRule, sentences: ClauseSentence[], regimes: Regime[], unbacked?: Unbacked, parties?: PartyContext): CheckResult {
  switch (point.check) {
    case 'party-duties': return partyDuties(point, rule, sentences, parties);
    case 'end-date': return endDate(point, rule, sentences);
    case 'duration': return durationCheck(point, rule, sentences, regimes);
    case 'percent': return { met: sentences.some((s) => findPercentages(s.text).some((p) => p >= 90 && p <= 100)) };
    case 'amount': return { met: sentences.some((s) => findAmounts(s.text).length > 0) };
    case 'liability-cap': return liabilityCap(sentences);
    case 'certificate-standard': return certificateStandard(sentences);
    default: {
      if (!point.concept) return { met: false };
      const met = sentences.some((s) => findTerms(conceptTerms(rule, point.concept!, s.lang), ownWords(s, unbacked)).length > 0);
      return { met };
    }
  }
}

/** A notice period before an audit (or similar) of at least `minDays` days: a weak signal. */
export function longNotice(sentence: ClauseSentence, minDays: number): Duration | undefined {
  if (!/\b(?:notice|notify|advance|kennisgeving|vooraf|aankondig\w*|voorafgaand\w*)\b/i.test(sentence.text)) return undefined;
  return findDurations(sentence.text, sentence.span.start).find((d) => (d.unit === 'days' || d.unit === 'business-days' || d.unit === 'weeks' || d.unit === 'months') && inHours(d) / 24 >= minDays);
}
