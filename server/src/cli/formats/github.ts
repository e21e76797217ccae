/** GitHub Actions workflow commands: one annotation per finding. */
import { diagnosticOf, type FileResult } from '../../engine/report.js';
import type { Severity } from '../../engine/types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github(files: FileResult[]): string {
  const out: string[] = [];
  for (const file of files) {
    for (const f of file.result.findings) {
      const d = diagnosticOf(f, file.lines);
      out.push(`::${COMMAND[f.severity]} file=${escapeProperty(file.path)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(`clauselint(${f.ruleId})`)}::${escapeData(f.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
