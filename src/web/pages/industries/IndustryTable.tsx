/**
 * The industry tree as a drill-down table: the chosen node and its children (GB/T 4754-2017), each with its count of
 * enterprises, total, growth (all enterprises and 可比口径) and share of its parent, in the chosen region. A
 * confidential cell reads 保密; a row with children opens them.
 */
import { Button, Table, Tag, Tooltip } from 'antd';
import type { AggregateCellDto } from '../../api';
import { useLang } from '../../i18n';

const pct = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`);

export function IndustryTable({ cells, unit, onOpen }: { cells: readonly AggregateCellDto[]; unit: string; onOpen: (code: string) => void }) {
  const { t } = useLang();
  const secret = (
    <Tooltip title={t('少于3家企业或单一企业占比过高（或为防止推算而隐藏），不予公布', 'Fewer than 3 enterprises, one dominant, or hidden so that another cannot be worked out')}>
      <Tag>{t('保密', 'confidential')}</Tag>
    </Tooltip>
  );
  return (
    <Table<AggregateCellDto>
      size="small"
      rowKey="industry"
      pagination={false}
      dataSource={[...cells]}
      rowClassName={(_, i) => (i === 0 ? 'row-total' : '')}
      columns={[
        {
          title: t('行业', 'Industry'),
          dataIndex: 'industryName',
          render: (n: string, c, i) => (i === 0 || c.industryLevel === 'class' ? <strong>{`${c.industry === 'ALL' ? '' : `${c.industry} `}${n}`}</strong> : <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(c.industry)}>{`${c.industry} ${n}`}</Button>),
        },
        { title: t('企业数', 'Enterprises'), dataIndex: 'count', align: 'right' },
        { title: t(`合计（${unit}）`, `Total (${unit})`), dataIndex: 'total', align: 'right', render: (v: number | null, c) => (c.suppressed && v === null ? secret : v === null ? '—' : <span>{v.toLocaleString(undefined, { maximumFractionDigits: 1 })}{c.suppressed ? <Tag style={{ marginLeft: 4 }}>{t('对外保密', 'hidden publicly')}</Tag> : null}</span>) },
        { title: t('同比增速', 'Growth'), dataIndex: 'growth', align: 'right', render: pct },
        { title: t('可比口径增速', 'Comparable growth'), dataIndex: 'comparableGrowth', align: 'right', render: pct },
        { title: t('占上级行业', 'Share of parent'), dataIndex: 'shareOfParent', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`) },
      ]}
    />
  );
}
