import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, isValidUscc, organisationCodeCheckChar, USCC_ALPHABET, USCC_WEIGHTS, usccCheckChar, withCheckChar } from './uscc';

/** 17 characters of the alphabet: any body a registry could assign. */
const body17 = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('uses the weights 3^(i−1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('accepts real codes of Shenzhen enterprises as published', () => {
    // Names and codes as shown on public business-registry pages (国家企业信用信息公示系统 and its mirrors).
    for (const code of [
      '9144030071526726XG', // 腾讯科技（深圳）有限公司
      '91440300708461136T', // 深圳市腾讯计算机系统有限公司
      '91440300192241158P', // 深圳能源集团股份有限公司
      '914403001922038216', // 华为技术有限公司
      '91440300100012316L', // 中国平安保险（集团）股份有限公司
      '9144030010001686XA', // 招商银行股份有限公司
      '91110000600037341L', // the example of GB 32100's common references (a Beijing code)
    ]) {
      expect(checkUscc(code)).toEqual({ ok: true, value: code });
    }
  });

  it('agrees with hand calculations, including a check character of 0 (31 → 0)', () => {
    // 9144030071526726X: values 9 1 4 4 0 3 0 0 7 1 5 2 6 7 2 6 X(=29: A=10 … H=17, J=18 … W=28, X=29, Y=30)
    // 9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 7·20 + 1·29 + 5·25 + 2·13 + 6·8 + 7·24 + 2·10 + 6·30 + 29·28
    // = 9 + 3 + 36 + 108 + 0 + 78 + 0 + 0 + 140 + 29 + 125 + 26 + 48 + 168 + 20 + 180 + 812 = 1782; 1782 = 57·31 + 15;
    // 31 − 15 = 16 → value 16 of the alphabet, G.
    expect(9 + 3 + 36 + 108 + 0 + 78 + 0 + 0 + 140 + 29 + 125 + 26 + 48 + 168 + 20 + 180 + 812).toBe(1782);
    expect(1782 % 31).toBe(15);
    expect(USCC_ALPHABET[31 - 15]).toBe('G');
    expect(usccCheckChar('9144030071526726X')).toBe('G');
    // 91440300100000060: 9·1 + 1·3 + 4·9 + 4·27 + 3·26 + 1·20 + 6·30 = 9 + 3 + 36 + 108 + 78 + 20 + 180 = 434 = 14·31,
    // so 31 − 0 = 31, which becomes 0. (The stdnum npm package, 1.12.0, rejects this valid code.)
    expect(9 + 3 + 36 + 108 + 78 + 20 + 180).toBe(434);
    expect(usccCheckChar('91440300100000060')).toBe('0');
    expect(isValidUscc('914403001000000600')).toBe(true);
  });

  it('property: every code made by withCheckChar is valid', () => {
    fc.assert(fc.property(body17, (b) => isValidUscc(withCheckChar(b))), { numRuns: 2000 });
  });

  it('property: every change of one character to another of the alphabet makes a valid code invalid', () => {
    // The weights are units mod 31 (31 is prime), so a change d ≠ 0 at any position moves the sum by w·d ≢ 0.
    fc.assert(
      fc.property(body17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (b, pos, shift) => {
        const code = withCheckChar(b);
        const old = USCC_ALPHABET.indexOf(code[pos] ?? '');
        const changed = code.slice(0, pos) + USCC_ALPHABET[(old + shift) % 31] + code.slice(pos + 1);
        return !checkUscc(changed).ok;
      }),
      { numRuns: 5000 },
    );
  });

  it('property: a character outside the alphabet anywhere is refused, naming its position', () => {
    fc.assert(
      fc.property(body17, fc.integer({ min: 0, max: 17 }), fc.constantFrom('I', 'O', 'S', 'V', 'Z', '-', '*', '中'), (b, pos, bad) => {
        const code = withCheckChar(b);
        const r = checkUscc(code.slice(0, pos) + bad + code.slice(pos + 1));
        return !r.ok && r.error.includes(`character ${pos + 1} `);
      }),
    );
  });

  it('normalises spaces and lower case, and explains each kind of error', () => {
    expect(checkUscc(' 9144030071526726xg ')).toEqual({ ok: true, value: '9144030071526726XG' });
    expect(checkUscc('9144030071526726XA')).toEqual({ ok: false, error: '统一社会信用代码 9144030071526726XA: check character A is wrong, it should be G (校验码错误)' });
    expect(checkUscc('91440300715267')).toMatchObject({ ok: false, error: expect.stringContaining('14 characters, it must have 18') });
    expect(checkUscc('9144030O71526726XG')).toMatchObject({ ok: false, error: expect.stringContaining('is it 0?') });
    expect(checkUscc('')).toMatchObject({ ok: false });
  });

  it('computes the GB 11714 organisation-code check inside the USCC by hand', () => {
    // 华为 19220382-1: 3·1 + 7·9 + 9·2 + 10·2 + 5·0 + 8·3 + 4·8 + 2·2 = 164; 164 mod 11 = 10; 11 − 10 = 1.
    expect(3 * 1 + 7 * 9 + 9 * 2 + 10 * 2 + 5 * 0 + 8 * 3 + 4 * 8 + 2 * 2).toBe(164);
    expect(organisationCodeCheckChar('19220382')).toBe('1');
    expect(organisationCodeCheckChar('71526726')).toBe('X');
  });
});
