/**
 * The approvals queue's data-quality column: every rule result of each figure (GET /api/quality/figures), the
 * violations first — an error blocks approval, a warning needs the approver's comment, which acknowledges it.
 */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, type FiguresQualityDto } from '../../api';
import { useLang } from '../../i18n';
import { InvolvedFigures } from './InvolvedFigures';

type Results = FiguresQualityDto['items'][number]['results'];

/** The rule results of the given figures, by figure id (fetched 200 ids at a time; refetched when the ids change). */
export function useFiguresQuality(ids: readonly number[] | undefined): Map<number, Results> | null {
  const key = (ids ?? []).join(',');
  const [byId, setById] = useState<Map<number, Results> | null>(null);
  useEffect(() => {
    if (key === '') return setById(new Map());
    let live = true;
    const list = key.split(',');
    const chunks = Array.from({ length: Math.ceil(list.length / 200) }, (_, i) => list.slice(i * 200, i * 200 + 200).join(','));
    Promise.all(chunks.map((c) => api<FiguresQualityDto>(`/api/quality/figures?ids=${c}`))).then(
      (pages) => live && setById(new Map(pages.flatMap((p) => p.items.map((i) => [i.observationId, i.results] as const)))),
      () => live && setById(new Map()),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return byId;
}

export function FigureQuality({ results }: { results: Results | undefined }) {
  const { t, l } = useLang();
  const failed = useMemo(() => (results ?? []).filter((r) => r.outcome === 'fail'), [results]);
  if (!results) return <Typography.Text type="secondary">…</Typography.Text>;
  const checked = results.filter((r) => r.outcome !== 'skipped').length;
  if (failed.length === 0) {
    return <Tag color="green">{t(`通过 ${checked} 项规则`, `${checked} rules passed`)}</Tag>;
  }
  const open = failed.filter((r) => r.severity === 'warning' && !r.acknowledgement).length;
  return (
    <Space orientation="vertical" size={2} data-testid="figure-quality">
      {failed.map((r) => (
        <div key={r.key}>
          <Tooltip title={l(r.message)}>
            <Tag color={r.severity === 'error' ? 'red' : r.acknowledgement ? 'default' : 'gold'}>
              {r.severity === 'error' ? t('错误', 'error') : r.acknowledgement ? t('警告（已确认）', 'warning (acknowledged)') : t('警告', 'warning')} · {l(r.ruleName)}
            </Tag>
          </Tooltip>
          <div style={{ fontSize: 12, maxWidth: 360 }}>{l(r.message)}</div>
          <InvolvedFigures figures={r.figures} />
        </div>
      ))}
      {failed.some((r) => r.severity === 'error') ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('存在错误级问题，不能批准：请退回更正。', 'An error-level violation blocks approval: reject it for correction.')}</Typography.Text>
      ) : open > 0 ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>{t(`批准时须填写意见，确认 ${open} 条警告。`, `Approving needs a comment acknowledging ${open} warning(s).`)}</Typography.Text>
      ) : null}
    </Space>
  );
}
