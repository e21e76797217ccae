/**
 * The review report in the editor: the HTML `clauselint report` writes, made for a webview (no script,
 * the editor's theme), each line number a command link that opens the contract at that line.
 */
import type { AnalysisDetails } from '../engine/analyze.js';
import { buildReport } from '../report/model.js';
import { renderHtml } from '../report/html.js';
import { OPEN_AT_COMMAND, type ReviewReportResult } from './protocol.js';
import type { UiLanguage } from './strings.js';

export interface ReviewContract { uri: string; name: string; result: AnalysisDetails }

export function reviewReport(contracts: ReviewContract[], lang: UiLanguage, version: string): ReviewReportResult {
  // With no contract there is no contract's language: the page is in the editor's.
  // The clauses to ask for come from the contract's playbook first, as in `clauselint report`: the one it was analysed with.
  const model = buildReport(contracts.map((c) => ({ path: c.name, result: c.result, playbook: c.result.fixContext.playbook })), contracts.length ? {} : { lang });
  const uris = new Map(model.contracts.map((c, i) => [c.id, contracts[i].uri]));
  const html = renderHtml(model, {
    version, date: new Date().toISOString().slice(0, 10),
    webview: { lineHref: (c, line) => `command:${OPEN_AT_COMMAND}?${encodeURIComponent(JSON.stringify([uris.get(c.id), line]))}` },
  });
  return { html, contracts: model.contracts.length };
}
