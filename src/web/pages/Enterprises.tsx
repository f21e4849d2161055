/**
 * 企业数据库: search the enterprise registry by USCC, name (current or former), industry and district; pages of 50
 * (cursor). Microdata: shown to the statistics office's staff only; every search is recorded in the audit log.
 */
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApi, type EnterpriseSummaryDto, type EnterprisesPageDto, type RegionDto } from '../api';
import { useLang } from '../i18n';
import { mayReadMicrodata, useSession } from '../session';
import { SIZE_LABELS, SyntheticTag } from './enterprises/labels';
import { IndustryPicker } from './enterprises/IndustryPicker';

interface Filters {
  q: string;
  industry: string | null;
  region: string | null;
}

export default function Enterprises() {
  const { t, l } = useLang();
  const me = useSession();
  const [filters, setFilters] = useState<Filters>({ q: '', industry: null, region: null });
  // Cursors of the pages seen, so "previous" goes back without the server keeping state.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const regions = useApi<RegionDto[]>('/api/regions');
  const allowed = mayReadMicrodata(me.data);
  const url = useMemo(() => {
    const p = new URLSearchParams({ limit: '50' });
    if (filters.q) p.set('q', filters.q);
    if (filters.industry) p.set('industry', filters.industry);
    if (filters.region) p.set('region', filters.region);
    if (cursor) p.set('cursor', cursor);
    return `/api/enterprises?${p.toString()}`;
  }, [filters, cursor]);
  const page = useApi<EnterprisesPageDto>(allowed ? url : null);

  if (!me.loading && !allowed) {
    return <Alert type="info" showIcon title={t('企业数据库为统计微观数据，仅统计部门授权人员可查询（每次查询均记入审计日志）。', 'The enterprise database is statistical microdata: only authorised statistics staff may search it (every search is audited).')} />;
  }
  const districts = (regions.data ?? []).filter((r) => r.validTo === null);
  const search = (v: { q?: string; industry?: string | null; region?: string | null }) => {
    setFilters({ q: v.q?.trim() ?? '', industry: v.industry ?? null, region: v.region ?? null });
    setCursors([null]);
  };
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('重点行业企业数据库', 'Key-industry enterprise database')}
      </Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/enterprises/import">{t('导入企业数据', 'Import enterprise files')}</Link>
        <Link to="/industries">{t('行业监测', 'Industry dashboard')}</Link>
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline" onFinish={search} initialValues={{ q: '', industry: null, region: null }}>
          <Form.Item name="q" label={t('信用代码或名称', 'USCC or name')}>
            <Input allowClear style={{ width: 240 }} placeholder={t('如 91440300… 或 软件', 'e.g. 91440300… or 软件')} />
          </Form.Item>
          <Form.Item name="industry" label={t('行业', 'Industry')}>
            <IndustryPicker />
          </Form.Item>
          <Form.Item name="region" label={t('地区', 'Region')}>
            <Select allowClear style={{ width: 160 }} options={districts.map((r) => ({ value: r.code, label: l(r.name) }))} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('查询', 'Search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {page.error ? <Alert type="error" showIcon title={page.error.message} /> : null}
      <Table<EnterpriseSummaryDto>
        size="small"
        rowKey="uscc"
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('统一社会信用代码', 'USCC'), dataIndex: 'uscc', render: (u: string) => <Link to={`/enterprises/${u}`}>{u}</Link> },
          { title: t('单位名称', 'Name'), dataIndex: 'name', render: (n: string, r) => <Space>{n}{r.synthetic ? <SyntheticTag /> : null}{r.closedOn ? <Tag>{t('已注销', 'closed')}</Tag> : null}</Space> },
          { title: t('行业', 'Industry'), dataIndex: 'industryName', render: (n: string, r) => `${r.industryCode} ${n}` },
          { title: t('地区', 'Region'), dataIndex: 'regionName' },
          { title: t('规模', 'Size'), dataIndex: 'sizeClass', render: (s: EnterpriseSummaryDto['sizeClass']) => (s ? t(SIZE_LABELS[s].zh, SIZE_LABELS[s].en) : '—') },
          { title: t('规模以上', 'Above size'), dataIndex: 'aboveDesignatedSize', render: (a: boolean) => (a ? <Tag color="blue">{t('规上', 'above')}</Tag> : t('规下', 'below')) },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('上一页', 'Previous')}
        </Button>
        <Button disabled={!page.data?.nextCursor} onClick={() => setCursors((c) => [...c, page.data?.nextCursor ?? null])}>
          {t('下一页', 'Next')}
        </Button>
        <span className="muted">{t(`第 ${cursors.length} 页`, `Page ${cursors.length}`)}</span>
      </Space>
    </div>
  );
}
