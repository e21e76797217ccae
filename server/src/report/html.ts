/**
 * The review report as one self-contained HTML file: no network, no external fonts, styles or scripts
 * (a Content-Security-Policy forbids them), so it works from a USB stick and prints cleanly to PDF.
 * The only script sorts and filters the portfolio table; without it every table still reads in full.
 * In an editor's webview the same report has no script, the editor's theme colours, and each line
 * number is a link that opens the contract at that line.
 */
import { createHash } from 'node:crypto';
import type { Language, TopicStatus } from '../engine/types.js';
import type { ChecklistView, ContractReport, ItemRow, Quote, ReportModel, TopicRow } from './model.js';
import { s } from './strings.js';
import { markLabel, PALETTE, TEXT, type Mark } from './marks.js';
import { contractFacts, itemGaps, sinceLines, topicGaps } from './facts.js';

export { PALETTE, TEXT, type Mark };

export const esc = (t: string) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);


/** A status as icon, word and colour: never colour alone. */
function badge(lang: Language, mark: Mark): string {
  return `<span class="badge m-${mark}"><span aria-hidden="true">${PALETTE[mark].icon}</span> ${esc(markLabel(lang, mark))}</span>`;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: ${TEXT.fg}; background: ${TEXT.bg}; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin: .5rem 0; } h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 2px solid ${TEXT.fg}; padding-bottom: .2rem; overflow-wrap: anywhere; }
h3 { font-size: 1.15rem; margin-top: 1.8rem; } h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
a { color: ${TEXT.link}; } a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid ${TEXT.link}; outline-offset: 2px; }
.muted, .intro { color: ${TEXT.muted}; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid ${TEXT.border}; padding: .35rem .5rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #f3f3f3; }
tr { break-inside: avoid; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .3rem; font-weight: 600; white-space: nowrap; }
td .badge { display: block; width: fit-content; max-width: 100%; white-space: normal; overflow-wrap: break-word; } /* a narrow status column: "? not checked by Clauselint" wraps instead of running into the next column */
${Object.entries(PALETTE).map(([k, v]) => `.m-${k} { color: ${v.fg}; background: ${v.bg}; }`).join('\n')}
.matrix { font-size: .8rem; }
.matrix th.topic { height: 11rem; vertical-align: bottom; padding: .2rem; }
.matrix th.topic > span, .matrix th.topic button { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
.matrix td.cell { text-align: center; padding: .2rem 0; font-weight: 700; }
.matrix col.name { width: 14rem; } .matrix col.score { width: 4.2rem; }
.matrix button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
.filter { margin: .5rem 0; } .filter input { font: inherit; padding: .2rem .4rem; border: 1px solid ${TEXT.border}; min-width: 16rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; } dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
blockquote { margin: .3rem 0; padding: .2rem .8rem; border-left: 4px solid ${TEXT.border}; background: #f7f7f7; }
blockquote.clause { border-left-color: ${PALETTE.present.fg}; background: #f4faf5; }
.where { color: ${TEXT.muted}; font-size: .85rem; }
ul.tight { margin: .2rem 0; padding-left: 1.2rem; }
.topic-block { border-top: 1px solid #cfcfcf; }
.ask li { margin-bottom: .6rem; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .no-print { display: none !important; }
  .contract { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  blockquote, .topic-block li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  td .badge { font-size: .85em; padding: 0 .2em; }
  .matrix { font-size: 7pt; } .matrix col.name { width: 30%; } .matrix col.score { width: 8%; } .matrix th.topic { height: 8rem; }
}
`;

/** Sorts the portfolio table by a column (clicking its heading again reverses) and filters it by name. */
const SCRIPT = `(function () {
  var table = document.getElementById('portfolio'); if (!table) return;
  var body = table.tBodies[0]; var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var b = th.querySelector('button'); if (!b) return;
    b.addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (x, y) {
        var a = x.cells[col].getAttribute('data-sort'), c = y.cells[col].getAttribute('data-sort');
        var na = parseFloat(a), nc = parseFloat(c);
        var r = !isNaN(na) && !isNaN(nc) ? na - nc : String(a).localeCompare(String(c));
        return asc ? r : -r;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var input = document.getElementById('filter'); var count = document.getElementById('shown');
  if (input) input.addEventListener('input', function () {
    var q = input.value.toLowerCase(), n = 0;
    Array.prototype.forEach.call(body.rows, function (r) { var show = r.cells[0].textContent.toLowerCase().indexOf(q) >= 0; r.hidden = !show; if (show) n++; });
    if (count) count.textContent = String(n);
  });
})();`;

const STATUS_RANK: Record<TopicStatus, number> = { missing: 0, weak: 1, present: 2, 'not-applicable': 3 };

function where(lang: Language, q: Quote): string {
  return q.endLine > q.line ? `${s(lang, 'lines')} ${q.line}–${q.endLine}` : `${s(lang, 'line')} ${q.line}`;
}

/** In a webview, the link that opens the contract at a line. */
type LineLink = ((line: number) => string) | undefined;

function quoteHtml(lang: Language, q: Quote, link: LineLink): string {
  const at = esc(where(lang, q));
  return `<blockquote><p>${esc(q.text)}</p><p class="where">${link ? `<a href="${esc(link(q.line))}">${at}</a>` : at}</p></blockquote>`;
}

/** The table of all contracts; `sortable`: its headings are buttons and a box filters it (the page's script). */
function portfolio(model: ReportModel, topicNames: { id: string; name: string }[], sortable: boolean): string {
  const lang = model.language;
  const heading = (text: string, title = '') => (sortable ? `<button type="button"${title && ` title="${esc(title)}"`}>${esc(text)}</button>` : `<span${title && ` title="${esc(title)}"`}>${esc(text)}</span>`);
  const head = [`<th scope="col">${heading(s(lang, 'contract'))}</th>`, `<th scope="col">${heading(s(lang, 'score'))}</th>`,
    ...topicNames.map((t) => `<th scope="col" class="topic">${heading(t.name, t.name)}</th>`)];
  const rows = model.contracts.map((c) => {
    const cells = c.topics.map((t, i) => `<td class="cell m-${t.status}" data-sort="${STATUS_RANK[t.status]}" title="${esc(`${topicNames[i]?.name ?? t.name}: ${markLabel(lang, t.status)}`)}"><span aria-hidden="true">${PALETTE[t.status].icon}</span><span class="sr-only">${esc(markLabel(lang, t.status))}</span></td>`);
    return `<tr><th scope="row" data-sort="${esc(c.path)}"><a href="#${c.id}">${esc(c.path)}</a></th><td data-sort="${c.score ?? -1}">${c.score ?? '–'}%${c.checklists.map((cl) => `<br><span class="where">${esc(cl.regime)} ${cl.score ?? '–'}%</span>`).join('')}</td>${cells.join('')}</tr>`;
  });
  const legend = (['present', 'weak', 'missing', 'not-applicable'] as const).map((m) => `<li>${badge(lang, m)}</li>`).join('');
  return `<section aria-labelledby="portfolio-h" class="portfolio">
<h2 id="portfolio-h">${esc(s(lang, 'portfolio'))}</h2>
${sortable ? `<p class="intro no-print">${esc(s(lang, 'portfolioHelp'))}</p>` : ''}
<ul class="legend">${legend}</ul>
${sortable ? `<p class="filter no-print"><label for="filter">${esc(s(lang, 'filter'))}</label> <input id="filter" type="search" autocomplete="off"> <span class="muted">(<span id="shown">${model.contracts.length}</span>/${model.contracts.length})</span></p>` : ''}
<div class="scroll"><table id="portfolio" class="matrix"><caption>${esc(s(lang, 'portfolio'))} (${model.contracts.length})</caption>
<colgroup><col class="name"><col class="score">${topicNames.map(() => '<col>').join('')}</colgroup>
<thead><tr>${head.join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
<p class="muted">${esc(s(lang, 'scoreHelp'))}</p>
</section>`;
}

function itemMissing(lang: Language, it: ItemRow): string {
  const gaps = itemGaps(lang, it);
  return gaps.length ? `<ul class="tight">${gaps.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '';
}

function checklistTable(lang: Language, c: ContractReport, cl: ChecklistView, link: LineLink): string {
  const rows = cl.items.map((it) => {
    const evidence = it.evidence.length ? it.evidence.map((q) => quoteHtml(lang, q, link)).join('') : it.status === 'not-checked' ? '' : `<p class="muted">${esc(s(lang, 'nothingFound'))}</p>`;
    return `<tr id="${c.id}-${it.id}"><td>${esc(it.article)}</td><td>${esc(it.text)}</td><td>${badge(lang, it.status)}</td><td>${evidence}${itemMissing(lang, it)}</td></tr>`;
  });
  const counts = s(lang, 'itemCounts', { met: cl.counts.met, partly: cl.counts['partly-met'], not: cl.counts['not-met'], unchecked: cl.counts['not-checked'] });
  return `<h3 id="${c.id}-${cl.regime}">${esc(s(lang, 'checklist'))}: ${esc(cl.title)} — ${cl.score ?? '–'}%</h3>
<p class="muted">${esc(cl.source)}. ${esc(counts)}.</p>
<table><caption class="sr-only">${esc(cl.title)}</caption><colgroup><col style="width:14%"><col style="width:27%"><col style="width:17%"><col></colgroup>
<thead><tr><th scope="col">${esc(s(lang, 'article'))}</th><th scope="col">${esc(s(lang, 'item'))}</th><th scope="col">${esc(s(lang, 'status'))}</th><th scope="col">${esc(s(lang, 'evidence'))} / ${esc(s(lang, 'missingWhat'))}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function askSection(lang: Language, c: ContractReport, link: LineLink): string {
  const items = c.checklists.flatMap((cl) => cl.items.filter((it) => it.status === 'not-met' || it.status === 'partly-met').map((it) => ({ cl, it })));
  if (!c.checklists.length) return '';
  const li = items.map(({ it }) => {
    const evidence = it.evidence.slice(0, 1).map((q) => quoteHtml(lang, q, link)).join('');
    const ask = it.ask.map((a) => `<a href="#${c.id}-topic-${topicOfClause(c, a.clauseId)}">${esc(a.title)}</a>`).join('; ');
    return `<li><strong>${esc(it.article)}</strong> ${badge(lang, it.status)} ${esc(it.text)}${evidence}${itemMissing(lang, it)}${ask ? `<p>${esc(s(lang, 'suggested'))}: ${ask}</p>` : ''}</li>`;
  });
  return `<h3 id="${c.id}-ask">${esc(s(lang, 'askHeading'))}</h3>
<p class="muted">${esc(s(lang, 'askIntro'))}</p>
${li.length ? `<ol class="ask">${li.join('\n')}</ol>` : `<p>${esc(s(lang, 'askNothing'))}</p>`}`;
}

function topicOfClause(c: ContractReport, clauseId: string): string {
  return c.topics.find((t) => t.ask?.clauseId === clauseId)?.id ?? c.topics.find((t) => clauseId.startsWith(t.id))?.id ?? '';
}

function topicBlock(lang: Language, c: ContractReport, t: TopicRow, link: LineLink): string {
  const evidence = t.evidence.length ? t.evidence.map((q) => quoteHtml(lang, q, link)).join('') : `<p class="muted">${esc(s(lang, 'nothingFound'))}</p>`;
  const lacks = topicGaps(lang, t);
  return `<div class="topic-block" id="${c.id}-topic-${t.id}">
<h4>${esc(t.name)} ${badge(lang, t.status)}</h4>
${evidence}
${lacks.length ? `<p><strong>${esc(s(lang, 'missingWhat'))}:</strong></p><ul class="tight">${lacks.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''}
${t.why ? `<p><strong>${esc(s(lang, 'why'))}:</strong> ${esc(t.why)}</p>` : ''}
${t.references.length ? `<p class="where">${esc(s(lang, 'references'))}: ${esc(t.references.join('; '))}</p>` : ''}
${t.ask ? `<p><strong>${esc(s(lang, 'suggested'))}:</strong> ${esc(t.ask.title)}</p><blockquote class="clause"><p>${esc(t.ask.text)}</p></blockquote>` : ''}
</div>`;
}

function contractSection(model: ReportModel, c: ContractReport, options: HtmlOptions): string {
  const lang = options.forcedLanguage ? model.language : c.language;
  const webview = options.webview;
  const link: LineLink = webview && ((line) => webview.lineHref(c, line));
  const applicable = c.topics.filter((t) => t.status !== 'not-applicable').sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]);
  const na = c.topics.filter((t) => t.status === 'not-applicable');
  const scores = c.checklists.map((cl) => `<li><a href="#${c.id}-${cl.regime}">${esc(cl.title)}</a>: ${cl.score ?? '–'}%</li>`).join('');
  return `<section class="contract" id="${c.id}" lang="${lang}" aria-labelledby="${c.id}-h">
<h2 id="${c.id}-h">${esc(c.path)}</h2>
<dl class="facts">
${contractFacts(lang, c).map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`).join('\n')}
</dl>
${scores ? `<ul>${scores}</ul>` : `<p>${esc(s(lang, 'noneDeclared'))}</p>`}
${c.since ? `<h3 id="${c.id}-since">${esc(s(lang, 'since'))}</h3><ul>${sinceLines(lang, c).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''}
${askSection(lang, c, link)}
${c.checklists.map((cl) => checklistTable(lang, c, cl, link)).join('\n')}
<h3 id="${c.id}-topics">${esc(s(lang, 'topics'))}</h3>
${applicable.map((t) => topicBlock(lang, c, t, link)).join('\n')}
${na.length ? `<p class="muted">${esc(s(lang, 'status.not-applicable'))}: ${esc(na.map((t) => t.name).join(', '))}</p>` : ''}
${model.contracts.length > 1 ? `<p class="no-print"><a href="#portfolio-h">${esc(s(lang, 'backToTop'))}</a></p>` : ''}
</section>`;
}

export interface HtmlOptions {
  version: string; date: string; forcedLanguage?: boolean;
  /** The report in an editor's webview, whose links open a contract at a line. */
  webview?: { lineHref: (contract: ContractReport, line: number) => string };
}

/** In a webview: the editor's theme colours for the page (the status colours keep their own, for contrast). */
const WEBVIEW_STYLE = `
:root { color-scheme: light dark; }
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family, system-ui); max-width: none; }
a { color: var(--vscode-textLink-foreground); }
.muted, .intro, .where { color: var(--vscode-descriptionForeground); }
h2 { border-bottom-color: var(--vscode-foreground); }
th, td { border-color: var(--vscode-panel-border, ${TEXT.border}); }
thead th { background: var(--vscode-editorWidget-background); }
blockquote { background: var(--vscode-textBlockQuote-background); border-left-color: var(--vscode-textBlockQuote-border); }
blockquote.clause { background: var(--vscode-textCodeBlock-background); }
`;

export function renderHtml(model: ReportModel, options: HtmlOptions): string {
  const lang = model.language;
  const title = model.contracts.length === 1 ? s(lang, 'titleOne', { name: model.contracts[0].path }) : s(lang, 'title');
  // A webview runs no script (it sorts nothing): its policy allows none.
  const script = options.webview ? '' : `script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'; `;
  const csp = `default-src 'none'; style-src 'unsafe-inline'; ${script}img-src data:; base-uri 'none'; form-action 'none'`;
  const problems = model.problems.length ? `<section aria-labelledby="problems-h"><h2 id="problems-h">${esc(s(lang, 'problems'))}</h2><ul>${model.problems.map((p) => `<li>${esc(p.path)}: ${esc(p.message)}</li>`).join('')}</ul></section>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Clauselint ${esc(options.version)}">
<title>${esc(title)}</title>
<style>${STYLE}${options.webview ? WEBVIEW_STYLE : ''}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="intro">${esc(s(lang, 'intro', { version: options.version, date: options.date }))}</p>
</header>
<main>
${model.contracts.length > 1 ? portfolio(model, model.topicNames, !options.webview) : ''}
${model.contracts.length ? '' : `<p>${esc(s(lang, 'noContracts'))}</p>`}
${model.contracts.map((c) => contractSection(model, c, options)).join('\n')}
${problems}
</main>
${options.webview ? '' : `<script>${SCRIPT}</script>\n`}</body>
</html>
`;
}
