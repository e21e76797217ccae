/**
 * Two versions of one contract side by side (`clauselint report --compare OLD NEW`): per topic and per
 * checklist item, better, worse or unchanged, with what the clause said before and after.
 */
import { checklistRegimes, type ItemStatus } from '../engine/checklists.js';
import type { Language, Regime, TopicStatus } from '../engine/types.js';
import { contractReport, majorityLanguage, type ContractInput } from './model.js';
import { esc } from './html.js';
import { markLabel, PALETTE, statusChange, TEXT, type Change, type Mark } from './marks.js';
import { s } from './strings.js';

export type { Change };

export interface TopicChange { id: string; name: string; before: TopicStatus; after: TopicStatus; change: Change; beforeText: string; afterText: string }
export interface ItemChange { regime: Regime; id: string; article: string; text: string; before: ItemStatus; after: ItemStatus; change: Change; beforeText: string; afterText: string }
export interface Comparison { language: Language; old: string; new: string; topics: TopicChange[]; items: ItemChange[] }


export function compareContracts(oldInput: ContractInput, newInput: ContractInput, options: { lang?: Language; regimes?: Regime[] } = {}): Comparison {
  const language = options.lang ?? majorityLanguage([newInput]);
  const regimes = options.regimes ?? checklistRegimes([...new Set([...oldInput.result.regimes, ...newInput.result.regimes])]);
  const before = contractReport(oldInput, 0, language, regimes);
  const after = contractReport(newInput, 1, language, regimes);
  const joined = (qs: { text: string }[]) => qs.map((q) => q.text).join(' … ');
  const topics = after.topics.map((t, i) => {
    const b = before.topics[i];
    return { id: t.id, name: t.name, before: b.status, after: t.status, change: statusChange(b.status, t.status), beforeText: joined(b.evidence), afterText: joined(t.evidence) };
  });
  const items: ItemChange[] = [];
  after.checklists.forEach((cl, ci) => cl.items.forEach((it, ii) => {
    const b = before.checklists[ci].items[ii];
    items.push({ regime: cl.regime, id: it.id, article: it.article, text: it.text, before: b.status, after: it.status,
      change: statusChange(b.status, it.status), beforeText: joined(b.evidence), afterText: joined(it.evidence) });
  }));
  return { language, old: oldInput.path, new: newInput.path, topics, items };
}

const word = (lang: Language, m: Mark) => `${PALETTE[m].icon} ${markLabel(lang, m)}`;

export function renderCompareMarkdown(c: Comparison, options: { version: string; date: string }): string {
  const lang = c.language;
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const lines = [`# ${s(lang, 'compareTitle', { old: c.old, new: c.new })}`, '', s(lang, 'compareIntro'), '', s(lang, 'intro', options), ''];
  const changedTopics = c.topics.filter((t) => t.change !== 'unchanged');
  const changedItems = c.items.filter((t) => t.change !== 'unchanged');
  if (!changedTopics.length && !changedItems.length) lines.push(s(lang, 'noChanges'), '');
  lines.push(`## ${s(lang, 'topics')}`, '', `| ${s(lang, 'topic')} | ${s(lang, 'before')} | ${s(lang, 'after')} | ${s(lang, 'change')} |`, '| --- | --- | --- | --- |');
  for (const t of c.topics) lines.push(`| ${cell(t.name)} | ${word(lang, t.before)} | ${word(lang, t.after)} | ${t.change === 'unchanged' ? s(lang, 'change.unchanged') : `**${s(lang, `change.${t.change}`)}**`} |`);
  lines.push('');
  for (const t of changedTopics) {
    lines.push(`### ${cell(t.name)}: ${s(lang, `change.${t.change}`)}`, '', `${s(lang, 'before')}:`, '', `> ${cell(t.beforeText) || s(lang, 'nothingFound')}`, '', `${s(lang, 'after')}:`, '', `> ${cell(t.afterText) || s(lang, 'nothingFound')}`, '');
  }
  if (c.items.length) {
    lines.push(`## ${s(lang, 'checklist')}`, '', `| ${s(lang, 'article')} | ${s(lang, 'item')} | ${s(lang, 'before')} | ${s(lang, 'after')} | ${s(lang, 'change')} |`, '| --- | --- | --- | --- | --- |');
    for (const i of c.items) lines.push(`| ${cell(i.article)} | ${cell(i.text)} | ${word(lang, i.before)} | ${word(lang, i.after)} | ${i.change === 'unchanged' ? s(lang, 'change.unchanged') : `**${s(lang, `change.${i.change}`)}**`} |`);
    lines.push('');
  }
  return lines.join('\n');
}

export function renderCompareHtml(c: Comparison, options: { version: string; date: string }): string {
  const lang = c.language;
  const badge = (m: Mark) => `<span class="badge m-${m}"><span aria-hidden="true">${PALETTE[m].icon}</span> ${esc(markLabel(lang, m))}</span>`;
  const ch = (x: Change) => (x === 'unchanged' ? esc(s(lang, 'change.unchanged')) : `<strong class="${x}">${x === 'better' ? '▲' : '▼'} ${esc(s(lang, `change.${x}`))}</strong>`);
  const q = (t: string) => (t ? `<blockquote>${esc(t)}</blockquote>` : `<p>${esc(s(lang, 'nothingFound'))}</p>`);
  const topicRows = c.topics.map((t) => `<tr><th scope="row">${esc(t.name)}</th><td>${badge(t.before)}</td><td>${badge(t.after)}</td><td>${ch(t.change)}</td><td>${t.change === 'unchanged' ? '' : `<p><strong>${esc(s(lang, 'before'))}</strong></p>${q(t.beforeText)}<p><strong>${esc(s(lang, 'after'))}</strong></p>${q(t.afterText)}`}</td></tr>`);
  const itemRows = c.items.map((i) => `<tr><th scope="row">${esc(i.article)}</th><td>${esc(i.text)}</td><td>${badge(i.before)}</td><td>${badge(i.after)}</td><td>${ch(i.change)}</td></tr>`);
  const css = `body{font:15px/1.5 system-ui,Arial,sans-serif;color:${TEXT.fg};background:${TEXT.bg};max-width:72rem;margin:0 auto;padding:1rem 1.5rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border:1px solid ${TEXT.border};padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#f3f3f3}tr{break-inside:avoid}.badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-weight:600}
${Object.entries(PALETTE).map(([k, v]) => `.m-${k}{color:${v.fg};background:${v.bg}}`).join('')}
.better{color:${PALETTE.present.fg}}.worse{color:${PALETTE.missing.fg}}blockquote{margin:.2rem 0;padding:.2rem .6rem;border-left:4px solid ${TEXT.border};background:#f7f7f7}
.muted{color:${TEXT.muted}}@page{size:A4;margin:14mm}`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(s(lang, 'compareTitle', { old: c.old, new: c.new }))}</title><style>${css}</style></head>
<body><header><h1>${esc(s(lang, 'compareTitle', { old: c.old, new: c.new }))}</h1><p class="muted">${esc(s(lang, 'compareIntro'))} ${esc(s(lang, 'intro', options))}</p></header>
<main>
<h2>${esc(s(lang, 'topics'))}</h2>
<table><thead><tr><th scope="col">${esc(s(lang, 'topic'))}</th><th scope="col">${esc(s(lang, 'before'))}</th><th scope="col">${esc(s(lang, 'after'))}</th><th scope="col">${esc(s(lang, 'change'))}</th><th scope="col">${esc(s(lang, 'evidence'))}</th></tr></thead>
<tbody>${topicRows.join('\n')}</tbody></table>
${c.items.length ? `<h2>${esc(s(lang, 'checklist'))}</h2>
<table><thead><tr><th scope="col">${esc(s(lang, 'article'))}</th><th scope="col">${esc(s(lang, 'item'))}</th><th scope="col">${esc(s(lang, 'before'))}</th><th scope="col">${esc(s(lang, 'after'))}</th><th scope="col">${esc(s(lang, 'change'))}</th></tr></thead>
<tbody>${itemRows.join('\n')}</tbody></table>` : ''}
</main></body></html>
`;
}
