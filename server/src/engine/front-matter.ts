/** Reads the `clauselint:` key of a document's YAML front matter. */
import { parseDocument } from 'yaml';
import { BoundedCache } from './bounded-cache.js';
import { CONTRACT_TYPES, LANGUAGES, REGIMES, type ContractType, type Language, type Regime } from './types.js';
import type { ProblemValue, SettingProblem } from './setting-problems.js';

export interface DeclaredSettings {
  type?: ContractType; regimes?: Regime[]; language?: Language;
  /** A standard text that must not be modified (the EU standard contractual clauses): true for the whole file, or the headings of its standard sections. */
  standardText?: true | string[];
}
/** `problems`: what is wrong with it, said in the document's language by the front-matter finding. */
export interface FrontMatterResult { declared: DeclaredSettings; problems?: SettingProblem[] }

/** Every keystroke reads the front matter again, and it seldom changes: read once per text. */
const read = new BoundedCache<string, FrontMatterResult>(64);

export function readFrontMatter(raw: string): FrontMatterResult {
  let result = read.get(raw);
  if (!result) {
    result = parse(raw);
    read.set(raw, result);
  }
  return result;
}

/** A value as a message shows it: any YAML value (a mapping with a `toString` key too), short. */
function shown(value: unknown): ProblemValue {
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? { en: 'a list', nl: 'een lijst' } : { en: 'a mapping', nl: 'een mapping' };
  const s = String(value);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

function parse(raw: string): FrontMatterResult {
  const doc = parseDocument(raw, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = raw.slice(0, e.pos[0]).split('\n').length;
    return { declared: {}, problems: [{ id: 'fm-yaml', values: { detail: e.message.split('\n')[0], line } }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // yaml refuses alias bombs ("billion laughs") and the like: a finding, not an internal error.
    return { declared: {}, problems: [{ id: 'fm-aliases', values: { detail: String((err as Error)?.message ?? err).split('\n')[0].replace(/\.$/, '') } }] };
  }
  if (!data || typeof data !== 'object') return { declared: {} };
  const own = (data as Record<string, unknown>).clauselint;
  if (own === undefined) return { declared: {} };
  if (!own || typeof own !== 'object' || Array.isArray(own)) return { declared: {}, problems: [{ id: 'fm-mapping' }] };
  const o = own as Record<string, unknown>;
  const declared: DeclaredSettings = {};
  const problems: SettingProblem[] = [];
  if (o.type !== undefined) {
    if (CONTRACT_TYPES.includes(o.type as ContractType)) declared.type = o.type as ContractType;
    else problems.push({ id: 'fm-type', values: { value: shown(o.type), allowed: CONTRACT_TYPES.join(', ') } });
  }
  if (o.regimes !== undefined) {
    const list = Array.isArray(o.regimes) ? o.regimes : [o.regimes];
    const bad = list.filter((r) => !REGIMES.includes(r as Regime));
    if (bad.length) problems.push({ id: 'fm-regime', values: { value: bad.length === 1 ? shown(bad[0]) : bad.map((r) => (r !== null && typeof r === 'object' ? '…' : String(r))).join(', '), allowed: REGIMES.join(', ') } });
    declared.regimes = list.filter((r): r is Regime => REGIMES.includes(r as Regime));
  }
  if (o.language !== undefined) {
    if (LANGUAGES.includes(o.language as Language)) declared.language = o.language as Language;
    else problems.push({ id: 'fm-language', values: { value: shown(o.language) } });
  }
  if (o.standardText !== undefined && o.standardText !== false) {
    const list = Array.isArray(o.standardText) ? o.standardText : [o.standardText];
    if (o.standardText === true) declared.standardText = true;
    else if (list.length && list.every((h) => typeof h === 'string' && h.trim() !== '')) declared.standardText = list.map((h) => String(h).trim());
    else problems.push({ id: 'fm-standard-text' });
  }
  return { declared, ...(problems.length && { problems }) };
}
