/**
 * SARIF 2.1.0 for code-scanning upload: rule metadata with help links, one result per finding; with a
 * baseline, each result's baselineState and the earlier run's findings that are gone (absent).
 */
import { diagnosticOf, type FileResult } from '../../engine/report.js';
import type { BaselineComparison } from '../baseline.js';
import { ruleIndex } from '../../engine/rule-index.js';
import type { Severity } from '../../engine/types.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function sarif(files: FileResult[], version: string, baseline?: BaselineComparison): string {
  const rules = ruleIndex();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = files.flatMap((file) => file.result.findings.map((f) => {
    const d = diagnosticOf(f, file.lines);
    return {
      ruleId: f.ruleId, ruleIndex: index.get(f.ruleId), level: LEVEL[f.severity], message: { text: f.message },
      locations: [{ physicalLocation: {
        artifactLocation: { uri: file.path.split('\\').join('/') },
        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column + 1 : 1) },
      } }],
      // The weak phrases a finding on a clause names, each with what is weak there and its fix.
      ...(f.related?.length && { relatedLocations: f.related.map((r, id) => {
        const at = diagnosticOf({ ...f, span: r.span }, file.lines);
        return { id, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: file.path.split('\\').join('/') }, region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: Math.max(at.endColumn, at.line === at.endLine ? at.column + 1 : 1) } } };
      }) }),
      ...((f.topic || f.details) && { properties: { ...(f.topic && { topic: f.topic }), ...(f.details && { details: f.details }) } }),
      ...(baseline && { baselineState: baseline.states.get(f) ?? 'new' }),
    };
  }));
  const gone = (baseline?.absent ?? []).map((a) => ({
    ruleId: a.ruleId, ruleIndex: index.get(a.ruleId), level: 'none', message: { text: a.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: a.path }, region: { startLine: a.line } } }],
    ...(a.topic && { properties: { topic: a.topic } }),
    baselineState: 'absent',
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'clauselint', version, informationUri: 'https://github.com/clauselint/clauselint',
        rules: rules.map((r) => ({
          id: r.id, name: r.name, shortDescription: { text: r.name }, fullDescription: { text: r.help ? `${r.description} ${r.help}` : r.description },
          helpUri: r.docsUrl, help: { text: `${r.help ?? r.description} See ${r.docsUrl}`, markdown: `${r.help ?? r.description}\n\n[${r.name}](${r.docsUrl})` },
          defaultConfiguration: { level: LEVEL[r.severity] },
        })),
      } },
      results: [...results, ...gone],
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
