/**
 * Sends COPY lines to the database in batches while the file is still being read: one batch is in flight while the
 * next is built, so PostgreSQL parses one while Node checks the other (one COPY at a time on the connection).
 *
 * @example
 * const stager = new BatchStager((text) => stageFigureLines(tx, driver, text));
 * for (const row of rows) await stager.push(lineOf(row));
 * await stager.flush();
 */
export class BatchStager {
  private batch: string[] = [];
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly send: (text: string) => Promise<void>,
    private readonly size = 10_000,
  ) {}

  async push(line: string): Promise<void> {
    this.batch.push(line);
    if (this.batch.length < this.size) return;
    await this.inFlight;
    this.inFlight = this.send(this.batch.join(''));
    // Awaited at the next batch or at flush; until then a failure must not count as unhandled.
    this.inFlight.catch(() => {});
    this.batch = [];
  }

  /** Waits for the batch in flight and sends the rest. */
  async flush(): Promise<void> {
    await this.inFlight;
    const rest = this.batch.join('');
    this.batch = [];
    if (rest !== '') await this.send(rest);
  }
}
