/**
 * The import wizard's 完成 page: what landed, and that the figures are drafts until approved (evaluations and the
 * public see approved figures only). An approver — typically an administrator importing official figures — may
 * approve the whole batch after review here (POST /api/imports/:batchId/approve, four-eyes rule applies).
 */
import { Alert, Button, Input, Result, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { send, type ImportReportDto } from '../../api';
import { useLang } from '../../i18n';
import { usePlan } from '../../plan';
import { mayApprove, useSession } from '../../session';

export function ImportDone({ done, approvedOnImport, onAgain }: { done: ImportReportDto; approvedOnImport: boolean; onAgain: () => void }) {
  const { t } = useLang();
  const me = useSession().data;
  const scope = usePlan();
  const [approved, setApproved] = useState<number | null>(approvedOnImport ? done.counts.new + done.counts.revision : null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const landed = done.counts.new + done.counts.revision;
  const approveAll = async () => {
    if (done.batchId === null) return;
    setBusy(true);
    setError(null);
    try {
      const res = await send<{ items: unknown[] }>(`/api/imports/${done.batchId}/approve`, 'POST', comment.trim() ? { comment: comment.trim() } : {});
      setApproved(res.items.length);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    setBusy(false);
  };
  const counts = t(`新增${done.counts.new}条，新版本${done.counts.revision}条`, `${done.counts.new} new, ${done.counts.revision} revision${done.counts.revision === 1 ? '' : 's'}`);
  return (
    <Result
      status="success"
      title={t(`已导入：${counts}`, `Imported: ${counts}`)}
      subTitle={t(`批次号${done.batchId ?? '—'}`, `Batch no. ${done.batchId ?? '—'}`)}
      extra={
        <Space orientation="vertical" style={{ maxWidth: 640, textAlign: 'left' }}>
          {approved !== null ? (
            <Alert type="success" showIcon data-testid="import-approved" title={t(`已批准${approved}条数据，评估与公开数据即时采用。`, `${approved} figure${approved === 1 ? '' : 's'} approved: evaluations and published data use them now.`)} />
          ) : landed > 0 ? (
            <Alert
              type="warning"
              showIcon
              data-testid="import-drafts"
              title={t(`这${landed}条数据目前为草稿，经审批后才用于评估和公开发布。`, `These ${landed} figure${landed === 1 ? ' is a draft' : 's are drafts'} until approved; evaluations and published data use approved figures only.`)}
              description={
                mayApprove(me) ? (
                  <Space wrap>
                    <Input style={{ width: 260 }} aria-label={t('审批意见', 'Comment')} placeholder={t('审批意见（可选）', 'comment (optional)')} value={comment} onChange={(e) => setComment(e.target.value)} />
                    <Button type="primary" loading={busy} onClick={() => void approveAll()} data-testid="approve-batch">
                      {t('已核对，全部批准', 'Reviewed: approve all')}
                    </Button>
                    <Link to="/approvals">{t('或到审批页逐条处理', 'or decide one by one on Approvals')}</Link>
                  </Space>
                ) : (
                  t('请在审批页报送，由规划处审批。', 'Submit them on Approvals for a planner to approve.')
                )
              }
            />
          ) : null}
          {error ? <Alert type="error" showIcon title={error} /> : null}
          <Space>
            <Link to={scope.path()}>{t('回到驾驶舱', 'Back to the cockpit')}</Link>
            <Button onClick={onAgain}>{t('再导入一个文件', 'Import another file')}</Button>
          </Space>
        </Space>
      }
    />
  );
}
