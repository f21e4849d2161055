/**
 * 企业数据导入: upload an enterprise file (our template or the 一套表 export; CSV or XLSX), see the dry run — what
 * would be added, revised, registered, and every rejected cell by row and column — then commit. Committing recomputes
 * the plan indicators defined as aggregates and says what it wrote.
 */
import { Alert, Button, Card, Checkbox, Descriptions, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type EnterpriseImportReportDto } from '../../api';
import { useLang } from '../../i18n';
import { mayReadMicrodata, useSession } from '../../session';

function upload(file: File, dryRun: boolean, skip: boolean): Promise<EnterpriseImportReportDto> {
  const form = new FormData();
  form.append('dryRun', String(dryRun));
  form.append('onError', skip ? 'skip' : 'reject');
  form.append('file', file, file.name);
  return api<EnterpriseImportReportDto>('/api/enterprises/import', { method: 'POST', body: form, acceptStatus: [422] } as RequestInit);
}

export default function ImportWizard() {
  const { t } = useLang();
  const me = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [skip, setSkip] = useState(false);
  const [preview, setPreview] = useState<EnterpriseImportReportDto | null>(null);
  const [done, setDone] = useState<EnterpriseImportReportDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!me.loading && !mayReadMicrodata(me.data)) return <Alert type="info" showIcon title={t('仅统计部门授权人员可导入企业数据。', 'Only authorised statistics staff may import enterprise files.')} />;
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await upload(file, dryRun, skip);
      if (dryRun) setPreview(r);
      else setDone(r);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const step = done ? 2 : preview ? 1 : 0;
  const report = done ?? preview;
  const c = report?.counts;
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('企业数据导入', 'Import enterprise files')}
      </Typography.Title>
      <Steps current={step} style={{ marginBottom: 16 }} items={[{ title: t('选择文件', 'Choose a file') }, { title: t('试导入预览', 'Dry-run preview') }, { title: t('完成', 'Done') }]} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {step === 0 ? (
        <Card size="small">
          <Upload.Dragger accept=".csv,.xlsx" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)}>
            <p>{t('拖入或点击选择 CSV / XLSX 文件（不超过 256 MB）', 'Drop or choose a CSV / XLSX file (at most 256 MB)')}</p>
          </Upload.Dragger>
          <Typography.Paragraph className="muted" style={{ fontSize: 12, marginTop: 8 }}>
            {t(
              '两种版式：本平台模板（统一社会信用代码、统计期、指标、数值，可附单位名称、行业代码、区划代码、规模以上等名录列）；一套表导出（每行一家企业一个报告期，如“营业收入（千元）本年累计”各列）。',
              'Two layouts: our template (USCC, period, item, value, optionally the registry columns) and the 一套表 export (one row per enterprise and report period, one column per item such as 营业收入（千元）本年累计).',
            )}
          </Typography.Paragraph>
          <Space>
            <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)}>
              {t('跳过有错误的行，导入其余行', 'Skip rows with errors, import the rest')}
            </Checkbox>
            <Button type="primary" disabled={!file} loading={busy} onClick={() => void run(true)}>
              {t('试导入', 'Dry run')}
            </Button>
          </Space>
        </Card>
      ) : null}
      {report && c ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('文件', 'File')}>{report.file}</Descriptions.Item>
            <Descriptions.Item label={t('版式', 'Layout')}>{report.layout === 'wide' ? t('一套表导出', '一套表 export') : report.layout === 'registry' ? t('名录', 'registry') : t('模板', 'template')}</Descriptions.Item>
            <Descriptions.Item label={t('行数', 'Rows')}>{report.rows}</Descriptions.Item>
            <Descriptions.Item label={t('新增数据', 'New figures')}>{c.newFigures}</Descriptions.Item>
            <Descriptions.Item label={t('修订数据', 'Revised')}>{c.revisedFigures}</Descriptions.Item>
            <Descriptions.Item label={t('未变', 'Unchanged')}>{c.unchangedFigures}</Descriptions.Item>
            <Descriptions.Item label={t('新企业', 'New enterprises')}>{c.newEnterprises}</Descriptions.Item>
            <Descriptions.Item label={t('名录变更', 'Registry versions')}>{c.newVersions}</Descriptions.Item>
            <Descriptions.Item label={t('被拒行', 'Rejected rows')}>{c.rejectedRows}</Descriptions.Item>
          </Descriptions>
          {report.errors.map((e) => <Alert key={e} type="error" showIcon title={e} style={{ marginTop: 8 }} />)}
          {report.rejected.length > 0 ? (
            <Table size="small" rowKey={(r) => `${r.row}-${r.column}-${r.reason}`} pagination={{ pageSize: 20 }} dataSource={report.rejected} style={{ marginTop: 8 }}
              columns={[{ title: t('行', 'Row'), dataIndex: 'row' }, { title: t('列', 'Column'), dataIndex: 'column' }, { title: t('原因', 'Reason'), dataIndex: 'reason' }]} />
          ) : null}
        </Card>
      ) : null}
      {step === 1 ? (
        <Space>
          <Button onClick={() => (setPreview(null), setFile(null))}>{t('重新选择', 'Choose another file')}</Button>
          <Button type="primary" loading={busy} disabled={(c?.rejectedRows ?? 0) > 0 && !skip} onClick={() => void run(false)}>
            {t('确认导入', 'Import')}
          </Button>
        </Space>
      ) : null}
      {done ? (
        <Result
          status={done.committed ? 'success' : 'warning'}
          title={done.committed ? t('已导入（同一文件重复导入不会重复写入）', 'Imported (importing the same file again adds nothing)') : t('未写入任何数据', 'Nothing was written')}
          subTitle={done.indicators.flatMap((i) => i.years.map((y) => `${i.indicator} ${y.period}: ${y.skipped === 'confidential' ? t('涉及保密单元格，未写入', 'confidential, not written') : y.skipped === 'synthetic' ? t('含合成数据，未写入', 'synthetic, not written') : `${y.value ?? ''}`}`)).join('；')}
          extra={<Link to="/enterprises">{t('查询企业', 'Search enterprises')}</Link>}
        />
      ) : null}
    </div>
  );
}
