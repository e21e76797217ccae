/** The server's own user-interface strings (action titles, hover headings), in the editor's language. */
export type UiLanguage = 'en' | 'nl';

const STRINGS = {
  fixAll: { en: 'Fix all weak phrases', nl: 'Herstel alle zwakke formuleringen' },
  insertAll: { en: 'Insert all missing security clauses', nl: 'Voeg alle ontbrekende beveiligingsbepalingen in' },
  references: { en: 'References', nl: 'Bronnen' },
  docs: { en: 'Rule documentation', nl: 'Documentatie van de regel' },
  suggested: { en: 'Suggested clause', nl: 'Voorgestelde bepaling' },
  definedTerm: { en: 'Defined term', nl: 'Gedefinieerd begrip' },
  definedOn: { en: 'defined on line {line}', nl: 'gedefinieerd op regel {line}' },
  summary: { en: 'Security: {present} present · {weak} weak · {missing} missing', nl: 'Beveiliging: {present} aanwezig · {weak} zwak · {missing} ontbrekend' },
  reportTitle: { en: 'Security coverage', nl: 'Dekking van beveiligingsbepalingen' },
  notChecked: { en: 'Clauselint did not check this document: {reason}', nl: 'Clauselint heeft dit document niet gecontroleerd: {reason}' },
  'notChecked.binary': { en: 'it looks like a binary file, not a Markdown contract', nl: 'het lijkt een binair bestand, geen contract in Markdown' },
  'notChecked.size': { en: 'it is {size} MB; Clauselint checks contracts up to {max} MB', nl: 'het is {size} MB; Clauselint controleert contracten tot {max} MB' },
  'notChecked.internal': { en: 'the analysis failed ({problem}); please report this with the document', nl: 'de analyse is mislukt ({problem}); meld dit graag met het document' },
  notCheckedContract: {
    en: 'Clauselint is not checking this contract: add clauselint front matter or a .clauselintrc.json, or run “Lint this file”.',
    nl: 'Clauselint controleert dit contract niet: voeg clauselint-kopgegevens of een .clauselintrc.json toe, of kies “Dit bestand controleren”.',
  },
  addFrontMatter: { en: 'Mark as a contract: add clauselint front matter (type: {type})', nl: 'Markeer als contract: voeg clauselint-kopgegevens toe (type: {type})' },
  lintThisFile: { en: 'Lint this file once', nl: 'Dit bestand eenmalig controleren' },
  reportNotContract: {
    en: 'This document is not checked by Clauselint. Add `clauselint:` front matter, put a `.clauselintrc.json` in its folder, or run “Clauselint: Lint this file”.',
    nl: 'Clauselint controleert dit document niet. Voeg kopgegevens met `clauselint:` toe, zet een `.clauselintrc.json` in de map, of kies “Clauselint: Dit bestand controleren”.',
  },
  topic: { en: 'Topic', nl: 'Onderwerp' },
  status: { en: 'Status', nl: 'Status' },
  findings: { en: 'Findings', nl: 'Bevindingen' },
  contractType: { en: 'Contract type', nl: 'Soort overeenkomst' },
  regimes: { en: 'Regimes', nl: 'Regimes' },
  none: { en: 'none', nl: 'geen' },
  line: { en: 'line', nl: 'regel' },
  'status.present': { en: 'present', nl: 'aanwezig' },
  'status.weak': { en: 'weak', nl: 'zwak' },
  'status.missing': { en: 'missing', nl: 'ontbrekend' },
  'status.not-applicable': { en: 'not applicable', nl: 'niet van toepassing' },
} as const;

export type StringId = keyof typeof STRINGS;

export function uiLanguage(locale: string | undefined | null): UiLanguage {
  return locale && /^nl\b/i.test(locale) ? 'nl' : 'en';
}

export function t(lang: UiLanguage, id: StringId, values: Record<string, string | number> = {}): string {
  return STRINGS[id][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** Every string in both languages, for the test that reads the Dutch strings as Dutch. */
export function allUiStrings(): { id: string; lang: UiLanguage; text: string }[] {
  return Object.entries(STRINGS).flatMap(([id, e]) => (['en', 'nl'] as const).map((lang) => ({ id, lang, text: e[lang] })));
}
