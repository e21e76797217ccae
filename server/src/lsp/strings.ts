/** The server's own user-interface strings (action titles, hover headings), in the editor's language. */
import { heading, phrasebook, WORDS } from '../engine/words.js';

export type UiLanguage = 'en' | 'nl';

const STRINGS = {
  fixAll: { en: 'Fix all weak phrases', nl: 'Herstel alle zwakke formuleringen' },
  insertAll: { en: 'Insert all missing security clauses', nl: 'Voeg alle ontbrekende beveiligingsbepalingen in' },
  references: heading(WORDS.references),
  docs: { en: 'Rule documentation', nl: 'Documentatie van de regel' },
  suggested: { en: 'Suggested clause', nl: 'Voorgestelde bepaling' },
  definedTerm: { en: 'Defined term', nl: 'Gedefinieerd begrip' },
  definedOn: { en: 'defined on line {line}', nl: 'gedefinieerd op regel {line}' },
  summary: { en: `Security: ${WORDS.coverage.en}`, nl: `Beveiliging: ${WORDS.coverage.nl}` },
  reportTitle: WORDS.coverageTitle,
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
  topic: heading(WORDS.topic),
  status: heading(WORDS.status),
  findings: heading(WORDS.findings),
  contractType: heading(WORDS.contractType),
  regimes: heading(WORDS.regimes),
  none: WORDS.none,
  line: WORDS.line,
  'status.present': WORDS['status.present'],
  'status.weak': WORDS['status.weak'],
  'status.missing': WORDS['status.missing'],
  'status.not-applicable': WORDS['status.not-applicable'],
} as const;

export type StringId = keyof typeof STRINGS;

export function uiLanguage(locale: string | undefined | null): UiLanguage {
  return locale && /^nl\b/i.test(locale) ? 'nl' : 'en';
}

export const t = phrasebook(STRINGS);

/** Every string in both languages, for the test that reads the Dutch strings as Dutch. */
export function allUiStrings(): { id: string; lang: UiLanguage; text: string }[] {
  return Object.entries(STRINGS).flatMap(([id, e]) => (['en', 'nl'] as const).map((lang) => ({ id, lang, text: e[lang] })));
}
