/**
 * Receives a multipart upload (form fields, then one file) into a temporary folder, within bounds: the file's size
 * (413 past it), a sender that stalls (400 after `idleMs` without a byte), a body cut off or malformed, or a
 * multipart without a boundary (400). Whatever happens, the caller's `finally` removes the folder (`dispose`), and
 * an answer given before the body has been read closes the connection, so nothing waits on the rest of it.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestError, TooLargeError } from '../../services/errors';
import { z } from 'zod';
import type { uploadGate, UploadLimits } from './limits';

export interface Upload {
  file: { path: string; name: string } | null;
  fields: Record<string, string>;
  dispose(): Promise<void>;
}

export async function receiveUpload(req: FastifyRequest, reply: FastifyReply, limits: UploadLimits): Promise<Upload> {
  if (!req.isMultipart()) throw new BadRequestError('send the file as multipart/form-data (field "file")');
  // Any answer from here on may come before the body has all arrived: the connection is not kept for the rest.
  reply.header('connection', 'close');
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const abort = new AbortController();
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  let arm = () => {};
  let cutOff = () => {};
  const idle = new Promise<never>((_, reject) => {
    cutOff = () => {
      clearTimeout(timer);
      abort.abort();
      reject(new BadRequestError('the upload was cut off before its end'));
    };
    arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        abort.abort();
        reject(new BadRequestError(`the upload stalled: nothing arrived for ${Math.round(limits.idleMs / 1000)} s`));
      }, limits.idleMs);
    };
  });
  idle.catch(() => {});
  const fields: Record<string, string> = {};
  let file: Upload['file'] = null;
  try {
    const parts = req.parts({ limits: { fileSize: limits.maxBytes, files: 1, fields: 8, fieldSize: 64 * 1024, parts: 10 } });
    const iterator = parts[Symbol.asyncIterator]();
    // The first step pipes the request into the parser (synchronously); only then is it safe to watch its data.
    let pending: ReturnType<typeof iterator.next> | null = iterator.next();
    arm();
    req.raw.on('data', arm);
    // A sender that hangs up mid-body frees its slot at once rather than after the idle time.
    req.raw.socket?.once('close', () => {
      if (!req.raw.complete) cutOff();
    });
    for (;;) {
      const next = await Promise.race([pending ?? iterator.next(), idle]);
      pending = null;
      if (next.done) break;
      const part = next.value;
      if (part.type === 'file') {
        const name = path.basename(part.filename || 'upload.csv');
        const target = path.join(dir, `upload${path.extname(name).slice(0, 10)}`);
        await Promise.race([pipeline(part.file, createWriteStream(target, { mode: 0o600 }), { signal: abort.signal }), idle]);
        if (part.file.truncated) throw tooLarge(name, limits);
        file = { path: target, name };
      } else fields[part.fieldname] = String(part.value);
    }
    return { file, fields, dispose };
  } catch (e) {
    await dispose();
    if (stalled) throw new BadRequestError(`the upload stalled: nothing arrived for ${Math.round(limits.idleMs / 1000)} s`);
    throw explain(e, limits);
  } finally {
    clearTimeout(timer);
  }
}

const tooLarge = (name: string, l: UploadLimits) => new TooLargeError(`file ${name} is larger than the upload limit of ${Math.round(l.maxBytes / 1024 / 1024)} MB (UPLOAD_MAX_MB): split it`);

/** The multipart parser's failures, as the sender's mistakes they are. */
function explain(e: unknown, limits: UploadLimits): Error {
  if (e instanceof BadRequestError || e instanceof TooLargeError) return e;
  const err = e as { code?: string; statusCode?: number; message?: string };
  if (err.code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge('', limits);
  if (err.statusCode === 413) return new TooLargeError(`the upload has too many parts or fields (${err.message ?? ''})`);
  return new BadRequestError(`the upload is not a complete multipart/form-data body (${err.message ?? String(e)})`);
}

/** What an import handler works on: the received file, the form's fields and its column mapping (if any). */
export interface ImportUpload {
  file: { path: string; name: string };
  fields: Record<string, string>;
  mapping: Record<string, string> | undefined;
}

/**
 * The shape every import route shares: a slot in the gate (one import at a time per user, a few in all) taken before
 * a byte of the body is read, the upload received within bounds, a file required, the mapping field read — and,
 * whatever happens, the slot freed (synchronously, before the answer reaches the sender: its next upload must find
 * it free) and the temporary folder removed.
 */
export async function withImportUpload<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  gate: ReturnType<typeof uploadGate>,
  limits: UploadLimits,
  work: (upload: ImportUpload) => Promise<T>,
): Promise<T> {
  const leave = gate.enter(req.principal.kind === 'user' ? `user:${req.principal.userId}` : req.principal.kind);
  let upload: Upload | null = null;
  try {
    upload = await receiveUpload(req, reply, limits);
    const { file, fields } = upload;
    if (!file) throw new BadRequestError('no file in the request (multipart field "file")');
    return await work({ file, fields, mapping: readMapping(fields.mapping) });
  } finally {
    leave();
    await upload?.dispose();
  }
}

function readMapping(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  try {
    return z.record(z.string(), z.string()).parse(JSON.parse(text));
  } catch {
    throw new BadRequestError('mapping must be a JSON object of column header → field name');
  }
}
