/**
 * How the survey names an enterprise: by its 统一社会信用代码 (USCC), the key of the enterprise database (issue 18,
 * `enterprises.uscc`). That database is on another branch, so the survey keeps the code as text and checks its shape
 * only. This file and `services/prosperity/enterpriseFrame.ts` are the two places the link changes when both are
 * merged (docs/PROSPERITY.md, "The enterprise database link"):
 * - `usccProblem` then returns issue 18's verdict (`checkUscc` in domain/enterprise/uscc.ts, which also verifies the
 *   GB 32100-2015 check character);
 * - the panel column `survey_panel_members.uscc` gets its foreign key to `enterprises.uscc`.
 *
 * @example
 * normaliseUscc(' 91440300ma5xxxxxx1 ') // '91440300MA5XXXXXX1'
 * usccProblem('9144030')                // '"9144030" is not an 18-character unified social credit code'
 */

/** Headers a file may give the USCC column (compared in lower case). */
export const USCC_HEADERS = ['统一社会信用代码', 'uscc', '信用代码', '社会信用代码'];

/** The column name in error messages. */
export const USCC_COLUMN = '统一社会信用代码';

/** 18 characters of the GB 32100 alphabet (digits and capitals without I, O, S, V, Z). */
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** A cell's code as stored: trimmed, upper case (files carry lower-case letters and stray spaces). */
export const normaliseUscc = (text: string): string => text.trim().toUpperCase();

/** Why a normalised code cannot name an enterprise; null when it can. */
export function usccProblem(code: string): string | null {
  if (code === '') return 'empty: every row must name its enterprise';
  if (!USCC_SHAPE.test(code)) return `"${code}" is not an 18-character unified social credit code`;
  return null;
}
