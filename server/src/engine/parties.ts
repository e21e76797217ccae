/** Finds what the contract calls its supplier and its customer, to speak of them by name. */
import type { Language } from './types.js';

const SUPPLIER_ROLES = ['Service Provider', 'Provider', 'Supplier', 'Vendor', 'Processor', 'Licensor', 'Contractor', 'Company', 'Seller', 'Leverancier', 'Verwerker', 'Dienstverlener', 'Opdrachtnemer', 'Licentiegever', 'Wederpartij'];
const CUSTOMER_ROLES = ['Customer', 'Client', 'Controller', 'Licensee', 'Buyer', 'Purchaser', 'Subscriber', 'Bank', 'Opdrachtgever', 'Verwerkingsverantwoordelijke', 'Afnemer', 'Klant', 'Licentienemer'];

export interface Parties { supplier: string; customer: string; found: boolean }

const DEFAULTS: Record<Language, { supplier: string; customer: string }> = {
  en: { supplier: 'the Supplier', customer: 'the Customer' },
  nl: { supplier: 'Leverancier', customer: 'Opdrachtgever' },
};

function mostUsed(text: string, roles: string[]): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const role of roles) {
    const count = (text.match(new RegExp(`\\b${role}\\b`, 'g')) ?? []).length;
    if (count > bestCount) { best = role; bestCount = count; }
  }
  return bestCount >= 2 ? best : undefined;
}

export function findParties(text: string, lang: Language): Parties {
  const sample = text.slice(0, 200_000);
  const supplier = mostUsed(sample, SUPPLIER_ROLES);
  const customer = mostUsed(sample, CUSTOMER_ROLES);
  // English contracts write "the Provider"; Dutch ones use the bare role as a name ("Leverancier").
  const named = (role: string | undefined, fallback: string) => (!role ? fallback : lang === 'en' ? `the ${role}` : role);
  return {
    supplier: named(supplier, DEFAULTS[lang].supplier),
    customer: named(customer, DEFAULTS[lang].customer),
    found: Boolean(supplier && customer),
  };
}
