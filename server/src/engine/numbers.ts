/**
 * Reads the figures contracts state: deadlines ("twenty-four (24) hours", "binnen 2 werkdagen"),
 * periods ("five (5) years"), dates ("31 December 2031"), percentages and amounts. Numbers may be written in digits or words,
 * in English or Dutch; a figure in brackets after the words wins, as lawyers intend.
 */
import type { Span } from './types.js';

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const NL_UNITS: Record<string, number> = {
  nul: 0, een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19,
};
const NL_TENS: Record<string, number> = { twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90 };

/** The value of a number written in words, English or Dutch, or undefined. */
export function wordNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/ë/g, 'e');
  if (w in EN_UNITS) return EN_UNITS[w];
  if (w in EN_TENS) return EN_TENS[w];
  if (w in NL_UNITS) return NL_UNITS[w];
  if (w in NL_TENS) return NL_TENS[w];
  if (w === 'hundred' || w === 'honderd') return 100;
  const en = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?(one|two|three|four|five|six|seven|eight|nine)$/.exec(w);
  if (en) return EN_TENS[en[1]] + EN_UNITS[en[2]];
  // Dutch puts the unit first: vierentwintig = vier + en + twintig, tweeënzeventig.
  const nl = /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/.exec(w);
  if (nl) return NL_UNITS[nl[1]] + NL_TENS[nl[2]];
  return undefined;
}

const WORD_NUMBER = '(?:[a-zë]+(?:-[a-z]+)?)';
const DIGITS = '\\d+(?:[.,]\\d+)?';

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'business-days' | 'weeks' | 'months' | 'years';
export interface Duration { value: number; unit: DurationUnit; span: Span }

const UNIT_PATTERN =
  '(business\\s+days?|working\\s+days?|werkdag(?:en)?|calendar\\s+days?|kalenderdag(?:en)?|minutes?|minuten|hours?|uur|uren|days?|dag(?:en)?|weeks?|weken|months?|maand(?:en)?|years?|jaar|jaren)\\b';

const DURATION_RE = new RegExp(
  `\\b(?:(${DIGITS})|(${WORD_NUMBER}))\\s*(?:\\((${DIGITS})\\)\\s*)?(?:\\(\\s*|[-\\s])?` + UNIT_PATTERN,
  'giu',
);

function unitOf(raw: string): DurationUnit {
  const u = raw.toLowerCase();
  if (/^(business|working|werkdag)/.test(u)) return 'business-days';
  if (/^(min)/.test(u)) return 'minutes';
  if (/^(hour|uur|uren)/.test(u)) return 'hours';
  if (/^(week|weken)/.test(u)) return 'weeks';
  if (/^(month|maand)/.test(u)) return 'months';
  if (/^(year|jaar|jaren)/.test(u)) return 'years';
  return 'days';
}

function toNumber(raw: string): number {
  return Number(raw.replace(',', '.'));
}

/** Every duration stated in `text`; spans are offsets into `text` plus `base`. */
export function findDurations(text: string, base = 0): Duration[] {
  const found: Duration[] = [];
  for (const m of text.matchAll(DURATION_RE)) {
    let value: number | undefined;
    if (m[3]) value = toNumber(m[3]);
    else if (m[1]) value = toNumber(m[1]);
    else if (m[2]) value = wordNumber(m[2]);
    if (value === undefined || Number.isNaN(value)) continue;
    found.push({ value, unit: unitOf(m[4]), span: { start: base + m.index!, end: base + m.index! + m[0].length } });
  }
  return found;
}

/** A duration in hours, counting a business day as 24 hours (a lower bound is what matters). */
export function inHours(d: Duration): number {
  switch (d.unit) {
    case 'minutes': return d.value / 60;
    case 'hours': return d.value;
    case 'days': return d.value * 24;
    case 'business-days': return d.value * 24;
    case 'weeks': return d.value * 24 * 7;
    case 'months': return d.value * 24 * 30;
    case 'years': return d.value * 24 * 365;
  }
}

export function inDays(d: Duration): number { return inHours(d) / 24; }
export function inMonths(d: Duration): number { return d.unit === 'years' ? d.value * 12 : inDays(d) / 30; }
export function inYears(d: Duration): number { return d.unit === 'years' ? d.value : inMonths(d) / 12; }

const MONTH_NUMBERS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  januari: 1, februari: 2, maart: 3, mei: 5, juni: 6, juli: 7, augustus: 8, oktober: 10,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, okt: 10, nov: 11, dec: 12,
};
const MONTH_NAME = Object.keys(MONTH_NUMBERS).sort((a, b) => b.length - a.length).join('|');
const YEAR = '(?:19|20)\\d{2}';

/**
 * A month and a year, in words or figures: "31 December 2031", "December 31, 2031", "december 2031", "31-12-2031" (day first,
 * as in Europe), "2031-12-31", "12/2031"; "the end of 2031" and "eind 2031" are December.
 */
const DATE_RE = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(${MONTH_NAME})\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(${YEAR})\\b|\\b\\d{1,2}[-/.](\\d{1,2})[-/.](${YEAR})\\b|\\b(${YEAR})-(\\d{1,2})(?:-\\d{1,2})?\\b|\\b(\\d{1,2})/(${YEAR})\\b`
  + `|\\b(?:the\\s+end\\s+of|end|eind|einde)\\s+(${YEAR})\\b`,
  'giu',
);

/** A date the text states, at least by month and year. */
export interface StatedDate { year: number; month: number; span: Span }

/** Every date stated in `text` by at least month and year; spans are offsets into `text` plus `base`. */
export function findDates(text: string, base = 0): StatedDate[] {
  const found: StatedDate[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const [month, year] = m[1] ? [MONTH_NUMBERS[m[1].toLowerCase()], m[2]] : m[3] ? [Number(m[3]), m[4]] : m[5] ? [Number(m[6]), m[5]] : m[7] ? [Number(m[7]), m[8]] : [12, m[9]];
    if (month < 1 || month > 12) continue;
    found.push({ year: Number(year), month, span: { start: base + m.index!, end: base + m.index! + m[0].length } });
  }
  return found;
}

/** The years of a period from one date through another, by whole months: 1 September 2026 to 31 August 2029 is three. */
export function yearsBetween(from: StatedDate, through: StatedDate): number {
  return (through.year * 12 + through.month + 1 - (from.year * 12 + from.month)) / 12;
}

const AMOUNT_RE = /(?:€|eur(?:o|os)?|usd|us\$|\$|£|gbp)\s*(\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d+)?|\d+)(?:\s*(million|miljoen|m\b|mln))?|(?<!\d)(\d{1,3}(?:[.,]\d{3})*|\d+)(?:\s*(million|miljoen))?\s*(?:euros?|eur\b|dollars?)/giu;

/** Money amounts ("EUR 1,000,000", "€ 5 miljoen", "2 million euros"), as numbers. */
export function findAmounts(text: string): number[] {
  const amounts: number[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const digits = (m[1] ?? m[3]).replace(/[.,\s](?=\d{3}\b)/g, '').replace(',', '.');
    let value = Number(digits);
    if (m[2] || m[4]) value *= 1_000_000;
    if (!Number.isNaN(value)) amounts.push(value);
  }
  return amounts;
}

const PERCENT_RE = /(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent|per cent|procent)/giu;

export function findPercentages(text: string): number[] {
  return [...text.matchAll(PERCENT_RE)].map((m) => toNumber(m[1]));
}

/** Multipliers of fees ("three (3) times the fees", "twee keer"), for separate liability caps. */
export function findMultipliers(text: string): number[] {
  const re = new RegExp(`\\b(?:(${DIGITS})|(${WORD_NUMBER}))\\s*(?:\\((${DIGITS})\\)\\s*)?(?:times|x|keer|maal)\\b`, 'giu');
  const out: number[] = [];
  for (const m of text.matchAll(re)) {
    const v = m[3] ? toNumber(m[3]) : m[1] ? toNumber(m[1]) : wordNumber(m[2]);
    if (v !== undefined) out.push(v);
  }
  return out;
}
