/**
 * 扩散指数: every question's diffusion index over time for a group (all enterprises, an industry section), with the
 * 50 line, and the latest wave's table (即期 and 预期, sample size, weighted index; withheld cells say why).
 */
import { Select, Table, Tag } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useApi, type DiffusionPointDto, type IndicesResponseDto, type SurveyDetailDto } from '../../api';
import { EChart } from '../../components/EChart';
import { useLang } from '../../i18n';
import { WithheldTag } from './WithheldTag';

type Diffusion = Extract<IndicesResponseDto, { kind: 'diffusion' }>;

export function DiffusionPart({ survey, sections }: { survey: SurveyDetailDto; sections: Array<{ value: string; label: string }> }) {
  const { t, l } = useLang();
  const [group, setGroup] = useState('all');
  const data = useApi<Diffusion>(`/api/prosperity/indices?kind=diffusion&survey=${survey.code}&group=${encodeURIComponent(group)}&limit=5000`);
  const items = useMemo(() => data.data?.items ?? [], [data.data]);
  const periods = useMemo(() => [...new Set(items.map((p) => p.period))].sort(), [items]);
  const last = periods[periods.length - 1];
  const name = (code: string) => l(survey.questions.find((q) => q.code === code)?.text);
  const option = useMemo<EChartsOption>(() => {
    const at = new Map(items.filter((p) => p.horizon === 'current').map((p) => [`${p.question}|${p.period}`, p.value]));
    return {
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 20, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: survey.questions.map((q, i) => ({
        name: l(q.text),
        type: 'line' as const,
        symbol: 'none',
        data: periods.map((p) => at.get(`${q.code}|${p}`) ?? null),
        ...(i === 0 ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: 50 }], lineStyle: { color: '#111827', type: 'dashed' as const }, label: { formatter: t('50 荣枯线', '50 = no change') } } } : {}),
      })),
    };
  }, [items, periods, survey, l, t]);
  const latest = useMemo(() => {
    const rows = new Map<string, { question: string; current?: DiffusionPointDto; expected?: DiffusionPointDto }>();
    for (const p of items.filter((x) => x.period === last)) {
      const r = rows.get(p.question) ?? { question: p.question };
      r[p.horizon] = p;
      rows.set(p.question, r);
    }
    return [...rows.values()];
  }, [items, last]);
  const cell = (p: DiffusionPointDto | undefined) => (p ? p.value === null ? <WithheldTag reason={p.withheld} /> : <b>{p.value.toFixed(1)}</b> : '—');
  return (
    <div>
      <div style={{ marginBottom: 8 }}>
        {t('分组', 'Group')}:{' '}
        <Select style={{ minWidth: 280 }} value={group} onChange={setGroup} options={[{ value: 'all', label: t('全部企业', 'All enterprises') }, ...sections]} aria-label={t('分组', 'Group')} />
      </div>
      <EChart option={option} height={320} label={t('各题目扩散指数（即期）折线图', 'Line chart of each question’s diffusion index (current)')} testId="diffusion-chart" />
      <Table
        size="small"
        rowKey="question"
        pagination={false}
        loading={data.loading}
        dataSource={latest}
        title={() => `${t('最新一期', 'Latest wave')} ${last ?? ''}`}
        columns={[
          { title: t('题目', 'Question'), dataIndex: 'question', render: (q: string) => <>{name(q)} {survey.questions.find((x) => x.code === q)?.adverse ? <Tag>{t('上升为不利', 'a rise is adverse')}</Tag> : null}</> },
          { title: t('即期', 'Current'), render: (_: unknown, r) => cell(r.current) },
          { title: t('预期', 'Expected'), render: (_: unknown, r) => cell(r.expected) },
          { title: t('加权（即期）', 'Weighted (current)'), render: (_: unknown, r) => (r.current?.weighted === null || r.current?.weighted === undefined ? '—' : r.current.weighted.toFixed(1)) },
          { title: t('样本数', 'n'), render: (_: unknown, r) => r.current?.n ?? '—' },
        ]}
      />
    </div>
  );
}
