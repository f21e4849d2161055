/**
 * What kind of publication a figure comes from (统计公报 / 政府工作报告 / 媒体 / 第三方 …), coloured by its standing,
 * with its precision when it is not exact (约数, 下限值): so a reader sees at a glance how official and how exact a
 * number is. Shown on every figure.
 */
import type { ObservationDto } from '../api';
import { useLang } from '../i18n';
import { PRECISION_LABELS, SOURCE_KIND_LABELS, SOURCE_STANDING } from '../../shared/labels';

export function SourceKindTag({ figure }: { figure: Pick<ObservationDto, 'sourceKind' | 'precision' | 'source'> }) {
  const { l, t } = useLang();
  const kind = SOURCE_KIND_LABELS[figure.sourceKind];
  const readAt = figure.source.readAt;
  return (
    <span data-testid="source-kind">
      <span className={`tag tag-standing-${SOURCE_STANDING[figure.sourceKind]}`} title={readAt ? t(`读取自：${readAt}`, `read at: ${readAt}`) : undefined}>
        {l(kind)}
      </span>
      {figure.precision !== 'exact' ? <span className="tag tag-gold">{l(PRECISION_LABELS[figure.precision])}</span> : null}
    </span>
  );
}
