/** SARIF 2.1.0 for code-scanning upload: rule metadata with help links, one result per finding. */
import { diagnosticOf, type FileResult } from '../../engine/report.js';
import { ruleIndex } from '../../engine/rule-index.js';
import type { Severity } from '../../engine/types.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function sarif(files: FileResult[], version: string): string {
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
      ...(f.topic ? { properties: { topic: f.topic } } : {}),
    };
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'clauselint', version, informationUri: 'https://github.com/clauselint/clauselint',
        rules: rules.map((r) => ({
          id: r.id, name: r.name, shortDescription: { text: r.name }, fullDescription: { text: r.description },
          helpUri: r.docsUrl, help: { text: `${r.description} See ${r.docsUrl}` },
          defaultConfiguration: { level: LEVEL[r.severity] },
        })),
      } },
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
