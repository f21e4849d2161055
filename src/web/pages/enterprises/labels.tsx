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
