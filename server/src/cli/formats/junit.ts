/** JUnit XML: a test suite per file, a failing test case per error or warning. */
import { diagnosticOf, type FileResult } from '../../engine/report.js';
import { printable } from '../printable.js';

// XML 1.0 cannot hold most control characters, not even as references: they are written out (printable).
const xml = (s: string) => printable(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function junit(files: FileResult[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0, failures = 0;
  const suites: string[] = [];
  for (const file of files) {
    const cases: string[] = [];
    let fileFailures = 0;
    for (const f of file.result.findings) {
      const d = diagnosticOf(f, file.lines);
      const name = xml(`${f.ruleId} ${d.line}:${d.column}`);
      if (f.severity === 'error' || f.severity === 'warning') {
        fileFailures++;
        cases.push(`    <testcase classname="${xml(file.path)}" name="${name}"><failure type="${f.severity}" message="${xml(f.message)}">${xml(`${file.path}:${d.line}:${d.column} ${f.message}`)}</failure></testcase>`);
      } else cases.push(`    <testcase classname="${xml(file.path)}" name="${name}"/>`);
    }
    if (!cases.length) cases.push(`    <testcase classname="${xml(file.path)}" name="clauselint"/>`);
    tests += cases.length; failures += fileFailures;
    suites.push(`  <testsuite name="${xml(file.path)}" tests="${cases.length}" failures="${fileFailures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  out.push(`<testsuites name="clauselint" tests="${tests}" failures="${failures}" errors="0">`, ...suites, '</testsuites>');
  return out.join('\n') + '\n';
}
