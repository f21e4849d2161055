/** 进度填报: the period of the plan's cycle, the status of each node, narrative, percentage, problems, co-ordination. */
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useApi, type TaskDetailDto, type TaskDto } from '../../api';
import { useLang } from '../../i18n';
import { NODE_STATUSES, NODE_STATUS_LABELS } from '../../../shared/supervisionTerms';

type NodeStatus = (typeof NODE_STATUSES)[number];

/** The current and the five previous periods of a cycle, newest first. */
function periods(cycle: string): string[] {
  const d = new Date();
  const out: string[] = [];
  let y = d.getUTCFullYear();
  const step = cycle === 'monthly' ? 1 : cycle === 'quarterly' ? 3 : 6;
  let m = Math.ceil((d.getUTCMonth() + 1) / step) * step;
  for (let i = 0; i < 6; i++) {
    out.push(step === 1 ? `${y}-${String(m).padStart(2, '0')}` : step === 3 ? `${y}Q${m / 3}` : `${y}H${m / 6}`);
    m -= step;
    if (m <= 0) {
      m += 12;
      y -= 1;
    }
  }
  return out;
}

export function ReportForm({ task, nodes, onSubmit }: { task: TaskDto; nodes: TaskDetailDto['nodes']; onSubmit: (body: unknown) => Promise<void> }) {
  const { t, l } = useLang();
  const settings = useApi<{ cycle: string }>(`/api/plans/${task.planId}/supervision/settings`);
  const options = useMemo(() => periods(settings.data?.cycle ?? 'quarterly'), [settings.data]);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [narrative, setNarrative] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const [problems, setProblems] = useState('');
  const [coordination, setCoordination] = useState('');
  const [status, setStatus] = useState<Record<number, NodeStatus>>({});
  const [close, setClose] = useState(false);
  const submit = async () => {
    await onSubmit({
      period: period ?? options[0], narrative, ...(percent === null ? {} : { percent }), ...(problems ? { problems } : {}), ...(coordination ? { coordination } : {}),
      nodes: Object.entries(status).map(([nodeId, s]) => ({ nodeId: Number(nodeId), status: s })), close,
    });
    setNarrative('');
  };
  return (
    <Card size="small" title={t('进度填报', 'Report progress')} style={{ marginTop: 12 }} data-testid="report-form">
      <Form layout="vertical" onFinish={() => void submit()}>
        <Space wrap>
          <Form.Item label={t('报告期', 'Period')}>
            <Select style={{ width: 140 }} value={period ?? options[0]} onChange={setPeriod} options={options.map((p) => ({ value: p, label: p }))} aria-label={t('报告期', 'Period')} />
          </Form.Item>
          <Form.Item label={t('完成进度（%）', 'Progress (%)')}>
            <InputNumber min={0} max={100} value={percent} onChange={(v) => setPercent(v)} aria-label={t('完成进度', 'Progress')} />
          </Form.Item>
        </Space>
        {nodes.map((n) => (
          <Form.Item key={n.id} label={`${n.title}（${n.due}）`}>
            {/* A native select: one choice among four, usable by keyboard and screen readers as is. */}
            <select className="native-select" value={status[n.id] ?? ''} onChange={(e) => setStatus((s) => ({ ...s, [n.id]: e.target.value as NodeStatus }))} aria-label={t(`节点状态：${n.title}`, `Status: ${n.title}`)} style={{ height: 32, minWidth: 160 }}>
              <option value="" disabled>
                {t('节点状态', 'Node status')}
              </option>
              {NODE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {l(NODE_STATUS_LABELS[s])}
                </option>
              ))}
            </select>
          </Form.Item>
        ))}
        <Form.Item label={t('进展情况', 'Progress narrative')} required>
          <Input.TextArea rows={3} value={narrative} onChange={(e) => setNarrative(e.target.value)} aria-label={t('进展情况', 'Progress narrative')} />
        </Form.Item>
        <Form.Item label={t('存在问题', 'Problems')}>
          <Input.TextArea rows={2} value={problems} onChange={(e) => setProblems(e.target.value)} aria-label={t('存在问题', 'Problems')} />
        </Form.Item>
        <Form.Item label={t('需协调事项', 'Co-ordination requested')}>
          <Input.TextArea rows={2} value={coordination} onChange={(e) => setCoordination(e.target.value)} aria-label={t('需协调事项', 'Co-ordination requested')} />
        </Form.Item>
        <Checkbox checked={close} onChange={(e) => setClose(e.target.checked)}>
          {t('申请办结（任务已完成）', 'Ask to close (the task is done)')}
        </Checkbox>
        <div style={{ marginTop: 8 }}>
          <Button type="primary" htmlType="submit" disabled={narrative.trim() === ''}>
            {t('报送', 'Submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
