/** 交办 / 改派: the lead unit (one), co-operating units, deadline, time nodes with expected outputs, indicators. */
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useApi, type TaskDetailDto, type TaskDto } from '../../api';
import { useLang } from '../../i18n';

interface Units {
  items: Array<{ id: number; name: { zh: string; en: string } }>;
}
interface NodeDraft {
  title: string;
  due: string;
  expectedOutput: string;
}

export function AssignForm({ task, nodes, onDone }: { task: TaskDto; nodes: TaskDetailDto['nodes']; onDone: (body: unknown) => Promise<void> }) {
  const { t, l } = useLang();
  const units = useApi<Units>('/api/units?limit=500');
  const [lead, setLead] = useState<number | undefined>(task.leadUnit?.id);
  const [co, setCo] = useState<number[]>(task.coUnits.map((u) => u.id));
  const [deadline, setDeadline] = useState(task.deadline ?? '');
  const [list, setList] = useState<NodeDraft[]>(nodes.length > 0 ? nodes.map((n) => ({ title: n.title, due: n.due, expectedOutput: n.expectedOutput ?? '' })) : [{ title: '', due: '', expectedOutput: '' }]);
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: l(u.name) }));
  const submit = () =>
    onDone({
      leadUnit: lead,
      coUnits: co,
      ...(deadline ? { deadline } : {}),
      nodes: list.filter((n) => n.title.trim() !== '').map((n) => ({ title: n.title, due: n.due, ...(n.expectedOutput ? { expectedOutput: n.expectedOutput } : {}) })),
    });
  const setNode = (i: number, patch: Partial<NodeDraft>) => setList((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Card size="small" title={t('交办（任务分解）', 'Assign (decompose)')} style={{ marginTop: 12 }} data-testid="assign-form">
      <Form layout="vertical" onFinish={() => void submit()}>
        <Space wrap align="start">
          <Form.Item label={t('牵头单位', 'Lead unit')} required>
            <Select showSearch optionFilterProp="label" style={{ width: 240 }} value={lead} onChange={setLead} options={options} aria-label={t('牵头单位', 'Lead unit')} />
          </Form.Item>
          <Form.Item label={t('配合单位', 'Co-operating units')}>
            <Select mode="multiple" optionFilterProp="label" style={{ width: 320 }} value={co} onChange={setCo} options={options} aria-label={t('配合单位', 'Co-operating units')} />
          </Form.Item>
          <Form.Item label={t('完成期限', 'Deadline')}>
            <Input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-label={t('完成期限', 'Deadline')} />
          </Form.Item>
        </Space>
        {list.map((n, i) => (
          <Space key={i} wrap align="start">
            <Input placeholder={t('时间节点', 'Node')} value={n.title} onChange={(e) => setNode(i, { title: e.target.value })} style={{ width: 240 }} aria-label={t(`时间节点${i + 1}`, `Node ${i + 1}`)} />
            <Input type="date" value={n.due} onChange={(e) => setNode(i, { due: e.target.value })} aria-label={t(`节点${i + 1}截止日期`, `Node ${i + 1} due`)} />
            <Input placeholder={t('预期成果', 'Expected output')} value={n.expectedOutput} onChange={(e) => setNode(i, { expectedOutput: e.target.value })} style={{ width: 260 }} />
          </Space>
        ))}
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => setList((xs) => [...xs, { title: '', due: '', expectedOutput: '' }])}>{t('增加节点', 'Add a node')}</Button>
          <Button type="primary" htmlType="submit" disabled={lead === undefined}>
            {t('交办', 'Assign')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
