/**
 * Picks a GB/T 4754-2017 node: the 20 sections to choose from, or any code typed (a division, group or class).
 * A form control (value / onChange), so it sits in an Ant Design Form.Item.
 */
import { AutoComplete } from 'antd';
import { useApi, type IndustryDto } from '../../api';
import { useLang } from '../../i18n';

export function IndustryPicker({ value, onChange, width = 260 }: { value?: string | null; onChange?: (v: string | null) => void; width?: number }) {
  const { t } = useLang();
  const sections = useApi<{ items: IndustryDto[] }>('/api/industries?limit=50');
  return (
    <AutoComplete
      allowClear
      style={{ width }}
      value={value ?? ''}
      placeholder={t('门类字母或行业代码，如 I 或 6513', 'a section letter or a code, e.g. I or 6513')}
      options={(sections.data?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
      filterOption={(input, o) => String(o?.label ?? '').toUpperCase().includes(input.toUpperCase())}
      onChange={(v: string) => onChange?.(v ? v.trim().toUpperCase() : null)}
    />
  );
}
