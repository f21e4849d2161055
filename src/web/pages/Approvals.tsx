/**
 * 审批: figures waiting for approval (contracts.md §3). Each row offers only the actions the API says this person
 * may take (a draft: approve directly where the four-eyes rule allows); many rows are approved or returned at once
 * with one comment (POST /api/approvals/bulk, all or none). Names, not codes; the exact value beside the rounded one.
 */
import { SourceText } from '../components/SourceText';
import { Alert, Button, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, send, useApi, type FigureActionDto, type FigureWithActionsDto } from '../api';
import { formatDate, formatPeriod } from '../format';
import { useLang } from '../i18n';
import { useIndicatorNames } from '../indicatorNames';
import { useRegionNames } from '../regionNames';
import { SourceKindTag } from '../components/SourceKindTag';
import { usePlan } from '../plan';
import { mayApprove, useSession } from '../session';
import { ExactValue } from './approvals/ExactValue';
import { ACTION_WORDS, STATE_HELP, STATE_WORDS } from './approvals/labels';
import { FigureQuality, useFiguresQuality } from './quality/FigureQuality';

type Figure = FigureWithActionsDto;
type Decision = Extract<FigureActionDto, 'submit' | 'approve' | 'reject'>;
const DECISIONS: Decision[] = ['approve', 'reject', 'submit'];
const ALL = '*';

export default function Approvals() {
  const { lang, t, l } = useLang();
  const me = useSession().data;
  const { nameOf } = useIndicatorNames();
  const { regionName } = useRegionNames();
  const [state, setState] = useState<'submitted' | 'draft' | 'rejected'>('submitted');
  // With several plans, the queue starts with the plan being worked on (its indicators, its region); 全部 shows all.
  const scope = usePlan();
  const several = (scope.plans?.length ?? 0) > 1;
  const [planFilter, setPlanFilter] = useState<string | null>(null);
  const shownPlan = several ? (planFilter ?? scope.planId ?? ALL) : ALL;
  const list = useApi<{ items: Figure[] }>(mayApprove(me) ? `/api/approvals?state=${state}${shownPlan !== ALL ? `&plan=${encodeURIComponent(shownPlan)}` : ''}` : null);
  const [selected, setSelected] = useState<number[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const quality = useFiguresQuality(list.data?.items.map((f) => f.id));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  if (!mayApprove(me)) return <Alert type="info" showIcon title={t('仅规划处和系统管理员可审批数据。', 'Only planners and administrators approve figures.')} />;
  const items = list.data?.items ?? [];
  const chosen = items.filter((f) => selected.includes(f.id));

  const decide = async (figures: Figure[], action: Decision) => {
    if (action === 'reject' && !comment.trim()) {
      setMsg({ ok: false, text: t('退回须填写意见，说明理由。', 'Say why in the comment to return figures.') });
      return;
    }
    setBusy(true);
    try {
      const body = { action, items: figures.map((f) => ({ id: f.id, version: f.approval?.version ?? 0 })), ...(comment.trim() ? { comment: comment.trim() } : {}) };
      const done = await send<{ items: unknown[] }>('/api/approvals/bulk', 'POST', body);
      setMsg({ ok: true, text: t(`已${ACTION_WORDS[action].zh}${done.items.length}条数据。`, `${ACTION_WORDS[action].en}: ${done.items.length} figure${done.items.length === 1 ? '' : 's'}.`) });
      setSelected([]);
      setComment('');
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      setMsg({ ok: false, text: e instanceof ApiError && e.status === 409 && !text.includes('cannot be approved') ? t(`数据已被他人修改，请刷新后再试：${text}`, `Changed meanwhile, reload: ${text}`) : text });
    }
    setBusy(false);
    list.reload();
  };
  /** A bulk action is offered when every selected figure allows it. */
  const bulkAllowed = (a: Decision) => chosen.length > 0 && chosen.every((f) => f.actions.includes(a));

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('数据审批', 'Approvals')}
      </Typography.Title>
      <Radio.Group value={state} onChange={(e) => { setState(e.target.value as typeof state); setSelected([]); }} style={{ marginBottom: 8 }} aria-label={t('审批状态', 'State')}>
        {(['submitted', 'draft', 'rejected'] as const).map((s) => <Radio.Button key={s} value={s}>{l(STATE_WORDS[s])}</Radio.Button>)}
      </Radio.Group>
      {several ? (
        <Select
          value={shownPlan}
          onChange={(v: string) => { setPlanFilter(v); setSelected([]); }}
          aria-label={t('规划', 'Plan')}
          style={{ minWidth: 320, marginLeft: 12, marginBottom: 8 }}
          data-testid="approvals-plan"
          options={[...(scope.plans ?? []).map((p) => ({ value: p.id, label: l(p.shortName ?? p.name) })), { value: ALL, label: t('全部规划', 'All plans') }]}
        />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{l(STATE_HELP[state])}</Typography.Paragraph>
      {msg ? <Alert type={msg.ok ? 'success' : 'error'} showIcon title={msg.text} style={{ marginBottom: 12 }} closable={{ onClose: () => setMsg(null) }} /> : null}
      {list.error ? <Alert type="warning" showIcon title={list.error.message} /> : null}
      <Space wrap style={{ marginBottom: 12 }} data-testid="bulk-bar">
        <span>{t(`已选${chosen.length}条`, `${chosen.length} selected`)}</span>
        <Input style={{ width: 280 }} aria-label={t('意见', 'Comment')} placeholder={t('意见（退回或确认质量警告时必填，批量共用）', 'comment (required to return or to acknowledge quality warnings; one for all)')} value={comment} onChange={(e) => setComment(e.target.value)} />
        {DECISIONS.filter(bulkAllowed).map((a) => (
          <Button key={a} type={a === 'approve' ? 'primary' : 'default'} danger={a === 'reject'} loading={busy} onClick={() => void decide(chosen, a)} data-testid={`bulk-${a}`}>
            {t(`${ACTION_WORDS[a].zh}所选`, `${ACTION_WORDS[a].en} selected`)}
          </Button>
        ))}
      </Space>
      <Table<Figure>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        scroll={{ x: 900 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), getCheckboxProps: (f) => ({ disabled: !f.actions.some((a) => (DECISIONS as string[]).includes(a)) }) }}
        locale={{ emptyText: t('没有需要处理的数据', 'Nothing waiting') }}
        columns={[
          { title: t('指标', 'Indicator'), key: 'i', render: (_: unknown, f: Figure) => <span title={f.indicatorCode}>{nameOf(f.indicatorCode)}</span> },
          { title: t('地区', 'Region'), key: 'r', render: (_: unknown, f: Figure) => <span title={f.regionCode}>{regionName(f.regionCode)}</span> },
          { title: t('期间', 'Period'), dataIndex: 'periodCode', render: (p: string) => formatPeriod(p, lang) },
          { title: t('数值', 'Value'), key: 'v', render: (_: unknown, f: Figure) => <ExactValue value={f.value} unit={f.unit} /> },
          { title: t('来源', 'Source'), key: 's', render: (_: unknown, f: Figure) => <span><SourceText text={f.source.publication} /> <SourceKindTag figure={f} /></span> },
          { title: t('报送', 'Submitted'), key: 'by', render: (_: unknown, f: Figure) => (f.approval?.submittedBy ? `${f.approval.submittedBy} ${formatDate(f.approval.submittedAt, lang)}` : t(`${f.approval?.enteredBy ?? '—'}（未报送）`, `${f.approval?.enteredBy ?? '—'} (not submitted)`)) },
          { title: t('数据质量', 'Data quality'), key: 'q', render: (_: unknown, f: Figure) => <FigureQuality results={quality?.get(f.id)} /> },
          { title: t('更正', 'Corrects'), key: 'c', render: (_: unknown, f: Figure) => (f.approval?.corrects ? <Tag color="orange">{t(`更正第${f.approval.corrects}号`, `corrects no. ${f.approval.corrects}`)}</Tag> : '—') },
          {
            title: t('处理', 'Decide'),
            key: 'a',
            render: (_: unknown, f: Figure) => {
              const offered = DECISIONS.filter((a) => f.actions.includes(a));
              if (offered.length === 0) return <Typography.Text type="secondary">{t('无可执行操作（四眼原则：须由他人审批）', 'nothing for you (four eyes: another approver)')}</Typography.Text>;
              return (
                <Space size={4}>
                  {offered.map((a) => (
                    <Button key={a} size="small" type={a === 'approve' ? 'primary' : 'default'} danger={a === 'reject'} disabled={busy} onClick={() => void decide([f], a)}>
                      {ACTION_WORDS[a][lang]}
                    </Button>
                  ))}
                </Space>
              );
            },
          },
        ]}
      />
    </div>
  );
}
