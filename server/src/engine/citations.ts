/**
 * Citations of the law as a Dutch lawyer writes them: "GDPR art. 33(2)" is "art. 33 lid 2 AVG" in Dutch,
 * "NIS2 art. 21(2)(d)" "art. 21 lid 2 onder d NIS2-richtlijn". For the catalogue's references, which are
 * kept in English; the topics keep theirs per language in rules/topics (referencesNl).
 */
import type { Language } from './types.js';

const ACTS: Record<string, string> = { GDPR: 'AVG', NIS2: 'NIS2-richtlijn', DORA: 'DORA', CRA: 'Cyberweerbaarheidsverordening', RED: 'Radioapparatuurrichtlijn' };

const FIXED: Record<string, string> = {
  'EU Cybersecurity Act (Regulation (EU) 2019/881)': 'Cyberbeveiligingsverordening (Verordening (EU) 2019/881)',
  'EU Cybersecurity Act': 'Cyberbeveiligingsverordening (EU) 2019/881',
  'DTC and ICO guidance on liability for security failures': 'handreikingen van het Digital Trust Center en de Britse toezichthouder ICO over aansprakelijkheid bij beveiligingsfalen',
  'DTC and ICO guidance': 'handreikingen van het Digital Trust Center en de Britse toezichthouder ICO',
  'ICO guidance': 'richtsnoeren van de Britse toezichthouder ICO',
  "Market practice: cap of at least twelve months' fees": 'marktpraktijk: een maximum van ten minste twaalf maanden vergoeding',
  'Market practice: cyber insurance for ICT suppliers': 'marktpraktijk: een cyberverzekering voor ICT-leveranciers',
  "Market practice: separate cap for security and data breaches (Bonterms: 3x the general cap of 12 months' fees)": 'marktpraktijk: een apart maximum voor beveiligingsincidenten en datalekken (Bonterms: 3× het algemene maximum van 12 maanden vergoeding)',
};

/** "30(2)(d)" → "30 lid 2 onder d"; "(j)" → "onder j"; "33-35" → "33 tot en met 35". */
function article(part: string): string {
  const range = /^(\d+)-(\d+)$/.exec(part);
  if (range) return `${range[1]} tot en met ${range[2]}`;
  const letters = /^(\d+)\((\d+)\)\(([a-z])\)-\(([a-z])\)$/.exec(part);
  if (letters) return `${letters[1]} lid ${letters[2]} onder ${letters[3]} tot en met ${letters[4]}`;
  const m = /^(\d+[a-z]?)?(?:\((\d+)\))?(?:\(([a-z]+)\))?$/.exec(part);
  if (!m) return part;
  return [m[1], m[2] && `lid ${m[2]}`, m[3] && `onder ${m[3]}`].filter(Boolean).join(' ');
}

/** "(2), (7), (8)" → "punten 2, 7 en 8"; "(1)-(6)" → "punten 1 tot en met 6"; "(2)" → "punt 2". */
function points(list: string): string {
  const range = /^\((\d+)\)-\((\d+)\)$/.exec(list);
  if (range) return `punten ${range[1]} tot en met ${range[2]}`;
  const items = [...list.matchAll(/\((\d+)\)/g)].map((m) => m[1]);
  return items.length === 1 ? `punt ${items[0]}` : `punten ${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export function citation(ref: string, lang: Language): string {
  if (lang === 'en') return ref;
  if (FIXED[ref]) return FIXED[ref];
  let m = /^(GDPR|NIS2|DORA|CRA|RED) art\. (.+?)(?: with Delegated Regulation (\(EU\) \d+\/\d+))?$/.exec(ref);
  if (m) return `art. ${m[2].split(/, | and /).map(article).join(' en ')} ${ACTS[m[1]]}${m[3] ? `, met Gedelegeerde Verordening ${m[3]}` : ''}`;
  m = /^(GDPR|NIS2|DORA|CRA) chapter ([IVX]+)$/.exec(ref);
  if (m) return `hoofdstuk ${m[2]} ${ACTS[m[1]]}`;
  m = /^CRA annex (I) part (I|II)(?: (\(.+\)))?$/i.exec(ref);
  if (m) return `bijlage ${m[1]}, deel ${m[2]}${m[3] ? `, ${points(m[3])}` : ''} Cyberweerbaarheidsverordening`;
  m = /^(?:Implementing Regulation|Reg\.) \(EU\) 2024\/2690 annex ([\d.]+)\((\w)\)$/.exec(ref);
  if (m) return `Uitvoeringsverordening (EU) 2024/2690, bijlage, punt ${m[1]} onder ${m[2]}`;
  return ref;
}
