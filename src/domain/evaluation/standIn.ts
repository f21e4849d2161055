/**
 * 以年内数值代替年度数值: where a monthly or quarterly indicator in % has no annual figure for a year yet, its newest
 * in-year figure (2030年第三季度) stands in for it (../observation/inYear.ts). Every sentence that reads such a value
 * says so, so a verdict resting on a quarter is never taken for one resting on the year.
 */
import { periodLabel } from '../period/format';
import { parsePeriod } from '../period/parse';
import type { LocalizedText } from '../text';

const NONE: LocalizedText = { zh: '', en: '' };

/**
 * @example standInNote('2030Q3') // { zh: '（年度数值暂缺，以2030年第三季度数值代替）', en: ' (no annual figure yet: the Q3 2030 figure stands in)' }
 */
export function standInNote(periodCode: string | null | undefined): LocalizedText {
  if (!periodCode) return NONE;
  const p = parsePeriod(periodCode);
  const zh = p.ok ? periodLabel(p.value, 'zh') : periodCode;
  const en = p.ok ? periodLabel(p.value, 'en') : periodCode;
  return { zh: `（年度数值暂缺，以${zh}数值代替）`, en: ` (no annual figure yet: the ${en} figure stands in)` };
}
