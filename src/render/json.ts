import type { Report } from '../report/types.js';

export function renderJson(report: Report | Report[]): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One report on one line: JSON escapes every newline, so a line is always one input. */
export function renderJsonLine(report: Report): string {
  return `${JSON.stringify(report)}\n`;
}
