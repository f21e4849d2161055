/**
 * 评估报告 (contracts.md §4): load the drafted text of an annual, mid-term or final report, edit its sections, and
 * download the file built with the edited text — with a progress bar while it is made and transferred.
 */
import { Alert, Button, Card, Input, InputNumber, Progress, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { useLang, type Lang } from '../i18n';
import { useSession } from '../session';
import { usePlan } from '../plan';

interface Draft {
  title: string;
  sections: { id: string; heading: string; text: string }[];
}
type Kind = 'annual' | 'midterm' | 'final';

/** POST the edited sections and read the file as it streams in, reporting the share received. */
async function download(url: string, body: unknown, onProgress: (share: number | null) => void): Promise<{ blob: Blob; name: string }> {
  const csrf = sessionStorage.getItem('plan-monitor.csrf');
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) }, body: JSON.stringify(body), credentials: 'same-origin' });
  if (!res.ok) {
    const text = await res.text();
    let msg = `HTTP ${res.status}`;
    try {
      msg = (JSON.parse(text) as { error?: string }).error ?? msg;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, msg, text);
  }
  const total = Number(res.headers.get('content-length') ?? 0);
  const reader = res.body?.getReader();
  const chunks: BlobPart[] = [];
  let received = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(total > 0 ? received / total : null);
    }
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'report');
  return { blob: new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' }), name };
}

export default function Report() {
  const scope = usePlan();
  const PLAN_ID = scope.planId;
  const { lang, t } = useLang();
  const me = useSession().data;
  const [kind, setKind] = useState<Kind>('annual');
  // The as-of year lies in the plan's own period (a 2026–2030 plan is not reported as of 2025): last year where the
  // plan runs, else its nearer end.
  const period = scope.plan?.period ?? null;
  const lastYear = new Date().getFullYear() - 1;
  const [chosen, setAsOf] = useState<number | null>(null);
  const asOf = chosen ?? (period ? Math.min(period.end, Math.max(period.start, lastYear)) : lastYear);
  const [reportLang, setReportLang] = useState<Lang>(lang);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const query = `asOf=${asOf}&lang=${reportLang}`;

  const loadDraft = async () => {
    setBusy(true);
    setError(null);
    try {
      setDraft(await api<Draft>(`/api/plans/${encodeURIComponent(PLAN_ID ?? '')}/reports/${kind}/draft?${query}`));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t('本平台尚未提供报告功能。', 'Reports are not available on this platform yet.') : String(e instanceof Error ? e.message : e));
    } finally {
      setBusy(false);
    }
  };
  const get = async (format: 'docx' | 'pdf' | 'xlsx') => {
    if (!draft) return;
    setError(null);
    setProgress(0);
    try {
      const file = await download(`/api/plans/${encodeURIComponent(PLAN_ID ?? '')}/reports/${kind}?${query}&format=${format}`, { sections: draft.sections.map((s) => ({ id: s.id, text: s.text })) }, setProgress);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(file.blob);
      a.download = file.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      setProgress(1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setProgress(undefined);
    }
  };
  if (!me?.signedIn) return <Alert type="info" showIcon title={t('生成报告需要登录。', 'Reports need a signed-in user.')} />;
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('评估报告', 'Evaluation reports')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<Kind>
          aria-label={t('报告类型', 'Report kind')}
          value={kind}
          onChange={setKind}
          style={{ width: 180 }}
          options={[
            { value: 'annual', label: t('年度监测报告', 'Annual monitoring') },
            { value: 'midterm', label: t('中期评估报告', 'Mid-term evaluation') },
            { value: 'final', label: t('总结评估报告', 'Final evaluation') },
          ]}
        />
        <Space.Compact>
          <InputNumber aria-label={t('评估年份', 'As of year')} value={asOf} min={period?.start ?? 1949} max={period?.end ?? 2100} onChange={(v) => v !== null && setAsOf(v)} />
          <Button disabled tabIndex={-1} aria-hidden="true">{t('年', 'year')}</Button>
        </Space.Compact>
        <Select<Lang> aria-label={t('报告语言', 'Report language')} value={reportLang} onChange={setReportLang} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} />
        <Button type="primary" loading={busy} onClick={() => void loadDraft()}>
          {t('生成草稿', 'Draft the text')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {draft ? (
        <Card size="small" title={draft.title}>
          {draft.sections.map((s, i) => (
            <div key={s.id} style={{ marginBottom: 12 }}>
              <label htmlFor={`section-${s.id}`}>
                <Typography.Text strong>{s.heading}</Typography.Text>
              </label>
              <Input.TextArea
                id={`section-${s.id}`}
                autoSize={{ minRows: 3, maxRows: 14 }}
                value={s.text}
                onChange={(e) => setDraft({ ...draft, sections: draft.sections.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })}
              />
            </div>
          ))}
          <Space wrap>
            <Button onClick={() => void get('docx')}>{t('下载 Word', 'Download Word')}</Button>
            <Button onClick={() => void get('pdf')}>{t('下载 PDF', 'Download PDF')}</Button>
            <Button onClick={() => void get('xlsx')}>{t('下载 Excel', 'Download Excel')}</Button>
          </Space>
          {progress !== undefined ? (
            <Progress percent={progress === null ? 50 : Math.round(progress * 100)} status={progress === 1 ? 'success' : 'active'} aria-label={t('下载进度', 'Download progress')} style={{ marginTop: 8 }} />
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
