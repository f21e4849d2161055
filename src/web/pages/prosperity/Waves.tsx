/** The survey's waves with their response rates (signed-in users), and a wave's rates by industry and district. */
import { Table } from 'antd';
import { useState } from 'react';
import { useApi, type ResponseRatesDto, type WaveListDto } from '../../api';
import { formatPercent } from '../../format';
import { useLang } from '../../i18n';

export function Waves({ survey, tick }: { survey: string; tick: number }) {
  const { lang, t, l } = useLang();
  const waves = useApi<WaveListDto>(`/api/prosperity/surveys/${survey}/waves?limit=12&t=${tick}`);
  const [wave, setWave] = useState<number | null>(null);
  const rates = useApi<ResponseRatesDto>(wave === null ? null : `/api/prosperity/waves/${wave}/response-rates`);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12 }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={waves.loading}
        dataSource={waves.data ?? []}
        onRow={(r) => ({ onClick: () => setWave(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('期别', 'Wave'), dataIndex: 'period' },
          { title: t('样本', 'Panel'), dataIndex: 'panel' },
          { title: t('回收', 'Responded'), dataIndex: 'responded' },
          { title: t('回收率', 'Rate'), dataIndex: 'rate', render: (v: number | null) => formatPercent(v, lang) },
        ]}
      />
      <Table
        size="small"
        rowKey="group"
        pagination={{ pageSize: 12 }}
        loading={rates.loading}
        locale={{ emptyText: t('点击左侧一期查看分行业、分区回收率', 'Click a wave for its rates by industry and district') }}
        dataSource={rates.data?.rows ?? []}
        columns={[
          { title: t('分组', 'Group'), render: (_: unknown, r) => l(r.label) },
          { title: t('样本', 'Panel'), dataIndex: 'panel' },
          { title: t('回收', 'Responded'), dataIndex: 'responded' },
          { title: t('回收率', 'Rate'), dataIndex: 'rate', render: (v: number | null) => formatPercent(v, lang) },
        ]}
      />
    </div>
  );
}
