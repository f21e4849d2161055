/** Upload a unit's dispatch table: dry run first (per-cell errors and warnings), then import; and the template. */
import { Alert, Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { api, type ProjectImportReportDto } from '../../api';
import { useLang } from '../../i18n';

export function ProjectImport({ planId, onImported }: { planId: string; onImported: () => void }) {
  const { t } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ProjectImportReportDto | null>(null);
  const upload = async (dryRun: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.append('dryRun', String(dryRun));
    form.append('file', file, file.name);
    const r = await api<ProjectImportReportDto>(`/api/plans/${planId}/projects/import`, { method: 'POST', body: form, acceptStatus: [422, 403] } as RequestInit);
    setReport(r);
    if (r.committed) onImported();
  };
  const problems = [...(report?.rejected ?? []).map((p) => ({ ...p, kind: t('错误', 'error') })), ...(report?.warnings ?? []).map((p) => ({ ...p, kind: t('提示', 'warning') }))];
  return (
    <Card size="small" title={t('导入月度调度表', 'Import the monthly dispatch table')} style={{ marginBottom: 12 }} data-testid="project-import">
      <Space wrap>
        <a href={`/api/plans/${planId}/projects/template`}>{t('下载模板', 'Download the template')}</a>
        <input type="file" accept=".xlsx,.csv" aria-label={t('调度表文件', 'Dispatch table file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button disabled={!file} onClick={() => void upload(true)}>{t('试导入', 'Dry run')}</Button>
        <Button type="primary" disabled={!file} onClick={() => void upload(false)}>{t('确认导入', 'Import')}</Button>
      </Space>
      {report ? (
        <Alert
          style={{ marginTop: 8 }}
          type={report.committed || (report.dryRun && report.counts.rejected === 0 && report.errors.length === 0) ? 'success' : 'warning'}
          showIcon
          data-testid="project-import-result"
          title={`${report.dryRun ? t('试导入：', 'Dry run: ') : report.committed ? t('已导入：', 'Imported: ') : t('未写入：', 'Nothing written: ')}${t(`新增${report.counts.new}条，修订${report.counts.revision}条，未变${report.counts.unchanged}条，计划调整${report.counts.replanned}项，错误${report.counts.rejected}行`, `${report.counts.new} new, ${report.counts.revision} revised, ${report.counts.unchanged} unchanged, ${report.counts.replanned} re-planned, ${report.counts.rejected} rejected`)}`}
          description={report.errors.join('；') || undefined}
        />
      ) : null}
      {problems.length > 0 ? (
        <Table size="small" rowKey={(p) => `${p.kind}-${p.row}-${p.column}-${p.reason}`} pagination={false} dataSource={problems} data-testid="project-cell-errors" columns={[
          { title: t('类别', 'Kind'), dataIndex: 'kind' },
          { title: t('行', 'Row'), dataIndex: 'row' },
          { title: t('列', 'Column'), dataIndex: 'column' },
          { title: t('原因', 'Reason'), dataIndex: 'reason' },
        ]} />
      ) : null}
    </Card>
  );
}
