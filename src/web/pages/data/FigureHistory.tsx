/**
 * A figure's history: every vintage of the same indicator, region and period (who entered, submitted and decided
 * each, and which one corrects which), and from here a correction of an approved figure (a new vintage in draft) or
 * the withdrawal of one not yet approved — each offered only when the server says this person may
 * (GET /api/observations/{id}/actions).
 */
import { SourceText } from '../../components/SourceText';
import { Alert, Button, Descriptions, Drawer, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { send, useApi, type FigureActionDto, type ObservationDto } from '../../api';
import { formatDate, formatPeriod } from '../../format';
import { useLang } from '../../i18n';
import { APPROVAL_STATE_LABELS, APPROVAL_STATES } from '../../../shared/labels';
import { useSession } from '../../session';
import { ExactValue } from '../approvals/ExactValue';

export function FigureHistory({ figure, name, region, onClose, onChanged }: { figure: ObservationDto; name: string; region: string; onClose: () => void; onChanged: () => void }) {
  const { lang, l, t } = useLang();
  const me = useSession().data;
  const q = new URLSearchParams({ indicator: figure.indicatorCode, region: figure.regionCode, period: figure.periodCode, limit: '200' });
  if (me?.signedIn) q.set('state', APPROVAL_STATES.join(','));
  const vintages = useApi<ObservationDto[]>(`/api/observations?${q.toString()}`);
  const allowed = useApi<{ actions: FigureActionDto[] }>(me?.signedIn && figure.approval ? `/api/observations/${figure.id}/actions` : null);
  const [value, setValue] = useState<number | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  // The figure as it stands now: after a withdrawal, the answer's record (state, who, when), not the list's.
  const [shown, setShown] = useState(figure);
  // A withdrawn figure can do nothing more: its buttons go with the answer, not when the actions' reload comes back
  // (until then a second click would only meet a version conflict).
  const may = (a: FigureActionDto) => shown.approval?.state !== 'withdrawn' && (allowed.data?.actions.includes(a) ?? false);
  const a = shown.approval;
  const correct = async () => {
    if (value === null) return;
    try {
      const res = await send<{ observation: ObservationDto }>(`/api/observations/${figure.id}/corrections`, 'POST', { value });
      setMsg({ ok: true, text: t(`已录入更正（数据第${res.observation.id}号，草稿），经审批后替代原值。`, `Correction entered (figure no. ${res.observation.id}, a draft); it replaces this one once approved.`) });
      vintages.reload();
      onChanged();
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  const withdraw = async () => {
    try {
      const res = await send<{ observation: ObservationDto }>(`/api/observations/${figure.id}/withdraw`, 'POST', { version: a?.version ?? 0 });
      setShown(res.observation);
      setMsg({ ok: true, text: t(`已撤回数据第${figure.id}号：保留在历史中，不再参与任何计算。`, `Figure no. ${figure.id} withdrawn: kept in the history, counted nowhere.`) });
      vintages.reload();
      allowed.reload();
      onChanged();
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  const step = (who: string | null | undefined, when: string | null | undefined) => (who ? `${who}${when ? `，${formatDate(when, lang)}` : ''}` : '—');
  return (
    <Drawer open title={`${name} · ${region} · ${formatPeriod(figure.periodCode, lang)}`} onClose={onClose} size={720} data-testid="figure-history">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('数值', 'Value')}><ExactValue value={figure.value} unit={figure.unit} /></Descriptions.Item>
        <Descriptions.Item label={t('来源', 'Source')}><SourceText text={figure.source.publication} /></Descriptions.Item>
        <Descriptions.Item label={t('发布日期', 'Published')}>{formatDate(figure.publishedDate, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('审核状态', 'State')}>{a ? l(APPROVAL_STATE_LABELS[a.state]) : t('平台推算', 'computed')}</Descriptions.Item>
        <Descriptions.Item label={t('录入', 'Entered')}>{step(a?.enteredBy, figure.enteredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('报送', 'Submitted')}>{step(a?.submittedBy, a?.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('审批', 'Decided')}>{step(a?.decidedBy, a?.decidedAt)}{a?.comment ? t(`（意见：${a.comment}）`, ` (comment: ${a.comment})`) : ''}</Descriptions.Item>
      </Descriptions>
      {may('withdraw') ? (
        <Space style={{ marginTop: 12 }} wrap>
          <Popconfirm
            title={t('撤回这条数据？', 'Withdraw this figure?')}
            description={t('撤回后数据保留在历史中，但不再参与评估、预测和报告，也不能再修改。', 'It stays in the history but no longer counts in evaluations, forecasts or reports, and cannot change again.')}
            okText={t('撤回', 'Withdraw')}
            cancelText={t('取消', 'Cancel')}
            onConfirm={() => void withdraw()}
          >
            <Button danger data-testid="withdraw-figure">{t('撤回数据', 'Withdraw figure')}</Button>
          </Popconfirm>
        </Space>
      ) : null}
      {may('correct') ? (
        <Space style={{ marginTop: 12 }} wrap>
          <Typography.Text>{t('更正为', 'Correct to')}</Typography.Text>
          <InputNumber aria-label={t('更正后的数值', 'Corrected value')} value={value} onChange={(v) => setValue(typeof v === 'number' ? v : null)} />
          <Typography.Text>{figure.unit}</Typography.Text>
          <Button type="primary" disabled={value === null} onClick={() => void correct()}>{t('录入更正', 'Enter correction')}</Button>
        </Space>
      ) : null}
      {msg ? <Alert style={{ marginTop: 12 }} type={msg.ok ? 'success' : 'error'} showIcon title={msg.text} /> : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('各版本', 'Vintages')}</Typography.Title>
      <Table<ObservationDto>
        size="small"
        rowKey="id"
        pagination={false}
        loading={vintages.loading}
        dataSource={vintages.data ?? []}
        columns={[
          { title: t('编号', 'No.'), dataIndex: 'id', render: (id: number) => (id === figure.id ? <Tag color="blue">{id}</Tag> : id) },
          { title: t('数值', 'Value'), key: 'v', render: (_: unknown, f: ObservationDto) => <ExactValue value={f.value} unit={f.unit} /> },
          { title: t('发布日期', 'Published'), dataIndex: 'publishedDate', render: (d: string) => formatDate(d, lang) },
          { title: t('来源', 'Source'), key: 's', render: (_: unknown, f: ObservationDto) => <SourceText text={f.source.publication} /> },
          { title: t('状态', 'State'), key: 'st', render: (_: unknown, f: ObservationDto) => (f.approval ? l(APPROVAL_STATE_LABELS[f.approval.state]) : '—') + (f.approval?.corrects ? t(`，更正第${f.approval.corrects}号`, `, corrects no. ${f.approval.corrects}`) : '') },
        ]}
      />
    </Drawer>
  );
}
