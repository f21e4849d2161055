/**
 * For the statistics office (write:survey): open a wave and upload its answers (CSV or XLSX); the report lists every
 * rejected cell by row and column, and nothing is written unless the whole file is good.
 */
import { Alert, Button, Input, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { api, send, type ResponseImportReportDto } from '../../api';
import { useLang } from '../../i18n';

export function ImportAnswers({ survey, onDone }: { survey: string; onDone(): void }) {
  const { t } = useLang();
  const [period, setPeriod] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ResponseImportReportDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const wave = await send<{ id: number }>(`/api/prosperity/surveys/${survey}/waves`, 'POST', { period });
      const form = new FormData();
      form.set('dryRun', String(dryRun));
      form.set('file', file);
      const r = await api<ResponseImportReportDto>(`/api/prosperity/surveys/${wave.id}/responses/import`, { method: 'POST', body: form, acceptStatus: [422] } as RequestInit);
      setReport(r);
      if (r.committed) onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Space wrap>
        <Input style={{ width: 160 }} placeholder={t('期别，如 2026-01', 'wave, e.g. 2026-01')} value={period} onChange={(e) => setPeriod(e.target.value)} aria-label={t('期别', 'Wave')} />
        <Upload beforeUpload={(f) => (setFile(f), false)} maxCount={1} accept=".csv,.xlsx" onRemove={() => setFile(null)}>
          <Button>{t('选择文件（CSV/XLSX）', 'Choose a file (CSV/XLSX)')}</Button>
        </Upload>
        <Button disabled={!file || !period || busy} onClick={() => void run(true)}>{t('试导入', 'Dry run')}</Button>
        <Button type="primary" disabled={!file || !period || busy} onClick={() => void run(false)}>{t('导入', 'Import')}</Button>
      </Space>
      <p className="muted">{t('每行一家企业：统一社会信用代码，每个题目和时期一列（如“本企业业务总量（即期）”或 BUSINESS.current），答案为选项文字或序号 1–3。', 'One row per enterprise: 统一社会信用代码 and one column per question and horizon (e.g. "本企业业务总量（即期）" or BUSINESS.current); answers as the option’s word or its number 1–3.')}</p>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {report ? (
        <div data-testid="import-report">
          <Alert
            type={report.committed ? 'success' : report.errors.length + report.rejected.length > 0 ? 'error' : 'info'}
            showIcon
            title={`${report.wave.period}: ${t('新增', 'added')} ${report.counts.added}，${t('修订', 'revised')} ${report.counts.revised}，${t('未变', 'unchanged')} ${report.counts.unchanged}，${t('退回行', 'rows rejected')} ${report.counts.rejectedRows}${report.committed ? '' : `（${t('未写入', 'nothing written')}）`}`}
            description={report.errors.join('\n') || undefined}
          />
          {report.rejected.length > 0 ? (
            <Table size="small" rowKey={(r) => `${r.row}-${r.column}`} pagination={false} dataSource={report.rejected} columns={[{ title: t('行', 'Row'), dataIndex: 'row' }, { title: t('列', 'Column'), dataIndex: 'column' }, { title: t('原因', 'Reason'), dataIndex: 'reason' }]} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
