/**
 * What the plan says about carrying an item out: a measure's 配合单位 and 完成时限, a project's 项目业主, 总投资 and
 * 计划投资 by year, 开工 and 竣工 years (plan format: measures and projects). Nothing when the plan says none of it.
 */
import { Descriptions } from 'antd';
import type { PlanItemDto } from '../../api';
import { useLang } from '../../i18n';

/** 2028-06 → 2028年6月; 2030 → 2030年. */
function deadlineText(d: string, zh: boolean): string {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(d);
  if (!m) return d;
  return zh ? `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}` : d;
}

export function CarryingOut({ item }: { item: PlanItemDto }) {
  const { lang, t } = useLang();
  const zh = lang === 'zh';
  const d = item.details;
  const inv = d.investment;
  const planned = inv ? Object.entries(inv.planned).sort(([a], [b]) => a.localeCompare(b)) : [];
  const rows = [
    d.cooperatingDepartments && d.cooperatingDepartments.length > 0 ? { key: 'co', label: t('配合单位', 'Co-operating units'), value: d.cooperatingDepartments.join('、') } : null,
    d.deadline ? { key: 'deadline', label: t('完成时限', 'Deadline'), value: deadlineText(d.deadline, zh) } : null,
    d.owner ? { key: 'owner', label: t('项目业主', 'Owner'), value: d.owner } : null,
    inv ? { key: 'total', label: t('总投资', 'Total investment'), value: `${inv.total}${inv.unit}` } : null,
    planned.length > 0 ? { key: 'planned', label: t('计划投资', 'Planned investment'), value: planned.map(([y, v]) => (zh ? `${y}年${v}${inv?.unit ?? ''}` : `${y}: ${v} ${inv?.unit ?? ''}`)).join(zh ? '，' : '; ') } : null,
    d.start !== undefined || d.finish !== undefined ? { key: 'years', label: t('建设年限', 'Years'), value: `${d.start ?? '?'}—${d.finish ?? '?'}${zh ? '年' : ''}` } : null,
  ].filter((r): r is { key: string; label: string; value: string } => r !== null);
  if (rows.length === 0) return null;
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }} data-testid="carrying-out">
      {rows.map((r) => (
        <Descriptions.Item key={r.key} label={r.label}>
          {r.value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
