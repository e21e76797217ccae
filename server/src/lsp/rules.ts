/** The rule index (names, descriptions and documentation pages) in each language, loaded once. */
import { ruleIndex } from '../engine/rule-index.js';
import type { Language } from '../engine/types.js';
import type { RuleInfo } from './protocol.js';

const byLanguage = new Map<Language, Map<string, RuleInfo>>();

/** The rules in the editor's language. */
export function rules(lang: Language = 'en'): Map<string, RuleInfo> {
  let byId = byLanguage.get(lang);
  if (!byId) byLanguage.set(lang, byId = new Map(ruleIndex(lang).map((r) => [r.id, r])));
  return byId;
}

export function docsUrl(ruleId: string): string | undefined {
  return rules().get(ruleId)?.docsUrl;
}
