/**
 * Flattens a plan's nested text (chapters → sections → groups → measures) and its 专栏 lists into one list of
 * plan items, each knowing where it stands in the plan, so that any item can be shown, searched and cited alone.
 */
import type { LocalizedText } from '../text';
import type { Location, PlanDocument } from './schema';
import type { PlanItemKind } from './terms';

export interface PlanItem {
  key: string;
  kind: PlanItemKind;
  parentKey: string | null;
  /** Order of the item in the plan, 0-based across the whole file. */
  ordinal: number;
  /** The printed number: 三, (一), 1. */
  number: string | null;
  title: LocalizedText;
  text: { zh: string; en?: string | undefined } | null;
  /** 领域: the field a project or park belongs to (信息服务, 金融业 …). */
  field: LocalizedText | null;
  /** What is to be built or done (推动…建设, 探索设立 …). */
  action: LocalizedText | null;
  leadDepartments: string[];
  regions: string[];
  indicators: string[];
  location: Location;
}

const blank = { field: null, action: null, leadDepartments: [], regions: [], indicators: [] };

/**
 * @param regionName names a district direction after its region (专栏4 entries are titled by district).
 */
export function planItems(plan: PlanDocument, regionName: (code: string) => LocalizedText = (c) => ({ zh: c, en: c })): PlanItem[] {
  const items: PlanItem[] = [];
  const push = (item: Omit<PlanItem, 'ordinal'>) => items.push({ ...item, ordinal: items.length });

  plan.chapters.forEach((ch, c) => {
    const chapterKey = `c${c + 1}`;
    push({ ...blank, key: chapterKey, kind: 'chapter', parentKey: null, number: ch.number, title: ch.title, text: ch.text ?? null, location: { chapter: ch.number } });
    ch.sections.forEach((sec, s) => {
      const sectionKey = `${chapterKey}-s${s + 1}`;
      const loc = { chapter: ch.number, section: sec.number };
      push({ ...blank, key: sectionKey, kind: 'section', parentKey: chapterKey, number: sec.number, title: sec.title, text: sec.text ?? null, location: loc });
      const groupOf = new Map<string, string>();
      sec.groups?.forEach((g, gi) => {
        const groupKey = `${sectionKey}-g${gi + 1}`;
        push({ ...blank, key: groupKey, kind: 'group', parentKey: sectionKey, number: g.number, title: g.title, text: null, location: loc });
        g.measureKeys.forEach((mk) => groupOf.set(mk, groupKey));
      });
      sec.measures.forEach((m) =>
        push({
          ...blank,
          key: m.key,
          kind: 'measure',
          parentKey: groupOf.get(m.key) ?? sectionKey,
          number: null,
          title: m.title,
          text: m.text,
          leadDepartments: m.leadDepartments,
          regions: m.regions,
          indicators: m.indicators,
          location: loc,
        }),
      );
    });
  });
  for (const p of plan.projects) {
    push({ ...blank, key: p.key, kind: 'project', parentKey: null, number: null, title: p.name, text: null, field: p.field, action: p.action ?? null, regions: p.regions, indicators: p.indicators, location: p.location });
  }
  for (const d of plan.districtDirections) {
    push({ ...blank, key: d.key, kind: 'district_direction', parentKey: null, number: null, title: regionName(d.region), text: d.text, regions: [d.region], location: d.location });
  }
  for (const b of plan.bases) {
    push({ ...blank, key: b.key, kind: 'base', parentKey: null, number: null, title: b.name, text: b.text, regions: b.regions, indicators: b.indicators, location: b.location });
  }
  for (const p of plan.parks) {
    push({ ...blank, key: p.key, kind: 'park', parentKey: null, number: null, title: p.name, text: null, field: p.field, regions: p.regions, indicators: p.indicators, location: p.location });
  }
  return items;
}
