/**
 * 数据浏览: the stored figures, filtered by indicator, region, period, approval state (the API's filters) and
 * source kind, paged with the API's limit and cursor, sortable within a page; a row opens the figure's history,
 * where an approved figure is corrected (FigureHistory). Names, not codes.
 */
import { SourceText } from '../../components/SourceText';
import { Alert, Button, Select, Space, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ObservationDto } from '../../api';
import { formatDate, formatPeriod } from '../../format';
import { useLang } from '../../i18n';
import { useIndicatorNames } from '../../indicatorNames';
import { useRegionNames } from '../../regionNames';
import { SourceKindTag } from '../../components/SourceKindTag';
import { APPROVAL_STATE_LABELS, SOURCE_KIND_LABELS } from '../../../shared/labels';
import { useSession } from '../../session';
import { useApi, type CatalogueIndicatorDto } from '../../api';
import { ExactValue } from '../approvals/ExactValue';
import { FigureHistory } from './FigureHistory';
import { figurePage } from './figurePage';

const PAGE = 50;
const YEARS = Array.from({ length: 20 }, (_, i) => 2010 + i);

export function FiguresBrowser() {
  const { lang, l, t } = useLang();
  const me = useSession().data;
  const { nameOf } = useIndicatorNames();
  const { regionName, regions } = useRegionNames();
  const catalogue = useApi<CatalogueIndicatorDto[]>('/api/indicators');
  const [filter, setFilter] = useState<{ indicator?: string; region?: string; from?: number; to?: number; state?: string; kind?: string }>({});
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState<{ items: ObservationDto[]; next: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<ObservationDto | null>(null);
  const [tick, setTick] = useState(0);
  const cursor = cursors[cursors.length - 1] ?? null;
  const url = useMemo(() => {
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (filter.indicator) q.set('indicator', filter.indicator);
    if (filter.region) q.set('region', filter.region);
    if (filter.from) q.set('from', String(filter.from));
    if (filter.to) q.set('to', String(filter.to));
    if (filter.state && me?.signedIn) q.set('state', filter.state);
    if (cursor) q.set('cursor', cursor);
    return `/api/observations?${q.toString()}`;
  }, [filter, cursor, me?.signedIn]);
  useEffect(() => {
    let live = true;
    setLoading(true);
    figurePage(url).then(
      (p) => live && (setPage(p), setError(null), setLoading(false)),
      (e: Error) => live && (setError(e.message), setLoading(false)),
    );
    return () => void (live = false);
  }, [url, tick]);
  const set = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setCursors([null]);
  };
  const rows = (page?.items ?? []).filter((f) => !filter.kind || f.sourceKind === filter.kind);
  const states = ['approved', 'submitted', 'draft', 'rejected', 'withdrawn'] as const;
  return (
    <div data-testid="figures-browser">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 260 }} placeholder={t('指标', 'Indicator')} aria-label={t('指标', 'Indicator')} value={filter.indicator} onChange={(v?: string) => set({ indicator: v })}
          options={(catalogue.data ?? []).map((i) => ({ value: i.code, label: l(i.name) }))} />
        <Select allowClear style={{ width: 150 }} placeholder={t('地区', 'Region')} aria-label={t('地区', 'Region')} value={filter.region} onChange={(v?: string) => set({ region: v })}
          options={regions.map((r) => ({ value: r.code, label: l(r.name) }))} />
        <Select allowClear style={{ width: 110 }} placeholder={t('起始年', 'From')} aria-label={t('起始年', 'From')} value={filter.from} onChange={(v?: number) => set({ from: v })} options={YEARS.map((y) => ({ value: y, label: lang === 'zh' ? `${y}年` : String(y) }))} />
        <Select allowClear style={{ width: 110 }} placeholder={t('截止年', 'To')} aria-label={t('截止年', 'To')} value={filter.to} onChange={(v?: number) => set({ to: v })} options={YEARS.map((y) => ({ value: y, label: lang === 'zh' ? `${y}年` : String(y) }))} />
        {me?.signedIn ? (
          <Select allowClear style={{ width: 130 }} placeholder={t('审核状态', 'State')} aria-label={t('审核状态', 'State')} value={filter.state} onChange={(v?: string) => set({ state: v })} options={states.map((s) => ({ value: s, label: l(APPROVAL_STATE_LABELS[s]) }))} />
        ) : null}
        <Select allowClear style={{ width: 150 }} placeholder={t('来源类型', 'Source kind')} aria-label={t('来源类型', 'Source kind')} value={filter.kind} onChange={(v?: string) => setFilter((f) => ({ ...f, kind: v }))}
          options={Object.entries(SOURCE_KIND_LABELS).map(([k, w]) => ({ value: k, label: l(w) }))} />
      </Space>
      {error ? <Alert type="warning" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Table<ObservationDto>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(f) => ({ onClick: () => setOpen(f), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('无', 'None') }}
        columns={[
          { title: t('指标', 'Indicator'), key: 'i', sorter: (a, b) => nameOf(a.indicatorCode).localeCompare(nameOf(b.indicatorCode), lang), render: (_: unknown, f) => <span title={f.indicatorCode}>{nameOf(f.indicatorCode)}</span> },
          { title: t('地区', 'Region'), key: 'r', sorter: (a, b) => regionName(a.regionCode).localeCompare(regionName(b.regionCode), lang), render: (_: unknown, f) => regionName(f.regionCode) },
          { title: t('期间', 'Period'), key: 'p', sorter: (a, b) => a.periodCode.localeCompare(b.periodCode), render: (_: unknown, f) => formatPeriod(f.periodCode, lang) },
          { title: t('数值', 'Value'), key: 'v', sorter: (a, b) => a.valueStd - b.valueStd, render: (_: unknown, f) => <ExactValue value={f.value} unit={f.unit} /> },
          { title: t('来源', 'Source'), key: 's', render: (_: unknown, f) => <span><SourceText text={f.source.publication} /> <SourceKindTag figure={f} /></span> },
          { title: t('发布日期', 'Published'), key: 'd', sorter: (a, b) => a.publishedDate.localeCompare(b.publishedDate), render: (_: unknown, f) => formatDate(f.publishedDate, lang) },
          { title: t('审核状态', 'State'), key: 'st', render: (_: unknown, f) => (f.approval ? l(APPROVAL_STATE_LABELS[f.approval.state]) : t('平台推算', 'computed')) },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('上一页', 'Previous')}</Button>
        <span>{t(`第${cursors.length}页`, `Page ${cursors.length}`)}</span>
        <Button disabled={!page?.next} onClick={() => page?.next && setCursors((c) => [...c, page.next])} data-testid="next-page">{t('下一页', 'Next')}</Button>
      </Space>
      {open ? <FigureHistory figure={open} name={nameOf(open.indicatorCode)} region={regionName(open.regionCode)} onClose={() => setOpen(null)} onChanged={() => setTick((n) => n + 1)} /> : null}
    </div>
  );
}
