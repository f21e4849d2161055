/** Acknowledge a warning with a comment (planners, administrators): POST /api/quality/acknowledgements, audited. */
import { Button, Input, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, send, type ViolationDto } from '../../api';
import { useLang } from '../../i18n';

export function Acknowledge({ violation, onDone }: { violation: ViolationDto; onDone: () => void }) {
  const { t } = useLang();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const submit = async () => {
    try {
      await send('/api/quality/acknowledgements', 'POST', { key: violation.key, comment });
      setOpen(false);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        <Space orientation="vertical" style={{ width: 320 }}>
          <Input.TextArea rows={3} aria-label={t('确认意见', 'Comment')} placeholder={t('说明为何该数据可以保留（将记入审计日志）', 'Why the figure stands (recorded in the audit log)')} value={comment} onChange={(e) => setComment(e.target.value)} />
          {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
          <Button type="primary" size="small" disabled={comment.trim() === ''} onClick={() => void submit()}>
            {t('确认警告', 'Acknowledge')}
          </Button>
        </Space>
      }
    >
      <Button size="small">{t('确认…', 'Acknowledge…')}</Button>
    </Popover>
  );
}
