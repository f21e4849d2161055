/** 数据: import wizard (upload → column mapping → dry-run preview → commit), the template, one figure by hand. */
import { ImportDone } from './data/ImportDone';
import { FiguresBrowser } from './data/FiguresBrowser';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Statistic, Steps, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, TEMPLATE_HEADERS } from '../../shared/importFields';
import { ApiError, send, useApi, type ImportReportDto, type PlanIndicatorDto, type RegionDto } from '../api';
import { useLang } from '../i18n';
import { mayApprove, mayWrite, useSession } from '../session';
import { csvHeader, uploadImport } from '../upload';
import { ImportQuality } from './quality/ImportQuality';
import { usePlan } from '../plan';

const FIELD_EN: Record<string, string> = {
  indicator: 'indicator code', indicatorName: 'indicator name', region: 'region', period: 'period', value: 'value', unit: 'unit', priceBasis: 'price basis', status: 'data status',
  sourceKind: 'source kind', source: 'source', publisher: 'publisher', publishedDate: 'published date', link: 'link', quote: 'quote', notes: 'notes',
};

function ReportView({ report }: { report: ImportReportDto }) {
  const { t } = useLang();
  return (
    <div data-testid="import-report">
      <Row gutter={12}>
        <Col xs={12} md={6}><Statistic title={t('新增', 'New')} value={report.counts.new} /></Col>
        <Col xs={12} md={6}><Statistic title={t('新版本', 'Revisions')} value={report.counts.revision} /></Col>
        <Col xs={12} md={6}><Statistic title={t('无变化', 'Unchanged')} value={report.counts.unchanged} /></Col>
        <Col xs={12} md={6}><Statistic title={t('有错误的行', 'Rejected rows')} value={report.counts.rejected} valueStyle={{ color: report.counts.rejected ? '#b91c1c' : undefined }} /></Col>
      </Row>
      {report.errors.map((e) => (
        <Alert key={e} type="error" showIcon title={e} style={{ marginTop: 8 }} />
      ))}
      {report.rejected.length > 0 ? (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.reason}`}
          dataSource={report.rejected}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="cell-errors"
          columns={[
            { title: t('行', 'Row'), dataIndex: 'row', width: 70 },
            { title: t('列', 'Column'), dataIndex: 'column', width: 120, render: (c: string | null) => c ?? '—' },
            { title: t('问题', 'Problem'), dataIndex: 'reason' },
          ]}
        />
      ) : null}
      <ImportQuality quality={report.quality} />
      {report.changes.length > 0 ? (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="row"
          dataSource={report.changes}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('行', 'Row'), dataIndex: 'row', width: 70 },
            { title: t('变化', 'Change'), dataIndex: 'kind', render: (k: string) => <Tag color={k === 'new' ? 'green' : k === 'revision' ? 'orange' : 'default'}>{{ new: t('新增', 'new'), revision: t('新版本', 'revision'), unchanged: t('无变化', 'unchanged') }[k] ?? k}</Tag> },
            { title: t('已有数据', 'Existing'), dataIndex: 'existing', render: (e: string | null) => e ?? '—' },
          ]}
        />
      ) : null}
    </div>
  );
}

function ImportWizard() {
  const { t, lang } = useLang();
  const me = useSession().data;
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [skip, setSkip] = useState(false);
  const [approve, setApprove] = useState(false);
  const [first, setFirst] = useState<ImportReportDto | null>(null);
  const [preview, setPreview] = useState<ImportReportDto | null>(null);
  const [done, setDone] = useState<ImportReportDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldLabel = (f: string) => (lang === 'zh' ? `${TEMPLATE_HEADERS[f as keyof typeof TEMPLATE_HEADERS]}（${f}）` : `${FIELD_EN[f] ?? f} (${f})`);

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const choices = (dryRun: boolean) => ({ dryRun, onError: skip ? ('skip' as const) : ('reject' as const), mapping, approve });

  const readColumns = () =>
    run(async () => {
      if (!file) return;
      const report = await uploadImport(file, { dryRun: true, onError: 'reject', mapping: {} });
      setFirst(report);
      setHeaders((await csvHeader(file)) ?? report.ignoredColumns);
      setStep(1);
    });
  const dryRun = () =>
    run(async () => {
      if (!file) return;
      setPreview(await uploadImport(file, choices(true)));
      setStep(2);
    });
  const commit = () =>
    run(async () => {
      if (!file) return;
      const report = await uploadImport(file, choices(false));
      if (report.committed) {
        setDone(report);
        setStep(3);
      } else setPreview(report);
    });

  if (!mayWrite(me)) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('导入数据需要登录（管理员、统计人员或填报人员）。', 'Importing needs a signed-in administrator, statistician or reporter.')}
        action={<Link to="/login?next=/data">{t('登录', 'Sign in')}</Link>}
      />
    );
  }
  const previewBlocked = !preview || preview.errors.length > 0 || (preview.counts.rejected > 0 && !skip) || preview.forbidden;
  return (
    <div>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ title: t('上传文件', 'Upload') }, { title: t('对应列', 'Map columns') }, { title: t('试导入预览', 'Dry-run preview') }, { title: t('完成', 'Done') }]}
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {step === 0 ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            aria-label={t('选择 CSV 或 XLSX 文件', 'Choose a CSV or XLSX file')}
          >
            <p>{t('点击或拖入 CSV（UTF-8/GBK）或 XLSX 文件', 'Click or drop a CSV (UTF-8/GBK) or XLSX file')}</p>
          </Upload.Dragger>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => void readColumns()}>
            {t('下一步：识别列', 'Next: read the columns')}
          </Button>
        </Space>
      ) : null}
      {step === 1 && first ? (
        <div>
          <Typography.Paragraph>
            {t('文件', 'File')}: <b>{file?.name}</b>（{first.rows}
            {t('行', ' rows')}）。{t('已知表头会自动对应；未识别的列请指定字段或忽略。', 'Known headers map by themselves; map or ignore the others.')}
          </Typography.Paragraph>
          {first.errors.map((e) => (
            <Alert key={e} type="warning" showIcon title={e} style={{ marginBottom: 8 }} />
          ))}
          <Table
            size="small"
            rowKey="header"
            pagination={false}
            dataSource={headers.map((h) => ({ header: h }))}
            columns={[
              { title: t('文件中的列', 'Column in the file'), dataIndex: 'header' },
              {
                title: t('对应字段', 'Field'),
                key: 'f',
                render: (_: unknown, r: { header: string }) =>
                  first.ignoredColumns.includes(r.header) || mapping[r.header] ? (
                    <Select
                      aria-label={t(`列“${r.header}”对应的字段`, `Field for column “${r.header}”`)}
                      style={{ width: 240 }}
                      allowClear
                      placeholder={t('忽略此列', 'ignore this column')}
                      value={mapping[r.header]}
                      onChange={(v?: string) =>
                        setMapping((m) => {
                          const next = { ...m };
                          if (v) next[r.header] = v;
                          else delete next[r.header];
                          return next;
                        })
                      }
                      options={IMPORT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) + (REQUIRED_IMPORT_FIELDS.includes(f) ? ' *' : '') }))}
                    />
                  ) : (
                    <Tag color="green">{t('自动识别', 'recognised')}</Tag>
                  ),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => setStep(0)}>{t('上一步', 'Back')}</Button>
            <Button type="primary" loading={busy} onClick={() => void dryRun()}>
              {t('试导入（不写入）', 'Dry run (writes nothing)')}
            </Button>
          </Space>
        </div>
      ) : null}
      {step === 2 && preview ? (
        <div>
          <ReportView report={preview} />
          <Space orientation="vertical" style={{ marginTop: 12 }}>
            {mayApprove(me) ? null : <Typography.Text className="muted">{t('导入的数据为草稿，经审批后用于评估。', 'Imported figures are drafts until approved.')}</Typography.Text>}
            <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)}>
              {t('跳过有错误的行，导入其余各行', 'Skip rows with errors and import the rest')}
            </Checkbox>
            {mayApprove(me) ? (
              <Checkbox checked={approve} onChange={(e) => setApprove(e.target.checked)}>
                {t('导入后直接批准（规划处、系统管理员）', 'Approve on import (planner, administrator)')}
              </Checkbox>
            ) : null}
            <Space>
              <Button onClick={() => setStep(1)}>{t('上一步', 'Back')}</Button>
              <Button type="primary" disabled={previewBlocked && !(skip && preview.errors.length === 0)} loading={busy} onClick={() => void commit()}>
                {t('确认导入', 'Import')}
              </Button>
            </Space>
          </Space>
        </div>
      ) : null}
      {step === 3 && done ? (
        <ImportDone
          done={done}
          approvedOnImport={approve}
          onAgain={() => {
            setStep(0);
            setFile(null);
            setMapping({});
            setPreview(null);
            setDone(null);
          }}
        />
      ) : null}
    </div>
  );
}

interface FigureForm {
  approve?: boolean;
  indicator: string;
  region: string;
  period: string;
  value: number;
  unit: string;
  source: string;
  publishedDate?: string;
  quote?: string;
  notes?: string;
}

function SingleFigure() {
  const scope = usePlan();
  const PLAN_ID = scope.planId;
  const { t, l } = useLang();
  const me = useSession().data;
  const [form] = Form.useForm<FigureForm>();
  const inds = useApi<PlanIndicatorDto[]>(PLAN_ID ? `/api/plans/${encodeURIComponent(PLAN_ID)}/indicators` : null);
  const regs = useApi<RegionDto[]>('/api/regions');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  // The data-quality rules' results for the figure just entered (saved or not): the writer sees them at once.
  const [quality, setQuality] = useState<ImportReportDto['quality'] | null>(null);
  const [busy, setBusy] = useState(false);
  const units = useMemo(() => new Map((inds.data ?? []).map((i) => [i.code, i.unit])), [inds.data]);

  const submit = async (v: FigureForm) => {
    setBusy(true);
    setResult(null);
    setQuality(null);
    try {
      const { approve, ...figure } = v;
      const report = await send<ImportReportDto>('/api/observations', 'POST', { figures: [figure], dryRun: false, approve: !!approve }, [422, 403]);
      setQuality(report.quality);
      if (report.committed) {
        setResult({ ok: true, text: t(`已保存（${report.counts.new ? '新增' : report.counts.revision ? '新版本' : '无变化'}）`, `Saved (${report.counts.new ? 'new' : report.counts.revision ? 'revision' : 'unchanged'})`) });
        form.resetFields(['value', 'quote', 'notes']);
      } else {
        // Each problem goes next to its field.
        const byField: Record<string, string[]> = {};
        for (const r of report.rejected) (byField[r.column ?? 'value'] ??= []).push(r.reason);
        form.setFields(Object.entries(byField).filter(([f]) => (IMPORT_FIELDS as readonly string[]).includes(f)).map(([name, errors]) => ({ name: name as keyof FigureForm, errors })));
        setResult({ ok: false, text: [...report.errors, ...report.rejected.map((r) => `${r.column ?? ''}: ${r.reason}`)].join('；') || t('未保存', 'Not saved') });
      }
    } catch (e) {
      setResult({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  if (!mayWrite(me)) return <Alert type="info" showIcon title={t('录入数据需要登录。', 'Entering figures needs a signed-in writer.')} action={<Link to="/login?next=/data">{t('登录', 'Sign in')}</Link>} />;
  return (
    <Form<FigureForm>
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      initialValues={{ region: scope.regionCode ?? undefined, publishedDate: new Date().toISOString().slice(0, 10) }}
      onFinish={(v) => void submit(v)}
      onValuesChange={(changed: Partial<FigureForm>) => {
        if (changed.indicator) form.setFieldValue('unit', units.get(changed.indicator) ?? '');
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="indicator" label={t('指标', 'Indicator')} rules={[{ required: true, message: t('请选择指标', 'Choose an indicator') }]}>
            <Select showSearch optionFilterProp="label" options={(inds.data ?? []).map((i) => ({ value: i.code, label: `${l(i.name)}（${i.code}）` }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="region" label={t('地区', 'Region')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(regs.data ?? []).map((r) => ({ value: r.code, label: l(r.name) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="period"
            label={t('期间', 'Period')}
            extra={t('如 2024、2024H1、2024Q3、2024-01~09', 'e.g. 2024, 2024H1, 2024Q3, 2024-01~09')}
            rules={[{ required: true, message: t('请填写期间', 'Enter a period') }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="value" label={t('数值', 'Value')} rules={[{ required: true, message: t('请填写数值', 'Enter a value') }]}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="unit" label={t('单位', 'Unit')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="source" label={t('来源', 'Source')} rules={[{ required: true, message: t('请填写来源', 'Enter the source') }]}>
            <Input placeholder={t('如：深圳市2024年国民经济和社会发展统计公报', 'e.g. Shenzhen 2024 statistical bulletin')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="publishedDate" label={t('发布日期', 'Published')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="quote" label={t('原文', 'Quote')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </Row>
      {mayApprove(me) ? (
        <Form.Item name="approve" valuePropName="checked">
          <Checkbox>{t('保存后直接批准（规划处、系统管理员）', 'Approve at once (planner, administrator)')}</Checkbox>
        </Form.Item>
      ) : (
        <Typography.Paragraph className="muted">{t('保存后为草稿，经审批后用于评估。', 'Saved as a draft; evaluation uses it once approved.')}</Typography.Paragraph>
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('保存', 'Save')}
      </Button>
      {result ? <Alert style={{ marginTop: 12 }} type={result.ok ? 'success' : 'error'} showIcon title={result.text} /> : null}
      {quality ? <ImportQuality quality={quality} /> : null}
    </Form>
  );
}

export default function DataPage() {
  const scope = usePlan();
  const PLAN_ID = scope.planId;
  const { t } = useLang();
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('数据', 'Data')}
      </Typography.Title>
      <Card size="small">
        <Tabs
          items={[
            { key: 'import', label: t('导入文件', 'Import a file'), children: <ImportWizard /> },
            { key: 'browse', label: t('浏览数据', 'Browse figures'), children: <FiguresBrowser /> },
            { key: 'one', label: t('单条录入', 'One figure'), children: <SingleFigure /> },
            {
              key: 'template',
              label: t('模板', 'Template'),
              children: (
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('导入模板', 'Import template')}>
                    <Button href="/api/observations/template" download>
                      {t('下载 Excel 模板（中文表头、下拉选项）', 'Download the Excel template')}
                    </Button>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('全部数据', 'All figures')}>
                    <Space>
                      <Button href={`/api/observations/export?format=csv&plan=${encodeURIComponent(PLAN_ID ?? '')}`} download>CSV</Button>
                      <Button href={`/api/observations/export?format=xlsx&plan=${encodeURIComponent(PLAN_ID ?? '')}`} download>XLSX</Button>
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
