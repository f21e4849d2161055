/**
 * Receives one uploaded file (multipart field "file") into a fresh temporary folder, streamed to disk and never held
 * in memory, with the route's own size limit; the other form fields come back as text. The caller removes the
 * folder (`dispose`) when it is done with the file.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { BadRequestError } from '../services/errors';

export interface Upload {
  path: string;
  name: string;
  fields: Record<string, string>;
  dispose(): Promise<void>;
}

export async function receiveUpload(req: FastifyRequest, limits: { fileSize: number }): Promise<Upload> {
  if (!req.isMultipart()) throw new BadRequestError('send the file as multipart/form-data (field "file")');
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const fields: Record<string, string> = {};
    let file: { path: string; name: string } | null = null;
    for await (const part of req.parts({ limits: { fileSize: limits.fileSize, files: 1, fields: 8, fieldSize: 64 * 1024, parts: 10 } })) {
      if (part.type === 'file') {
        const name = path.basename(part.filename || 'upload.csv');
        const target = path.join(dir, `upload${path.extname(name)}`);
        await pipeline(part.file, createWriteStream(target));
        if (part.file.truncated) throw new BadRequestError(`file ${name} is larger than the upload limit (${Math.round(limits.fileSize / 2 ** 20)} MB)`);
        file = { path: target, name };
      } else fields[part.fieldname] = String(part.value);
    }
    if (!file) throw new BadRequestError('no file in the request (multipart field "file")');
    return { ...file, fields, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}
