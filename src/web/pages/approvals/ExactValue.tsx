/**
 * A figure's value as a person reads it (2.31万亿元) with the exact stored value and unit beside it (23100.5亿元),
 * so an approver can check it against the source without rounding in the way.
 */
import { formatValue } from '../../format';
import { useLang, type Lang } from '../../i18n';

/** The stored value unrounded: Chinese as published (23100.5亿元), English in words with all digits. */
export const exactText = (value: number, unit: string, lang: Lang): string => (lang === 'zh' ? `${value}${unit}` : formatValue(value, unit, 'en', 12));

export function ExactValue({ value, unit }: { value: number; unit: string }) {
  const { lang, t } = useLang();
  const shown = formatValue(value, unit, lang, 2);
  const exact = exactText(value, unit, lang);
  return (
    <span data-testid="exact-value">
      {shown}
      {exact !== shown ? <span className="exact-value" title={t('原值（未取整）', 'exact stored value')}>{t(`（原值${exact}）`, ` (exact: ${exact})`)}</span> : null}
    </span>
  );
}
