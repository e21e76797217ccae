/** The coverage of a contract ("Security: 9 present · 3 weak · 2 missing") and its report. */
import type { AnalysisDetails } from '../engine/analyze.js';
import { loadRuleData } from '../engine/rule-data.js';
import { TOPIC_IDS } from '../engine/types.js';
import type { Coverage, TopicCoverage } from './protocol.js';
import { t, type UiLanguage } from './strings.js';
import { contractReport } from '../report/model.js';
import { checklistMarkdown } from '../report/markdown.js';
import { regimeNames, word } from '../engine/words.js';

export function coverageOf(result: AnalysisDetails, lang: UiLanguage): Coverage {
  const { topics } = loadRuleData();
  const list: TopicCoverage[] = TOPIC_IDS.map((id) => ({ id, name: topics.get(id)!.name[lang], status: result.topics[id].status }));
  const count = (s: TopicCoverage['status']) => list.filter((x) => x.status === s).length;
  const present = count('present'), weak = count('weak'), missing = count('missing');
  return {
    present, weak, missing, notApplicable: count('not-applicable'),
    summary: t(lang, 'summary', { present, weak, missing }),
    language: result.language, type: result.type, regimes: result.regimes, topics: list,
  };
}

const ORDER = { missing: 0, weak: 1, present: 2, 'not-applicable': 3 } as const;
const ICON = { missing: '✗', weak: '!', present: '✓', 'not-applicable': '–' } as const;

/** A Markdown report: the summary, the contract's type and regimes, and each topic with its findings. */
export function coverageReport(name: string, result: AnalysisDetails, lang: UiLanguage): string {
  const c = coverageOf(result, lang);
  const lines = [`# ${t(lang, 'reportTitle')}: ${name}`, '', `**${c.summary}**`, '',
    `- ${t(lang, 'contractType')}: ${word(lang, `type.${result.type}`)} (${word(lang, `source.${result.typeSource}`)})`,
    `- ${t(lang, 'regimes')}: ${result.regimes.length ? regimeNames(result.regimes, lang) : t(lang, 'none')}`, '',
    `| ${t(lang, 'topic')} | ${t(lang, 'status')} | ${t(lang, 'findings')} |`, '| --- | --- | --- |'];
  for (const topic of [...c.topics].sort((a, b) => ORDER[a.status] - ORDER[b.status])) {
    const where = result.findings.filter((f) => f.topic === topic.id).map((f) => `${t(lang, 'line')} ${result.model.lines.position(f.span.start).line}`);
    lines.push(`| ${topic.name} | ${ICON[topic.status]} ${t(lang, `status.${topic.status}`)} | ${[...new Set(where)].join(', ')} |`);
  }
  // The checklists of the declared regimes, as `clauselint report` shows them.
  const report = contractReport({ path: name, result }, 0, lang);
  for (const cl of report.checklists) lines.push('', ...checklistMarkdown(lang, cl, 2));
  return lines.join('\n') + '\n';
}
