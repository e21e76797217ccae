/**
 * For people: findings grouped per file, then the file's coverage; at the end the coverage per contract
 * and the totals. With `verbose`, each finding's details (why it matters, how to fix it) and the places
 * it names. Colour only on a terminal. The lines are in the contract's language (strings.ts).
 */
import { coverage, diagnosticOf, type FileResult } from '../../engine/report.js';
import { SEVERITIES, type AnalysisResult, type Language } from '../../engine/types.js';
import { commonLanguage, count, s } from '../strings.js';
import { printable } from '../printable.js';
import { regimeNames, word } from '../../engine/words.js';

export interface StylishOptions { color: boolean; verbose?: boolean }

/** The width of the severity column: its longest word in the language ("information", "waarschuwing"). */
const severityWidth = (lang: Language) => Math.max(...SEVERITIES.map((v) => s(lang, `severity.${v}`).length));
const SEVERITY_COLOR = { error: '31', warning: '33', information: '36', hint: '36' } as const;

function coverageLine(result: AnalysisResult): string {
  const lang = result.language;
  const c = coverage(result);
  const regimes = result.regimes.length ? `, ${s(lang, 'regimes', { list: regimeNames(result.regimes, lang) })}` : '';
  return `${s(lang, 'coverage', c)}  (${word(lang, `type.${result.type}`)}, ${s(lang, `source.${result.typeSource}`)}${regimes}; ${s(lang, 'language')})`;
}

export function stylish(files: FileResult[], options: StylishOptions | boolean): string {
  const { color, verbose = false } = typeof options === 'boolean' ? { color: options } : options;
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  let errors = 0, warnings = 0, others = 0;
  for (const file of files) {
    const { result } = file;
    out.push(paint('4', printable(file.path)));
    const width = severityWidth(result.language);
    for (const f of result.findings) {
      const d = diagnosticOf(f, file.lines);
      const sev = paint(SEVERITY_COLOR[f.severity], s(result.language, `severity.${f.severity}`).padEnd(width));
      if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; else others++;
      out.push(`  ${`${d.line}:${d.column}`.padEnd(8)} ${sev} ${printable(f.message)}  ${paint('2', f.ruleId)}`);
      if (verbose && f.details) for (const line of f.details.split('\n')) out.push(`${' '.repeat(12 + width)}${paint('2', printable(line))}`);
    }
    out.push(`  ${paint('1', coverageLine(result))}`, '');
  }
  const lang = commonLanguage(files.map((f) => f.result.language));
  // With several contracts, their coverage once more together, so that the end of the output says it all.
  if (files.length > 1) {
    const width = Math.min(60, Math.max(...files.map((f) => f.path.length)));
    for (const file of files) out.push(`  ${printable(file.path).padEnd(width)}  ${coverageLine(file.result)}`);
    const total = files.reduce((t, f) => { const c = coverage(f.result); return { present: t.present + c.present, weak: t.weak + c.weak, missing: t.missing + c.missing }; }, { present: 0, weak: 0, missing: 0 });
    out.push(`  ${s(lang, 'total').padEnd(width)}  ${s(lang, 'coverage', total)}`, '');
  }
  const total = errors + warnings + others;
  const fileCount = count(lang, files.length, 'count.file', 'count.files');
  const breakdown = `${count(lang, errors, 'count.error', 'count.errors')}, ${count(lang, warnings, 'count.warning', 'count.warnings')}, ${s(lang, 'others', { n: others })}`;
  out.push(total === 0
    ? paint('32', s(lang, 'noProblems', { files: fileCount }))
    : paint(errors ? '31' : '33', s(lang, 'problems', { total: count(lang, total, 'count.problem', 'count.problems'), breakdown, files: fileCount })));
  return out.join('\n') + '\n';
}
