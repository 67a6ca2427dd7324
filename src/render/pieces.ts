import type { Span } from '../document/types.js';
import type { Report, ReportFinding } from '../report/types.js';
import { codePointIndex } from '../text/codepoints.js';
import { partitionPoint } from '../text/search.js';

/**
 * Lines gathered into pieces of output, so a renderer can hand its report out as it goes instead
 * of building one string the size of the whole report (tens of megabytes for a 10 MiB article).
 * The pieces' concatenation is `lines.join('\n')`, followed by '\n' when `terminated`.
 */
export class LinePieces {
  private lines: string[] = [];
  private size = 0;
  private first = true;

  constructor(private readonly terminated: boolean, private readonly pieceSize = 1 << 16) {}

  push(...lines: string[]): void {
    for (const line of lines) {
      this.lines.push(line);
      this.size += line.length + 1;
    }
  }

  /** The lines gathered so far as one piece, once they make a piece's worth (or always with `all`). */
  take(all = false): string | null {
    if (!all && this.size < this.pieceSize) return null;
    const body = this.lines.join('\n');
    const piece = this.terminated ? (this.lines.length > 0 ? `${body}\n` : '') : `${this.first || this.lines.length === 0 ? '' : '\n'}${body}`;
    if (this.lines.length > 0) this.first = false;
    this.lines = [];
    this.size = 0;
    return piece;
  }
}

export interface Located {
  f: ReportFinding;
  /** UTF-16 offsets into the report's text. */
  start: number;
  end: number;
}

/**
 * The findings that start inside a paragraph, in their order in `located`: the same as filtering
 * `located` once per paragraph, without the paragraphs × findings cost (half a minute for a 10 MiB
 * article). Findings come sorted by start from the analysis; in any other order they are filtered.
 */
export function paragraphFindings(located: readonly Located[]): (para: Span) => Located[] {
  let sorted = true;
  for (let i = 1; i < located.length && sorted; i++) sorted = located[i - 1].start <= located[i].start;
  if (!sorted) return (para) => located.filter((l) => l.start >= para.start && l.start < para.end);
  return (para) => {
    const lo = partitionPoint(located.length, (i) => located[i].start < para.start);
    const out: Located[] = [];
    for (let i = lo; i < located.length && located[i].start < para.end; i++) out.push(located[i]);
    return out;
  };
}

/** The report's located findings (code points turned into UTF-16 offsets), looked up by paragraph. */
export function findingsByParagraph(report: Report): (para: Span) => Located[] {
  const cp = codePointIndex(report.text);
  const located: Located[] = report.findings
    .filter((f) => f.start !== null && f.end !== null)
    .map((f) => ({ f, start: cp.toUtf16(f.start!), end: cp.toUtf16(f.end!) }));
  return paragraphFindings(located);
}
