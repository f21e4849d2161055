import { describe, expect, it } from 'vitest';
import { detectEncoding, utf8Tally } from './decode';

const gbk = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

describe('detectEncoding', () => {
  it('reads valid UTF-8 as UTF-8 and GBK (深圳市统计局: C9EE DBDA CAD0 CDB3 BCC6 BED6) as GB18030', () => {
    expect(detectEncoding(Buffer.from('指标,深圳市', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(gbk('c9eedbdacad0cdb3bcc6bed6'))).toBe('gb18030');
  });

  it('keeps a UTF-8 file with one bad byte as UTF-8 (its decoder then names the byte), never GB18030', () => {
    const text = Buffer.from('指标代码,地区,期间\nGDP,深圳市,2023\n'.repeat(20), 'utf8');
    const broken = Buffer.concat([text.subarray(0, 40), Buffer.from([0xff]), text.subarray(40)]);
    expect(utf8Tally(broken).invalid).toBe(1);
    expect(detectEncoding(broken)).toBe('utf-8');
  });
});
