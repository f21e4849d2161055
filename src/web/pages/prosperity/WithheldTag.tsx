/** A withheld cell (统计资料保密): no number, and the reason. */
import { Tag, Tooltip } from 'antd';
import { useLang } from '../../i18n';

export function WithheldTag({ reason }: { reason: 'count' | 'dominance' | 'complementary' | null }) {
  const { t } = useLang();
  if (reason === null) return <span className="muted">—</span>;
  const why = {
    count: t('样本企业少于公布下限', 'fewer respondents than may be published'),
    dominance: t('单个企业权重过大', 'one enterprise dominates the weight'),
    complementary: t('为保护其他不公布单元', 'withheld to protect another cell'),
  }[reason];
  return (
    <Tooltip title={why}>
      <Tag data-withheld={reason}>{t('不公布', 'withheld')}</Tag>
    </Tooltip>
  );
}
