/**
 * The data-quality rule results of an import (its dry run, or the committed import's report), row by row beside
 * the cell errors: violations first, then what passed, then what could not be checked and why.
 */
import { Alert, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ImportReportDto } from '../../api';
import { useLang } from '../../i18n';
import { InvolvedFigures } from './InvolvedFigures';

type Result = ImportReportDto['quality']['results'][number];

export function OutcomeTag({ r }: { r: Pick<Result, 'outcome' | 'severity'> }) {
  const { t } = useLang();
  if (r.outcome === 'pass') return <Tag color="green">{t('通过', 'pass')}</Tag>;
  if (r.outcome === 'skipped') return <Tag>{t('未检查', 'not checked')}</Tag>;
  return r.severity === 'error' ? <Tag color="red">{t('错误', 'error')}</Tag> : <Tag color="gold">{t('警告', 'warning')}</Tag>;
}

export function ImportQuality({ quality }: { quality: ImportReportDto['quality'] }) {
  const { t, l } = useLang();
  const [show, setShow] = useState<'fail' | 'all'>('fail');
  const c = quality.counts;
  if (c.pass + c.errors + c.warnings + c.skipped === 0) return null;
  const rows = show === 'fail' ? quality.results.filter((r) => r.outcome === 'fail') : quality.results;
  return (
    <div style={{ marginTop: 12 }} data-testid="import-quality">
      <Space wrap style={{ marginBottom: 8 }}>
        <strong>{t('数据质量审核', 'Data-quality rules')}</strong>
        <Tag color={c.errors ? 'red' : 'default'}>{t(`错误 ${c.errors}`, `${c.errors} errors`)}</Tag>
        <Tag color={c.warnings ? 'gold' : 'default'}>{t(`警告 ${c.warnings}`, `${c.warnings} warnings`)}</Tag>
        <Tag color="green">{t(`通过 ${c.pass}`, `${c.pass} passed`)}</Tag>
        <Tag>{t(`未检查 ${c.skipped}`, `${c.skipped} not checked`)}</Tag>
        <Radio.Group size="small" value={show} onChange={(e) => setShow(e.target.value as typeof show)}>
          <Radio.Button value="fail">{t('只看问题', 'Violations')}</Radio.Button>
          <Radio.Button value="all">{t('全部结果', 'Every result')}</Radio.Button>
        </Radio.Group>
      </Space>
      {c.errors + c.warnings > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('有问题的数据仍可作为草稿导入；审批时错误级问题不能批准，警告须填写意见确认。', 'Figures with violations can still be imported as drafts; at approval an error blocks, a warning needs a comment.')}
        />
      ) : null}
      <Table<Result>
        size="small"
        rowKey={(r) => `${r.row}-${r.ruleId}-${r.message.en}`}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('行', 'Row'), dataIndex: 'row', width: 60 },
          { title: t('结果', 'Result'), key: 'o', width: 90, render: (_: unknown, r: Result) => <OutcomeTag r={r} /> },
          { title: t('规则', 'Rule'), key: 'rule', render: (_: unknown, r: Result) => l(r.ruleName) },
          { title: t('说明', 'What was compared'), key: 'm', render: (_: unknown, r: Result) => <span style={{ fontSize: 12 }}>{l(r.message)}</span> },
          { title: t('涉及数据', 'Figures'), key: 'f', render: (_: unknown, r: Result) => <InvolvedFigures figures={r.figures} /> },
        ]}
      />
      {quality.truncated ? <Alert type="info" showIcon title={t('结果较多，仅列出前1000条（计数完整）。', 'Only the first 1000 results are listed (the counts are complete).')} /> : null}
    </div>
  );
}
