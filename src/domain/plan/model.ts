/** What a loaded plan looks like to the rest of the platform (read side). */
import type { EvaluationSettings } from '../evaluation/settings';
import type { LocalizedText } from '../text';
import type { PlanTarget } from './targets';
import type { Location } from './schema';
import type { Comparator, Direction, IndicatorAttribute, IndicatorCategory } from './terms';

export interface PlanSummary {
  id: string;
  name: LocalizedText;
  shortName: LocalizedText | null;
  issuer: LocalizedText;
  regionCode: string;
  period: { start: number; end: number };
  baseYear: number;
  /** 已发布: readable by the public; otherwise only by signed-in users. */
  published: boolean;
  /** How targets are judged where the plan does not say. */
  evaluation: EvaluationSettings;
  /** 规划版本: 1 as issued; a mid-term adjustment (中期调整) is a later version in force from its date. */
  version: { number: number; effectiveFrom: string | null; label: LocalizedText | null };
  source: { title: string | null; file: string | null };
  loadedAt: string;
}

/** 目标值 with the comparator that says how to read it. */
export interface Target {
  value: number;
  year: number;
  printed: string | null;
  comparator: Comparator;
  /** Half-width of the 左右 band, in the indicator's unit; null unless comparator is about. */
  tolerance: number | null;
  wording: string | null;
  /** A range target (5%—6%) read as its band: inside it the target is met (已完成, not 基本完成). */
  range?: boolean;
}

/** 基期值. */
export interface Baseline {
  value: number;
  year: number;
  quote: string | null;
}

export interface PlanIndicator {
  code: string;
  system: boolean;
  category: IndicatorCategory;
  number: number | null;
  name: LocalizedText;
  unit: string;
  attribute: IndicatorAttribute;
  direction: Direction;
  baseline: Baseline | null;
  /** The plan's own (last) target when it is a level or a range; null for other kinds (see `targets`). */
  target: Target | null;
  /** Every target year as the plan states it, milestones first (./targets.ts). */
  targets: PlanTarget[];
  /** 统计频率. */
  frequency: 'annual' | 'quarterly' | 'monthly';
  /** 责任单位. */
  responsible: string[];
  /** 年均增长x%: average growth per year from fromYear to toYear, in percent. */
  growthTarget: { ratePercent: number; fromYear: number; toYear: number; printed: string; basis: 'nominal' | 'real' } | null;
  share: { numerator: string; denominator: string } | null;
  location: Location | null;
  notes: string | null;
}

/** An indicator of the shared catalogue, as the plans define it. */
export interface CatalogueIndicator {
  code: string;
  name: LocalizedText;
  unit: string;
  numeratorCode: string | null;
  denominatorCode: string | null;
  /** For a growth rate: the indicator whose year-on-year change it is. */
  growthOf: string | null;
}
