/**
 * Text files from Chinese offices come as UTF-8 (with or without a byte-order mark) or as GBK (Excel's "CSV" on a
 * Chinese Windows), usually without saying which. A BOM decides; otherwise strict UTF-8 is tried first — GBK text is
 * almost never valid UTF-8 — and GB18030 (a superset of GBK) is the fallback only when the bytes are not UTF-8 at
 * all. A UTF-8 file with a bad byte or two (valid multi-byte characters outnumber the invalid bytes; in GBK text a
 * valid UTF-8 sequence is a rare accident) stays UTF-8, and its strict decoder names the bad byte — it is never
 * decoded as GB18030 into mojibake. The import report says which encoding was used.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export function detectEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  // A cut in the middle of a multi-byte character at the end of the sample is not an error.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    const { valid, invalid } = utf8Tally(head);
    return valid > invalid ? 'utf-8' : 'gb18030';
  }
}

/** Valid UTF-8 multi-byte characters and invalid bytes in a sample (a cut character at its end is neither). */
export function utf8Tally(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; ) {
    const x = b[i] ?? 0;
    if (x < 0x80) {
      i++;
      continue;
    }
    const n = x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    if (n > 0 && i + n > b.length) break;
    let ok = n > 0;
    for (let k = 1; ok && k < n; k++) ok = ((b[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** A streaming decoder for the detected encoding; UTF-8 stays strict so a bad byte later on is reported. */
export function decoderFor(encoding: Encoding): TextDecoder {
  return encoding === 'gb18030' ? new TextDecoder('gb18030') : new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
}
