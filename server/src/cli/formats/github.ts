/**
 * GitHub Actions: workflow annotations, errors first, and a Markdown job summary. GitHub shows ten
 * annotations of each kind per step, so past nine of a kind the tenth says how many more there are; the
 * summary ($GITHUB_STEP_SUMMARY) has the coverage per contract and every finding, so nothing is lost.
 */
import { coverage, diagnosticOf, type FileResult } from '../../engine/report.js';
import type { Severity } from '../../engine/types.js';
import { commonLanguage, count, s } from '../strings.js';
import { printable } from '../printable.js';
import { word } from '../../engine/words.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
const ORDER = ['error', 'warning', 'notice'] as const;
/** What GitHub shows per kind of annotation in one step. */
export const ANNOTATIONS_SHOWN = 10;

// printable() first: a workflow command is one line, and the log is a terminal too.
const escapeData = (text: string) => printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github(files: FileResult[]): string {
  const lang = commonLanguage(files.map((f) => f.result.language));
  const byKind = new Map<string, string[]>(ORDER.map((k) => [k, []]));
  for (const file of files) {
    for (const f of file.result.findings) {
      const d = diagnosticOf(f, file.lines);
      const kind = COMMAND[f.severity];
      byKind.get(kind)!.push(`::${kind} file=${escapeProperty(file.path)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(`clauselint(${f.ruleId})`)}::${escapeData(f.message)}`);
    }
  }
  const out: string[] = [];
  for (const kind of ORDER) {
    const lines = byKind.get(kind)!;
    if (lines.length <= ANNOTATIONS_SHOWN) { out.push(...lines); continue; }
    const rest = lines.length - (ANNOTATIONS_SHOWN - 1);
    out.push(...lines.slice(0, ANNOTATIONS_SHOWN - 1), `::${kind} title=clauselint::${escapeData(s(lang, 'moreAnnotations', { count: rest, level: s(lang, `level.${kind}`) }))}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}

const cell = (text: string | number) => printable(String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' '));

/** The job summary: the coverage table per contract, the total, and each contract's findings. */
export function githubSummary(files: FileResult[]): string {
  const lang = commonLanguage(files.map((f) => f.result.language));
  const out = [`## Clauselint: ${s(lang, 'coverageTitle').toLowerCase()}`, '',
    `| ${[s(lang, 'contract'), s(lang, 'type'), s(lang, 'present'), s(lang, 'weak'), s(lang, 'missing'), s(lang, 'findings')].join(' | ')} |`,
    '|---|---|--:|--:|--:|--:|'];
  const total = { present: 0, weak: 0, missing: 0, findings: 0 };
  for (const file of files) {
    const c = coverage(file.result);
    total.present += c.present; total.weak += c.weak; total.missing += c.missing; total.findings += file.result.findings.length;
    out.push(`| ${cell(file.path)} | ${word(lang, `type.${file.result.type}`)} | ${c.present} | ${c.weak} | ${c.missing} | ${file.result.findings.length} |`);
  }
  if (files.length > 1) out.push(`| **${s(lang, 'total')}** | | ${total.present} | ${total.weak} | ${total.missing} | ${total.findings} |`);
  for (const file of files) {
    if (!file.result.findings.length) continue;
    const fl = file.result.language;
    out.push('', `<details><summary>${cell(file.path)}: ${count(fl, file.result.findings.length, 'count.problem', 'count.problems')}</summary>`, '',
      `| ${s(fl, 'line')} | ${s(fl, 'topic')} | ${s(fl, 'finding')} |`, '|--:|---|---|');
    for (const f of file.result.findings) out.push(`| ${diagnosticOf(f, file.lines).line} | \`${f.ruleId}\` | ${cell(f.message)} |`);
    out.push('', '</details>');
  }
  return out.join('\n') + '\n\n';
}
