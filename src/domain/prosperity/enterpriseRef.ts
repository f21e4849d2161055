/**
 * How the survey names an enterprise: by its 统一社会信用代码 (USCC), the key of the enterprise database (issue 18,
 * `enterprises.uscc`, which `survey_panel_members.uscc` refers to). A file's code is checked here as the enterprise
 * import checks it (domain/enterprise/uscc.ts: the alphabet, the length and the GB 32100 check character), so a
 * mistyped code is named as such rather than as an enterprise outside the panel.
 *
 * @example
 * normaliseUscc(' 9144030071526726xg ') // '9144030071526726XG'
 * usccProblem('9144030071526726XA')    // '统一社会信用代码 9144030071526726XA: check character A is wrong, it should be G (校验码错误)'
 */
import { checkUscc } from '../enterprise/uscc';

/** Headers a file may give the USCC column (compared in lower case). */
export const USCC_HEADERS = ['统一社会信用代码', 'uscc', '信用代码', '社会信用代码'];

/** The column name in error messages. */
export const USCC_COLUMN = '统一社会信用代码';

/** A cell's code as stored: trimmed, upper case (files carry lower-case letters and stray spaces). */
export const normaliseUscc = (text: string): string => text.trim().toUpperCase();

/** Why a normalised code cannot name an enterprise; null when it can. */
export function usccProblem(code: string): string | null {
  const checked = checkUscc(code);
  return checked.ok ? null : checked.error;
}
