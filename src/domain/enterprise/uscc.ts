/**
 * 统一社会信用代码 (unified social credit code, USCC), GB 32100-2015: 18 characters from a 31-character alphabet
 * (the digits and the capital letters without I, O, S, V, Z):
 *
 *   1     registration authority (登记管理部门: 1 机构编制, 5 民政, 9 工商 …, Y 其他)
 *   2     kind of organisation (机构类别: under 9, 1 企业, 2 个体工商户, 3 农民专业合作社)
 *   3–8   GB/T 2260 region of the registering office (登记管理机关行政区划码)
 *   9–17  the body's own code (主体标识码, the former GB 11714 organisation code)
 *   18    check character: with each character's value in the alphabet a_i and weights w_i = 3^(i−1) mod 31,
 *         check = 31 − (Σ a_i·w_i mod 31), and 31 becomes 0.
 *
 * Written here rather than taken from the `stdnum` npm package (1.12.0): its cn/uscc looks the check character up as
 * alphabet[31 − sum mod 31], which is undefined when the sum is a multiple of 31, so it rejects every valid code
 * whose check character is 0 (one in 31), and it refuses the letter registration authorities (A, N, Y) that GB 32100
 * allows. The tests prove this function against real codes and against hand calculations.
 */
import { err, ok, type Result } from '../result';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** w_i = 3^(i−1) mod 31 for i = 1..17: 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const VALUE = new Map([...USCC_ALPHABET].map((c, i) => [c, i]));

/**
 * The check character of the first 17 characters, or null when one of them is not in the alphabet.
 *
 * @example
 * usccCheckChar('9144030071526726X') // 'G' (腾讯科技（深圳）有限公司 9144030071526726XG)
 */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17[i] ?? '');
    if (v === undefined) return null;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? null;
}

/**
 * Checks a USCC as written in a file: surrounding spaces and lower-case letters are tolerated (normalised), anything
 * else wrong is named — length, a character outside the alphabet (with its position), or the check character
 * (with the one it should be).
 *
 * @example
 * checkUscc(' 9144030071526726xg ') // ok('9144030071526726XG')
 * checkUscc('9144030071526726XA')   // err('统一社会信用代码 9144030071526726XA: check character A is wrong, it should be G (校验码错误)')
 */
export function checkUscc(text: string): Result<string> {
  const code = text.trim().toUpperCase();
  if (code === '') return err('统一社会信用代码 is missing (统一社会信用代码为空)');
  if (code.length !== 18) return err(`统一社会信用代码 ${code}: ${code.length} characters, it must have 18 (应为18位)`);
  for (let i = 0; i < 18; i++) {
    const c = code[i] ?? '';
    if (!VALUE.has(c)) {
      const hint = 'IOSVZ'.includes(c) ? ` (the letters I, O, S, V and Z are never used; is it ${({ I: '1', O: '0', S: '5', V: 'U', Z: '2' } as Record<string, string>)[c]}?)` : '';
      return err(`统一社会信用代码 ${code}: character ${i + 1} "${c}" is not allowed${hint} (含非法字符)`);
    }
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return err(`统一社会信用代码 ${code}: check character ${code[17]} is wrong, it should be ${expected} (校验码错误)`);
  return ok(code);
}

/** Whether a text is a valid USCC exactly as written (no normalisation). */
export const isValidUscc = (code: string): boolean => {
  const r = checkUscc(code);
  return r.ok && r.value === code;
};

/** The 18-character code for 17 valid characters (their check character appended). */
export function withCheckChar(first17: string): string {
  const c = usccCheckChar(first17);
  if (c === null) throw new Error(`"${first17}" is not 17 characters of the USCC alphabet`);
  return first17 + c;
}

/** The GB/T 2260 region of the registering office (characters 3–8). */
export const usccRegion = (code: string): string => code.slice(2, 8);

/**
 * The check character of an 8-character GB 11714 organisation code body (digits here): weights 3, 7, 9, 10, 5, 8, 4,
 * 2; check = 11 − (Σ mod 11), 10 → X, 11 → 0. Characters 9–17 of a USCC are such a code with its check.
 *
 * @example
 * organisationCodeCheckChar('71526726') // 'X' (腾讯科技 9144030071526726XG: 3·7+7·1+9·5+10·2+5·6+8·7+4·2+2·6 = 199, 199 mod 11 = 1, 11 − 1 = 10 → X)
 */
export function organisationCodeCheckChar(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i] ?? '0', 36) * (weights[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
