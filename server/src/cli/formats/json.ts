/**
 * `--format json`: the report of toJsonReport. With a baseline its diagnostics are the new and updated
 * findings only, each with its baselineState (as in SARIF), and each file lists the earlier run's
 * findings that are gone (absent). Without one the output is unchanged.
 */
import { toJsonReport, type FileResult } from '../../engine/report.js';
import { absentFrom, type BaselineComparison } from '../baseline.js';

export function json(files: FileResult[], baseline?: BaselineComparison): string {
  const report = toJsonReport(files);
  if (baseline) {
    report.files.forEach((file, i) => {
      const findings = files[i].result.findings;
      file.diagnostics.forEach((d, j) => {
        const state = baseline.states.get(findings[j]);
        d.baselineState = state === 'updated' ? 'updated' : 'new';
      });
      file.absent = absentFrom(baseline, file.path).map(({ ruleId, topic, message, line }) => ({ ruleId, topic, message, line }));
    });
  }
  return JSON.stringify(report, null, 2) + '\n';
}
