/**
 * The review report as Markdown (`clauselint report --format markdown`): the same content as the HTML
 * file, for a pull-request comment or an e-mail. The language server's coverage report reuses its
 * checklist part.
 */
import type { Language } from '../engine/types.js';
import type { ChecklistView, ContractReport, ReportModel } from './model.js';
import { contractFacts, itemGaps, sinceLines, topicGaps } from './facts.js';
import { markLabel, PALETTE, type Mark } from './marks.js';
import { s } from './strings.js';

/** Text for a table cell or a list item: no pipes or line breaks that would break the Markdown. */
const cell = (t: string) => t.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>])/g, '\\$1');
const mark = (lang: Language, m: Mark) => `${PALETTE[m].icon} ${markLabel(lang, m)}`;

/** One regime's checklist as a Markdown table. */
export function checklistMarkdown(lang: Language, cl: ChecklistView, level = 3): string[] {
  const counts = s(lang, 'itemCounts', { met: cl.counts.met, partly: cl.counts['partly-met'], not: cl.counts['not-met'], unchecked: cl.counts['not-checked'] });
  const lines = [`${'#'.repeat(level)} ${s(lang, 'checklist')}: ${cl.title} — ${cl.score ?? '–'}%`, '', `${cl.source}. ${counts}.`, '',
    `| ${s(lang, 'article')} | ${s(lang, 'item')} | ${s(lang, 'status')} | ${s(lang, 'evidence')} / ${s(lang, 'missingWhat')} |`, '| --- | --- | --- | --- |'];
  for (const it of cl.items) {
    const ev = it.evidence.map((q) => `“${cell(q.text)}” (${s(lang, 'line')} ${q.line})`);
    lines.push(`| ${cell(it.article)} | ${cell(it.text)} | ${mark(lang, it.status)} | ${[...ev, ...itemGaps(lang, it).map(cell)].join('<br>')} |`);
  }
  lines.push('');
  return lines;
}

function contractMarkdown(model: ReportModel, c: ContractReport, forced: boolean): string[] {
  const lang = forced ? model.language : c.language;
  const lines = [`## ${cell(c.path)}`, '',
    ...contractFacts(lang, c).map((f) => `- ${f.label}: ${f.value}`),
    ...c.checklists.map((cl) => `- ${cl.title}: ${cl.score ?? '–'}%`), ''];
  if (c.since) lines.push(`### ${s(lang, 'since')}`, '', ...sinceLines(lang, c).map((l) => `- ${cell(l)}`), '');
  if (!c.checklists.length) lines.push(s(lang, 'noneDeclared'), '');
  else {
    const ask = c.checklists.flatMap((cl) => cl.items.filter((it) => it.status === 'not-met' || it.status === 'partly-met'));
    lines.push(`### ${s(lang, 'askHeading')}`, '');
    if (!ask.length) lines.push(s(lang, 'askNothing'), '');
    for (const it of ask) {
      lines.push(`- **${cell(it.article)}** (${mark(lang, it.status)}): ${cell(it.text)}`);
      for (const q of it.evidence.slice(0, 1)) lines.push(`  > ${cell(q.text)} (${s(lang, 'line')} ${q.line})`);
      for (const m of itemGaps(lang, it)) lines.push(`  - ${cell(m)}`);
      if (it.ask.length) lines.push(`  - ${s(lang, 'suggested')}: ${it.ask.map((a) => cell(a.title)).join('; ')}`);
    }
    lines.push('');
    for (const cl of c.checklists) lines.push(...checklistMarkdown(lang, cl));
  }
  lines.push(`### ${s(lang, 'topics')}`, '', `| ${s(lang, 'topic')} | ${s(lang, 'status')} | ${s(lang, 'evidence')} | ${s(lang, 'missingWhat')} |`, '| --- | --- | --- | --- |');
  for (const t of c.topics.filter((x) => x.status !== 'not-applicable')) {
    const ev = t.evidence.slice(0, 2).map((q) => `“${cell(q.text)}” (${s(lang, 'line')} ${q.line})`).join('<br>');
    const lacks = topicGaps(lang, t).map(cell).join('<br>');
    lines.push(`| ${cell(t.name)} | ${mark(lang, t.status)} | ${ev || s(lang, 'nothingFound')} | ${lacks} |`);
  }
  lines.push('');
  const asks = c.topics.filter((t) => t.ask);
  if (asks.length) {
    lines.push(`### ${s(lang, 'suggested')}`, '');
    for (const t of asks) lines.push(`**${cell(t.name)}** (${mark(lang, t.status)}) — ${cell(t.why)}`, '', `> **${cell(t.ask!.title)}**`, `> ${cell(t.ask!.text)}`, '');
  }
  return lines;
}

export function renderMarkdown(model: ReportModel, options: { version: string; date: string; forcedLanguage?: boolean }): string {
  const lang = model.language;
  const lines = [`# ${model.contracts.length === 1 ? s(lang, 'titleOne', { name: model.contracts[0].path }) : s(lang, 'title')}`, '',
    s(lang, 'intro', { version: options.version, date: options.date }), ''];
  if (model.contracts.length > 1) {
    const topics = model.topicNames;
    lines.push(`## ${s(lang, 'portfolio')}`, '', (['present', 'weak', 'missing', 'not-applicable'] as const).map((m) => mark(lang, m)).join(' · '), '',
      `| ${s(lang, 'contract')} | ${s(lang, 'score')} | ${topics.map((t) => cell(t.name)).join(' | ')} |`, `| --- | --- | ${topics.map(() => ':-:').join(' | ')} |`);
    for (const c of model.contracts) {
      lines.push(`| ${cell(c.path)} | ${c.score ?? '–'}%${c.checklists.map((cl) => `<br>${cl.regime} ${cl.score ?? '–'}%`).join('')} | ${c.topics.map((t) => PALETTE[t.status].icon).join(' | ')} |`);
    }
    lines.push('', s(lang, 'scoreHelp'), '');
  }
  if (!model.contracts.length) lines.push(s(lang, 'noContracts'), '');
  for (const c of model.contracts) lines.push(...contractMarkdown(model, c, Boolean(options.forcedLanguage)));
  if (model.problems.length) {
    lines.push(`## ${s(lang, 'problems')}`, '', ...model.problems.map((p) => `- ${cell(p.path)}: ${cell(p.message)}`), '');
  }
  return lines.join('\n');
}
