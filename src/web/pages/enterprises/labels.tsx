/** Words the enterprise pages share: size classes, the synthetic-data tag, the item names. */
import { Tag, Tooltip } from 'antd';
import { useLang } from '../../i18n';

export const SIZE_LABELS = {
  large: { zh: '大型', en: 'large' },
  medium: { zh: '中型', en: 'medium' },
  small: { zh: '小型', en: 'small' },
  micro: { zh: '微型', en: 'micro' },
} as const;

/** Shown wherever a synthetic enterprise (made by the generator) or an aggregate of them appears. */
export function SyntheticTag() {
  const { t } = useLang();
  return (
    <Tooltip title={t('由生成器合成的演示数据，并非真实企业', 'Demo data made by the generator, not a real enterprise')}>
      <Tag color="orange">{t('合成数据', 'synthetic')}</Tag>
    </Tooltip>
  );
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A report period as the 一套表 forms name it, from its first and last month (year × 100 + month): 2025年1-9月,
 * 2025年3月; in English Jan–Sep 2025. The codes (2025Q1, 2025H1, 2025-01~09) are the platform's, not the reader's.
 *
 * @example
 * reportPeriodText(202501, 202509, 'zh') // '2025年1-9月'
 */
export function reportPeriodText(start: number, end: number, lang: 'zh' | 'en'): string {
  const [sy, sm, ey, em] = [Math.floor(start / 100), start % 100, Math.floor(end / 100), end % 100];
  if (lang === 'en') {
    const from = `${MONTHS_EN[sm - 1] ?? sm}${sy === ey ? '' : ` ${sy}`}`;
    return start === end ? `${MONTHS_EN[em - 1] ?? em} ${ey}` : `${from}–${MONTHS_EN[em - 1] ?? em} ${ey}`;
  }
  if (sy !== ey) return `${sy}年${sm}月-${ey}年${em}月`;
  return start === end ? `${ey}年${em}月` : `${ey}年${sm}-${em}月`;
}
