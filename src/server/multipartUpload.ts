/**
 * Receives a multipart upload (one file and small form fields) into a temporary folder, calls `use` with the file's
 * path, its own name and the fields, and removes the folder whatever happens. The upload limits are the app's
 * (server/app.ts registers @fastify/multipart).
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
}

export async function withUpload<T>(req: FastifyRequest, use: (upload: Upload) => Promise<T>): Promise<T> {
  if (!req.isMultipart()) throw new BadRequestError('send the file as multipart/form-data (field "file")');
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-upload-'));
  try {
    const fields: Record<string, string> = {};
    let file: { path: string; name: string } | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const name = path.basename(part.filename || 'upload.csv');
        const target = path.join(dir, `upload${path.extname(name)}`);
        await pipeline(part.file, createWriteStream(target));
        if (part.file.truncated) throw new BadRequestError(`file ${name} is larger than the upload limit`);
        file = { path: target, name };
      } else fields[part.fieldname] = String(part.value);
    }
    if (!file) throw new BadRequestError('no file in the request (multipart field "file")');
    return await use({ ...file, fields });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
