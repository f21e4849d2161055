/**
 * Text files from Chinese offices come as UTF-8 (with or without a byte-order mark) or as GBK (Excel's "CSV" on a
 * Chinese Windows), usually without saying which. A BOM decides; otherwise strict UTF-8 is tried first — GBK text is
 * almost never valid UTF-8 — and GB18030 (a superset of GBK) is the fallback.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export function detectEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  // A cut in the middle of a multi-byte character at the end of the sample is not an error.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A streaming decoder for the detected encoding; UTF-8 stays strict so a bad byte later on is reported. */
export function decoderFor(encoding: Encoding): TextDecoder {
  return encoding === 'gb18030' ? new TextDecoder('gb18030') : new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
}
