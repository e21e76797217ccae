/** Every rule, with its documentation page: the topic rules and the document rules. */
import { loadRuleData } from './rule-data.js';
import { DOCUMENT_RULES, TOPIC_RULE_SEVERITY } from './analyze.js';
import { TOPIC_IDS, type Severity } from './types.js';

export const DOCS_BASE = 'https://github.com/clauselint/clauselint/blob/main/docs/rules/';

export interface RuleInfo { id: string; name: string; description: string; severity: Severity; docsUrl: string }

const DOCUMENT_RULE_NAMES: Record<string, [string, string]> = {
  contradiction: ['Contradiction', 'Two clauses set the same parameter differently.'],
  'undefined-term': ['Undefined term', 'A capitalised term is used as a defined term but never defined.'],
  'missing-reference': ['Missing annex', 'A reference to an annex, schedule or bijlage that the document lacks.'],
  'undeclared-regime': ['Undeclared regime', 'The text mentions a regime (NIS2, DORA, GDPR, CRA) that is not declared.'],
  'front-matter': ['Front matter', 'The YAML front matter cannot be read.'],
  'contract-type': ['Contract type', 'The contract type was inferred from thin or ambiguous evidence: worth declaring.'],
};

export function ruleIndex(): RuleInfo[] {
  const { topics } = loadRuleData();
  const out: RuleInfo[] = TOPIC_IDS.map((id) => {
    const t = topics.get(id)!;
    return { id, name: t.name.en, description: `${t.name.en}: missing or weak clause (${t.references.slice(0, 3).join('; ')}).`, severity: TOPIC_RULE_SEVERITY, docsUrl: `${DOCS_BASE}${id}.md` };
  });
  for (const [id, severity] of Object.entries(DOCUMENT_RULES)) {
    const [name, description] = DOCUMENT_RULE_NAMES[id];
    out.push({ id, name, description, severity, docsUrl: `${DOCS_BASE}${id}.md` });
  }
  return out;
}
