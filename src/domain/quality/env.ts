/**
 * What each rule kind works with while one figure (the subject) is checked: the cells with the subject standing in
 * its own cell, the regions, how changes are measured, and the emitter that counts outcomes and keeps the results
 * asked for.
 */
import type { Region } from '../region/region';
import type { LocalizedText } from '../text';
import { isValidOn } from '../region/region';
import { monthRange, type Period } from '../period/period';
import type { Cells, ChangeKind } from './cells';
import type { QualityFigure } from './figure';
import { violationKey, type InvolvedFigure, type Outcome, type RuleResult } from './result';
import type { ActiveRule } from './ruleSet';
import type { IndicatorInfo } from './ruleSet';
import type { Severity } from './rules';

/** A rule a subject failed (noted for every failure, kept as a result or not). */
export interface FailedRule {
  ruleId: string;
  severity: Severity;
}

export interface Counts {
  pass: number;
  fail: number;
  skipped: number;
}

export class Env {
  subject!: QualityFigure; // set by the engine before any check runs (setSubject)
  private readonly childrenMemo = new Map<string, string[]>();

  constructor(
    readonly cells: Cells,
    readonly indicators: ReadonlyMap<string, IndicatorInfo>,
    private readonly changeKinds: ReadonlyMap<string, ChangeKind>,
    private readonly regions: readonly Region[],
    /** 'failures': a check of the whole database (every figure a subject); 'all': a few figures' every result. */
    readonly keep: 'all' | 'failures',
    private readonly out: RuleResult[],
    private readonly counts: Map<string, Counts>,
    /** How many more results that are not failures may be kept. */
    private othersLeft: number = Number.POSITIVE_INFINITY,
    /** With keep 'all': how many more failures of each severity may be kept (errors and warnings apart). */
    private readonly failuresLeft: Record<Severity, number> = { error: Number.POSITIVE_INFINITY, warning: Number.POSITIVE_INFINITY },
    /** With keep 'all': where to note every failing subject and its rules, kept or not (null: not noted). */
    private readonly failing: Map<number, FailedRule[]> | null = null,
  ) {}

  /** Whether the subject is the figure chosen for its cell (then every comparison it takes part in is everyone's). */
  private subjectChosen = false;
  private readonly visited = new Map<ActiveRule, Uint8Array | Set<number>>();

  /** @param chosen the figure chosen for the subject's cell, if the caller has it at hand */
  setSubject(s: QualityFigure, chosen: QualityFigure | undefined = this.cells.get(s.indicatorCode, s.regionCode, s.periodCode)): void {
    this.subject = s;
    this.subjectChosen = this.keep === 'failures' && chosen === s;
  }

  /**
   * Whether to evaluate a comparison (an instance of a rule, named by one of its cells' keys). Over the whole
   * database a comparison among chosen figures is the same from whichever of them it is reached: it runs once.
   */
  firstVisit(active: ActiveRule, instance: number): boolean {
    if (!this.subjectChosen || instance < 0) return true;
    let seen = this.visited.get(active);
    // A mark per key when keys index a flat table (an array read, not a hash of a large number).
    if (!seen) this.visited.set(active, (seen = this.cells.denseKeys ? new Uint8Array(this.cells.keySpace) : new Set()));
    if (seen instanceof Uint8Array) {
      if (seen[instance] === 1) return false;
      seen[instance] = 1;
      return true;
    }
    if (seen.has(instance)) return false;
    seen.add(instance);
    return true;
  }

  /** The figure of a cell: the subject in its own cell, else the one the pool's preference chooses. */
  get(indicator: string, region: string, periodCode: string): QualityFigure | undefined {
    const s = this.subject;
    if (indicator === s.indicatorCode && region === s.regionCode && periodCode === s.periodCode) return s;
    return this.cells.get(indicator, region, periodCode);
  }

  /** Whether the subject cannot stand for its cell (an amount at comparable prices): identities skip it. */
  subjectExcluded(): boolean {
    return this.cells.excluded(this.subject);
  }

  changeKind(indicator: string): ChangeKind {
    return this.changeKinds.get(indicator) ?? 'ratio';
  }

  /** The regions whose parent is `total` and that existed on the last day of the period. */
  children(total: string, period: Period, periodCode: string): string[] {
    const k = `${total}\u0001${periodCode}`;
    let list = this.childrenMemo.get(k);
    if (!list) {
      const { end } = monthRange(period);
      const last = new Date(Date.UTC(end.year, end.month, 0)).toISOString().slice(0, 10);
      list = this.regions.filter((r) => r.parentCode === total && isValidOn(r, last)).map((r) => r.code);
      this.childrenMemo.set(k, list);
    }
    return list;
  }

  /**
   * Counts one outcome of a rule; true when its result is to be kept (every result for a file's rows, failures only
   * for a check of the whole database) — then call `record`. Hot paths build figures and messages only when kept.
   */
  tally(active: ActiveRule, outcome: Outcome): boolean {
    const id = active.rule.id;
    let c = this.counts.get(id);
    if (!c) this.counts.set(id, (c = { pass: 0, fail: 0, skipped: 0 }));
    c[outcome] += 1;
    if (outcome === 'fail') {
      if (this.keep === 'failures') return true;
      const severity = active.rule.severity;
      if (this.failing) {
        const list = this.failing.get(this.subject.id);
        const failed = { ruleId: id, severity };
        if (list) list.push(failed);
        else this.failing.set(this.subject.id, [failed]);
      }
      // A file of a million rows may fail a million times: the report lists the first ones of each severity (so an
      // error is never crowded out by warnings), and every failure is counted.
      if (this.failuresLeft[severity] <= 0) return false;
      this.failuresLeft[severity]--;
      return true;
    }
    if (this.keep === 'failures' || this.othersLeft <= 0) return false;
    this.othersLeft--;
    return true;
  }

  /** Keeps a result counted by `tally`. */
  record(active: ActiveRule, outcome: Outcome, figures: InvolvedFigure[], message: LocalizedText, anchor?: QualityFigure): void {
    const a = anchor ?? this.subject;
    this.out.push({
      ruleId: active.rule.id,
      severity: active.rule.severity,
      outcome,
      subjectId: this.subject.id,
      figures,
      message,
      key: violationKey(active.rule.id, figures.map((f) => f.id)),
      anchor: { indicatorCode: a.indicatorCode, regionCode: a.regionCode, periodCode: a.periodCode },
    });
  }

  /**
   * tally, then record when kept: the figures and the message are built only then (a file's rows count tens of
   * thousands of results and keep a thousand; building every one's figures was most of a check's garbage). Pass
   * unnamed arrows calling module-level builders: under tsx (esbuild keepNames) a named closure made per figure is
   * also given its name at creation.
   */
  emit(active: ActiveRule, outcome: Outcome, figures: () => InvolvedFigure[], message: () => LocalizedText, anchor?: QualityFigure): void {
    if (this.tally(active, outcome)) this.record(active, outcome, figures(), message(), anchor);
  }
}

/** A figure as a check names it. */
export function involved(f: QualityFigure, role: string): InvolvedFigure {
  return { id: f.id, role, indicatorCode: f.indicatorCode, regionCode: f.regionCode, periodCode: f.periodCode, value: f.valueStd };
}

/** The figures of a result that are present, each named by its role, in the order given. */
export function involvedPresent(...figures: ReadonlyArray<readonly [QualityFigure | undefined, string]>): InvolvedFigure[] {
  const out: InvolvedFigure[] = [];
  for (const [f, role] of figures) if (f) out.push(involved(f, role));
  return out;
}

/** "GDP 440300 2023（34606.4）" — how a figure is named in a message. */
export function named(f: QualityFigure): string {
  return `${f.indicatorCode} ${f.regionCode} ${f.periodCode}（${f.valueStd}）`;
}

/** A cell no figure fills, named for a message. */
export function missingCell(indicator: string, region: string, periodCode: string): string {
  return `${indicator} ${region} ${periodCode}`;
}

/** When figures stand on different revision bases (census vintages) nothing is compared. */
export function sameBasis(env: Env, figures: readonly QualityFigure[]): boolean {
  const first = figures[0];
  if (!first) return true;
  const b = env.cells.basis(first);
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i];
    if (f && env.cells.basis(f) !== b) return false;
  }
  return true;
}

export const DIFFERENT_BASES: LocalizedText = {
  zh: '所比较的数据分属经济普查修订前后的不同口径，未比较',
  en: 'the figures stand on different revision bases (before and after an economic-census revision): not compared',
};
