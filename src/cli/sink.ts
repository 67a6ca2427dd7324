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
   * `writeSize` in characters: small enough that a joined write stays an ordinary string (a
   * string of hundreds of kilobytes is put in fresh memory of its own, which costs more than
   * the extra writes).
   */
  constructor(private readonly send: (text: string) => Promise<void>, private readonly writeSize = 1 << 13) {}

  async write(piece: string): Promise<void> {
    this.wrote = true;
    if (piece.length === 0) return;
    // A large piece (the article text) is sent as it is: joined to what gathered, it would be copied.
    if (piece.length >= this.writeSize) {
      await this.flush();
      await this.send(piece);
      return;
    }
    this.parts.push(piece);
    this.size += piece.length;
    if (this.size >= this.writeSize) await this.flush();
  }

  async writeAll(pieces: Iterable<string>): Promise<void> {
    for (const piece of pieces) await this.write(piece);
  }

  /** Send what has gathered (at the end of each report, so JSON Lines stream one line at a time). */
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.send(text);
  }
}
