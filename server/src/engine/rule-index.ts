/** Every rule, with its documentation page: the topic rules and the document rules. */
import { VERSION } from './version.js';
import { loadRuleData, referencesOf } from './rule-data.js';
import { joinList } from './messages.js';
import { DOCUMENT_RULES, TOPIC_RULE_SEVERITY } from './analyze.js';
import { TOPIC_IDS, type Language, type Severity } from './types.js';
import { fillTemplate } from './words.js';

/** The rule pages of this version (its tag), as shipped in the package and the extension: never what `main` has since. */
export const DOCS_BASE = `https://github.com/clauselint/clauselint/blob/v${VERSION}/docs/rules/`;

export interface RuleInfo {
  id: string; name: string; description: string; severity: Severity; docsUrl: string;
  /** What a strong clause states and why it matters (the references): SARIF's help, the hover. */
  help?: string;
}

const DOCUMENT_RULE_NAMES: Record<string, Record<Language, [string, string]>> = {
  contradiction: { en: ['Contradiction', 'Two clauses set the same parameter differently.'], nl: ['Tegenstrijdigheid', 'Twee bepalingen stellen dezelfde termijn of hetzelfde bedrag verschillend vast.'] },
  'undefined-term': { en: ['Undefined term', 'A capitalised term is used as a defined term but never defined.'], nl: ['Ongedefinieerd begrip', 'Een begrip met een hoofdletter wordt als gedefinieerd begrip gebruikt maar nergens gedefinieerd.'] },
  'missing-reference': { en: ['Missing annex', 'A reference to an annex, schedule or bijlage that the document lacks.'], nl: ['Ontbrekende bijlage', 'Een verwijzing naar een bijlage die het document niet bevat.'] },
  'undeclared-regime': { en: ['Undeclared regime', 'The text mentions a regime (NIS2, DORA, GDPR, CRA) that is not declared.'], nl: ['Niet opgegeven regime', 'De tekst noemt een regime (NIS2, DORA, AVG, Cyberweerbaarheidsverordening) dat niet is opgegeven.'] },
  'front-matter': { en: ['Front matter', 'The YAML front matter cannot be read.'], nl: ['Kopgegevens', 'De YAML-kopgegevens bovenaan het document zijn onleesbaar.'] },
  'contract-type': { en: ['Contract type', 'The contract type was inferred from thin or ambiguous evidence: worth declaring.'], nl: ['Soort overeenkomst', 'De soort overeenkomst is afgeleid uit weinig of dubbelzinnige aanwijzingen: geef die op.'] },
};

const TOPIC_TEXT: Record<Language, { description: string; strong: string; why: string }> = {
  en: { description: '{name}: missing or weak clause ({refs}).', strong: 'A strong clause states {points}.', why: 'Why it matters: {refs}.' },
  nl: { description: '{name}: ontbrekende of zwakke bepaling ({refs}).', strong: 'Een sterke bepaling regelt {points}.', why: 'Waarom: {refs}.' },
};


/** Every rule in one language (the editor's; English for SARIF). */
export function ruleIndex(lang: Language = 'en'): RuleInfo[] {
  const { topics } = loadRuleData();
  const text = TOPIC_TEXT[lang];
  const out: RuleInfo[] = TOPIC_IDS.map((id) => {
    const t = topics.get(id)!;
    const refs = referencesOf(t, lang);
    const points = joinList(t.strong.map((p) => p.says[lang].replace(/\s*\([^()]*\{(?:max|min)\}[^()]*\)/, '').replace(/\{(?:max|min)\}/g, '…')), lang);
    const help = [points ? fillTemplate(text.strong, { points }) : '', fillTemplate(text.why, { refs: refs.join('; ') })].filter(Boolean).join(' ');
    return { id, name: t.name[lang], description: fillTemplate(text.description, { name: t.name[lang], refs: refs.slice(0, 3).join('; ') }), severity: TOPIC_RULE_SEVERITY, docsUrl: `${DOCS_BASE}${id}.md`, help };
  });
  for (const [id, severity] of Object.entries(DOCUMENT_RULES)) {
    const [name, description] = DOCUMENT_RULE_NAMES[id][lang];
    out.push({ id, name, description, severity, docsUrl: `${DOCS_BASE}${id}.md` });
  }
  return out;
}
