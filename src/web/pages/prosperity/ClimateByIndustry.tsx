/** 企业景气指数 and 企业家信心指数 of the latest wave, all enterprises and by industry section. */
import { Table } from 'antd';
import { useMemo } from 'react';
import { useApi, type ClimatePointDto, type IndicesResponseDto } from '../../api';
import { useLang } from '../../i18n';
import { WithheldTag } from './WithheldTag';

type Climate = Extract<IndicesResponseDto, { kind: 'climate' }>;

export function ClimateByIndustry({ survey, period }: { survey: string; period: string }) {
  const { t, l } = useLang();
  const data = useApi<Climate>(`/api/prosperity/indices?kind=climate&survey=${survey}&from=${period}&to=${period}&limit=5000`);
  const rows = useMemo(() => {
    const by = new Map<string, { group: string; label: string; climate?: ClimatePointDto; confidence?: ClimatePointDto }>();
    for (const p of data.data?.items ?? []) {
      if (p.group !== 'all' && !p.group.startsWith('industry:')) continue;
      const r = by.get(p.group) ?? { group: p.group, label: l(p.label) };
      r[p.kind] = p;
      by.set(p.group, r);
    }
    return [...by.values()];
  }, [data.data, l]);
  const v = (p: ClimatePointDto | undefined) => (!p ? '—' : p.value === null ? <WithheldTag reason={p.withheld} /> : (
    <span title={`${t('即期', 'current')} ${p.current ?? '—'} · ${t('预期', 'expected')} ${p.expected ?? '—'}`}>
      <b style={{ color: p.value >= 100 ? '#389e0d' : '#cf1322' }}>{p.value.toFixed(1)}</b>
    </span>
  ));
  return (
    <Table
      size="small"
      rowKey="group"
      pagination={false}
      loading={data.loading}
      dataSource={rows}
      columns={[
        { title: t('行业', 'Industry'), dataIndex: 'label' },
        { title: t('企业景气指数', 'Business climate'), render: (_: unknown, r) => v(r.climate) },
        { title: t('企业家信心指数', 'Confidence'), render: (_: unknown, r) => v(r.confidence) },
        { title: t('样本数', 'n'), render: (_: unknown, r) => r.climate?.nCurrent ?? '—' },
      ]}
    />
  );
}
