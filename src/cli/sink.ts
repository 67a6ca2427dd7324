/**
 * Output gathered into writes of a useful size: a report comes as many pieces (see
 * report/json-chunks.ts and the renderers), each handed on as soon as enough has gathered, and
 * each write waits for the destination to take it (stdout's 'drain'), so a slow reader holds the
 * program back instead of letting the output pile up in memory.
 */
export class Sink {
  private parts: string[] = [];
  private size = 0;
  /** Whether anything (even an empty piece) was written: decides whether an --output file is made. */
  wrote = false;

  /**
   * `writeSize`: characters gathered before they are sent, so that a report of many small pieces
   * goes out in a few writes, while each write stays small enough to be encoded into the reused
   * buffer of writeTextSync in one go (a piece longer than that, the article text, goes in slices).
   */
  constructor(private readonly send: (texts: readonly string[]) => Promise<void>, private readonly writeSize = 1 << 13) {}

  async write(piece: string): Promise<void> {
    this.wrote = true;
    if (piece.length === 0) return;
    this.parts.push(piece);
    this.size += piece.length;
    if (this.size >= this.writeSize) await this.flush();
  }

  async writeAll(pieces: Iterable<string>): Promise<void> {
    for (const piece of pieces) await this.write(piece);
  }

  /**
   * Send what has gathered (at the end of each report, so JSON Lines stream one line at a time),
   * as the pieces it came in: joined, a piece of the article text would be copied.
   */
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const parts = this.parts;
    this.parts = [];
    this.size = 0;
    await this.send(parts);
  }
}
