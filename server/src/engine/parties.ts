/** Finds what the contract calls its supplier and its customer, to speak of them by name. */
import type { DocumentModel, ParsedChunk } from './markdown.js';
import type { PartyNames } from './commitments.js';
import type { Language } from './types.js';
import { trimEndOf } from './trim-end.js';

const SUPPLIER_ROLES = ['Service Provider', 'Provider', 'Supplier', 'Vendor', 'Processor', 'Licensor', 'Contractor', 'Company', 'Seller', 'Leverancier', 'Verwerker', 'Dienstverlener', 'Opdrachtnemer', 'Licentiegever', 'Wederpartij'];
const CUSTOMER_ROLES = ['Customer', 'Client', 'Controller', 'Licensee', 'Buyer', 'Purchaser', 'Subscriber', 'Bank', 'Opdrachtgever', 'Verwerkingsverantwoordelijke', 'Afnemer', 'Klant', 'Licentienemer'];
const ROLES = [...SUPPLIER_ROLES, ...CUSTOMER_ROLES];
const ROLE_PATTERNS = ROLES.map((role) => new RegExp(`\\b${role}\\b`, 'g'));

/** How much of the text is read: the parties are named at the start. */
const SAMPLE = 200_000;

export interface Parties {
  supplier: string;
  customer: string;
  found: boolean;
  /** The names the document gives each side besides the role words: "37signals (“we”, “us”)". */
  names: PartyNames;
}

const DEFAULTS: Record<Language, { supplier: string; customer: string }> = {
  en: { supplier: 'the Supplier', customer: 'the Customer' },
  nl: { supplier: 'Leverancier', customer: 'Opdrachtgever' },
};

/** How often each of ROLES occurs in a text. */
function countRoles(text: string): number[] {
  return ROLE_PATTERNS.map((re) => (text.match(re) ?? []).length);
}

/** Counted once per chunk: chunks start after a line break and end before a heading, so no match spans two. */
const chunkCounts = new WeakMap<ParsedChunk, number[]>();

function countsIn(model: DocumentModel): Map<string, number> {
  const total = ROLES.map(() => 0);
  for (const { start, parsed } of model.chunks) {
    if (start >= SAMPLE) break;
    let counts = chunkCounts.get(parsed);
    if (start + parsed.text.length > SAMPLE) counts = countRoles(parsed.text.slice(0, SAMPLE - start));
    else if (!counts) chunkCounts.set(parsed, (counts = countRoles(parsed.text)));
    for (let i = 0; i < total.length; i++) total[i] += counts[i];
  }
  return new Map(ROLES.map((role, i) => [role, total[i]]));
}

function mostUsed(counts: Map<string, number>, roles: string[]): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const role of roles) {
    const count = counts.get(role) ?? 0;
    if (count > bestCount) { best = role; bestCount = count; }
  }
  return bestCount >= 2 ? best : undefined;
}

export function findParties(model: DocumentModel, lang: Language): Parties {
  const counts = countsIn(model);
  const supplier = mostUsed(counts, SUPPLIER_ROLES);
  const customer = mostUsed(counts, CUSTOMER_ROLES);
  const { given, named: namedInSample } = namesIn(model.text.slice(0, NAME_SAMPLE));
  const sample = model.text.slice(0, SAMPLE);
  // English contracts write "the Provider"; Dutch ones use the bare role as a name ("Leverancier"). A
  // name the contract gives a side ("37signals") is that side's name where it is used more than the role.
  const named = (side: keyof PartyNames, role: string | undefined, fallback: string) => {
    const name = given[side];
    if (name && sample.split(name).length - 1 > (role ? counts.get(role) ?? 0 : 0)) return name;
    return !role ? fallback : lang === 'en' ? `the ${role}` : role;
  };
  return {
    supplier: named('supplier', supplier, DEFAULTS[lang].supplier),
    customer: named('customer', customer, DEFAULTS[lang].customer),
    found: Boolean((supplier || given.supplier) && (customer || given.customer)),
    names: withGivenNames(namedInSample, given),
  };
}

/** A name followed by the pronouns or role it stands for: `Acme B.V. ("we", "us")`, `Foo Ltd (the "Customer")`. */
const NAMED_RE = /(?<![\p{L}0-9&.'’-])([\p{Lu}0-9][\p{L}0-9&.'’-]*(?:\s+[\p{Lu}0-9][\p{L}0-9&.'’-]*){0,3})\s*\(([^()\n]{1,120})\)/gu;
const STANDS_FOR: Record<keyof PartyNames, RegExp> = {
  supplier: /["“”'‘’](?:we|us|our|wij|ons|provider|supplier|leverancier|licensor)["“”'‘’]/i,
  customer: /["“”'‘’](?:you|your|u|customer|client|opdrachtgever|licensee)["“”'‘’]/i,
};
const NAME_SAMPLE = 20_000;

/** A parenthetical, and one that is just a quoted name: `(“37signals”)`. */
const PARENTHETICAL_RE = /\(([^()\n]{1,120})\)/g;
const QUOTED_NAME_RE = /^["“”'‘’]([^"“”'‘’]{1,40})["“”'‘’]$/;
const BETWEEN_RE = /\b(?:between|tussen)\b/i;

/**
 * The name a contract gives one side where it names the other by its role: `between 37signals LLC
 * (“37signals”) and the customer (“Customer”)` makes "37signals" the supplier.
 */
function givenNames(text: string): Partial<Record<keyof PartyNames, string>> {
  const found = [...text.matchAll(PARENTHETICAL_RE)];
  const sideOf = (p: string) => (['supplier', 'customer'] as const).find((side) => STANDS_FOR[side].test(p));
  for (let i = 0; i + 1 < found.length; i++) {
    const [a, b] = [found[i], found[i + 1]];
    const gap = text.slice(a.index! + a[0].length, b.index!);
    if (gap.length > 100 || !/\s(?:and|en)\s/.test(gap) || !BETWEEN_RE.test(text.slice(Math.max(0, a.index! - 100), a.index!))) continue;
    const [sideA, sideB] = [sideOf(a[1]), sideOf(b[1])];
    const [unnamed, other] = sideA && !sideB ? [b, sideA] : sideB && !sideA ? [a, sideB] : [undefined, undefined];
    const name = unnamed && QUOTED_NAME_RE.exec(unnamed[1].trim())?.[1];
    if (name && other) return other === 'supplier' ? { customer: name } : { supplier: name };
  }
  return {};
}

/**
 * A name given in the parties' line ("Quillsoft") is that side's name for the commitments too, so that
 * "Quillsoft is responsible for …" is the supplier's duty ("Cirrusdesk Ltd is a provider of …" in a
 * preamble describes a party and commits it to nothing: the commitment engine tells them apart).
 */
function withGivenNames(names: PartyNames, given: Partial<Record<keyof PartyNames, string>>): PartyNames {
  const add = (side: keyof PartyNames) => (given[side] && !names[side].includes(given[side]!) ? [...names[side], given[side]!] : names[side]);
  return { supplier: add('supplier'), customer: add('customer') };
}

/**
 * The names the start of a contract gives its parties, remembered for the last start read: an edit
 * further on leaves it as it was, and it is not read again on every keystroke. A copy of the start is
 * kept, not the document it is a slice of.
 */
let lastNames: { sample: string; given: Partial<Record<keyof PartyNames, string>>; named: PartyNames } | undefined;

function namesIn(sample: string): { given: Partial<Record<keyof PartyNames, string>>; named: PartyNames } {
  if (lastNames?.sample !== sample) lastNames = { sample: (' ' + sample).slice(1), given: givenNames(sample), named: namedParties(sample) };
  return lastNames;
}

function namedParties(text: string): PartyNames {
  const names: PartyNames = { supplier: [], customer: [] };
  for (const m of text.matchAll(NAMED_RE)) {
    for (const side of ['supplier', 'customer'] as const) {
      if (!STANDS_FOR[side].test(m[2])) continue;
      const name = trimEndOf(m[1], '.,');
      if (!ROLES.includes(name) && !names[side].includes(name) && names[side].length < 4) names[side].push(name);
    }
  }
  return names;
}
