/**
 * Checked rows wait here, as COPY text, between the check (outside any transaction) and the short write transaction
 * that stages and commits them: in memory while they are few, on a temporary file past `memoryBytes`, so that a
 * million rows cost disk, not heap. Batches come back in the order they went in, each whole.
 *
 * @example
 * const spool = new Spool(); await spool.add(lines); for await (const bytes of spool.bytes()) …; await spool.dispose();
 */
import { open, mkdtemp, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export class Spool {
  private readonly memory: string[] = [];
  private held = 0;
  private file: { dir: string; handle: FileHandle; sizes: number[] } | null = null;

  constructor(private readonly memoryBytes = 32 * 1024 * 1024) {}

  /** Adds one batch (whole lines). */
  async add(batch: string): Promise<void> {
    if (batch === '') return;
    if (!this.file && this.held + batch.length * 2 <= this.memoryBytes) {
      this.memory.push(batch);
      this.held += batch.length * 2;
      return;
    }
    if (!this.file) {
      const dir = await mkdtemp(path.join(tmpdir(), 'pm-spool-'));
      this.file = { dir, handle: await open(path.join(dir, 'rows.copy'), 'w+', 0o600), sizes: [] };
    }
    const bytes = Buffer.from(batch, 'utf8');
    await this.file.handle.write(bytes);
    this.file.sizes.push(bytes.length);
  }

  /** The batches as UTF-8 bytes, each in a buffer of its own (a consumer may hold one while it reads the next). */
  async *bytes(): AsyncGenerator<Uint8Array<ArrayBuffer>> {
    for (const batch of this.memory) yield Buffer.from(batch, 'utf8');
    if (!this.file) return;
    let position = 0;
    for (const size of this.file.sizes) {
      const buf = Buffer.allocUnsafe(size);
      await this.file.handle.read(buf, 0, size, position);
      position += size;
      yield buf;
    }
  }

  async dispose(): Promise<void> {
    this.memory.length = 0;
    if (!this.file) return;
    const { dir, handle } = this.file;
    this.file = null;
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  }
}
