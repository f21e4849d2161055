/**
 * The figures a rule compared, to open from a violation: each with its role, value and a link to every figure of
 * its cell (all sources and vintages, ranked by the preference rule) and to its indicator page.
 */
import { Button, Popover, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi, type ObservationDto } from '../../api';
import { formatPeriod } from '../../format';
import { useLang } from '../../i18n';
import { useIndicatorNames } from '../../indicatorNames';
import { mayApprove, useSession } from '../../session';
import { ROLE_LABELS, useRegionNames } from './names';

export interface Involved {
  id: number | null;
  row?: number | null;
  role: string;
  indicatorCode: string;
  regionCode: string;
  periodCode: string;
  value: number;
}

/** Every stored figure of one cell, with its source (what an approver checks the figure against). */
function Cell({ f }: { f: Involved }) {
  const { t } = useLang();
  // Drafts and submitted figures too, for those who may see them in an evaluation (planners, administrators).
  const drafts = mayApprove(useSession().data) ? '&includeDrafts=true' : '';
  const list = useApi<{ candidates: Array<{ observation: ObservationDto; rank: number | null }> }>(
    `/api/observations/candidates?indicator=${f.indicatorCode}&region=${encodeURIComponent(f.regionCode)}&period=${encodeURIComponent(f.periodCode)}${drafts}`,
  );
  return (
    <ul style={{ margin: 0, paddingLeft: 16, maxWidth: 420 }}>
      {(list.data?.candidates ?? []).map((c) => (
        <li key={c.observation.id}>
          #{c.observation.id} {c.observation.value} {c.observation.unit} · {c.observation.source.publication.slice(0, 60)} · {c.observation.publishedDate}
          {c.rank === 1 ? ` · ${t('选用', 'chosen')}` : ''}
        </li>
      ))}
      {list.error ? <li>{list.error.message}</li> : null}
    </ul>
  );
}

export function InvolvedFigures({ figures }: { figures: Involved[] }) {
  const { t, l, lang } = useLang();
  const { nameOf } = useIndicatorNames();
  const regionName = useRegionNames();
  const [open, setOpen] = useState(false);
  const table = (
    <Table<Involved>
      size="small"
      pagination={false}
      rowKey={(f) => `${f.id ?? `r${f.row ?? ''}`}-${f.role}-${f.indicatorCode}`}
      dataSource={figures}
      style={{ maxWidth: 720 }}
      expandable={{ expandedRowRender: (f) => <Cell f={f} />, rowExpandable: () => true }}
      columns={[
        { title: t('角色', 'Role'), dataIndex: 'role', render: (r: string) => l(ROLE_LABELS[r] ?? { zh: r, en: r }) },
        { title: t('指标', 'Indicator'), dataIndex: 'indicatorCode', render: (c: string) => <Link to={`/indicators/${c}`}>{nameOf(c)}</Link> },
        { title: t('地区', 'Region'), dataIndex: 'regionCode', render: (c: string) => regionName(c) },
        { title: t('期间', 'Period'), dataIndex: 'periodCode', render: (p: string) => formatPeriod(p, lang) },
        { title: t('数值', 'Value'), dataIndex: 'value' },
        { title: t('数据', 'Figure'), key: 'id', render: (_: unknown, f: Involved) => (f.id ? `#${f.id}` : t(`本文件第${f.row ?? ''}行`, `row ${f.row ?? ''} of this file`)) },
      ]}
    />
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" content={table} title={<Typography.Text strong>{t('涉及的数据（展开可看同一单元格的全部来源）', 'Figures compared (expand for every source of the cell)')}</Typography.Text>}>
      <Button size="small" type="link" style={{ padding: 0 }}>
        {t(`涉及数据 ${figures.length} 条`, `${figures.length} figures`)}
      </Button>
    </Popover>
  );
}
