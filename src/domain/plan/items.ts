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
  /** What the plan says about carrying the item out, where it says it (measures: 配合单位, 完成时限; projects: 业主, 投资, 开竣工). */
  details: ItemDetails;
}

export interface ItemDetails {
  /** 配合单位 of a measure. */
  cooperatingDepartments?: string[];
  /** 完成时限: a year (2025) or a month (2025-06). */
  deadline?: string;
  /** 项目业主 / 责任单位 of a project. */
  owner?: string;
  /** 总投资 and 计划投资 by year. */
  investment?: { total: number; unit: string; planned: Record<string, number> };
  /** 开工 / 竣工 years. */
  start?: number;
  finish?: number;
}

const blank = { field: null, action: null, leadDepartments: [], regions: [], indicators: [], details: {} };

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
          details: {
            ...(m.cooperatingDepartments.length > 0 ? { cooperatingDepartments: m.cooperatingDepartments } : {}),
            ...(m.deadline !== undefined ? { deadline: String(m.deadline) } : {}),
          },
        }),
      );
    });
  });
  for (const p of plan.projects) {
    const details: ItemDetails = {
      ...(p.owner !== undefined ? { owner: p.owner } : {}),
      ...(p.investment !== undefined ? { investment: p.investment } : {}),
      ...(p.start !== undefined ? { start: p.start } : {}),
      ...(p.finish !== undefined ? { finish: p.finish } : {}),
    };
    push({ ...blank, key: p.key, kind: 'project', parentKey: null, number: null, title: p.name, text: null, field: p.field, action: p.action ?? null, regions: p.regions, indicators: p.indicators, location: p.location, details });
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
