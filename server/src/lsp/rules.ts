/** The rule index (names and documentation pages), loaded once. */
import { ruleIndex } from '../engine/rule-index.js';
import type { RuleInfo } from './protocol.js';

let byId: Map<string, RuleInfo> | undefined;

export function rules(): Map<string, RuleInfo> {
  byId ??= new Map(ruleIndex().map((r) => [r.id, r]));
  return byId;
}

export function docsUrl(ruleId: string): string | undefined {
  return rules().get(ruleId)?.docsUrl;
}
