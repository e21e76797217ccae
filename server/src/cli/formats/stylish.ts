/** For people: findings grouped per file, then the file's coverage. Colour only on a terminal. */
import { coverage, diagnosticOf, type FileResult } from '../../engine/report.js';

export function stylish(files: FileResult[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let errors = 0, warnings = 0, others = 0;
  for (const file of files) {
    const { result } = file;
    out.push(paint('4', file.path));
    for (const f of result.findings) {
      const d = diagnosticOf(f, file.lines);
      const sev = f.severity === 'error' ? paint('31', 'error') : f.severity === 'warning' ? paint('33', 'warning') : paint('36', f.severity);
      if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; else others++;
      out.push(`  ${`${d.line}:${d.column}`.padEnd(8)} ${sev.padEnd(color ? 20 : 11)} ${f.message}  ${paint('2', f.ruleId)}`);
    }
    const c = coverage(result);
    const source = result.typeSource === 'inferred' ? 'inferred' : `from ${result.typeSource}`;
    const regimes = result.regimes.length ? `, regimes ${result.regimes.join(', ')}` : '';
    out.push(`  ${paint('1', `${c.present} present · ${c.weak} weak · ${c.missing} missing`)}  (${result.type}, ${source}${regimes}; ${result.language})`, '');
  }
  const total = errors + warnings + others;
  out.push(total === 0
    ? paint('32', `✔ no problems in ${files.length} file${files.length === 1 ? '' : 's'}`)
    : paint(errors ? '31' : '33', `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${others} other) in ${files.length} file${files.length === 1 ? '' : 's'}`));
  return out.join('\n') + '\n';
}
