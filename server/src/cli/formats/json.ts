import { toJsonReport, type FileResult } from '../../engine/report.js';

export function json(files: FileResult[]): string {
  return JSON.stringify(toJsonReport(files), null, 2) + '\n';
}
