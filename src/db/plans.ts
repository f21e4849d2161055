/** Queries on plans, their indicators and their items. Each returns domain types. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PlanItem } from '../domain/plan/items';
import type { CatalogueIndicator, PlanIndicator, PlanSummary } from '../domain/plan/model';
import type { PlanDocument } from '../domain/plan/schema';
import { planIndicatorFromDef } from '../domain/plan/indicator';
import type { Comparator, Direction, IndicatorAttribute, IndicatorCategory, PlanItemKind } from '../domain/plan/terms';
import type { Db } from './client';
import { numberToNumeric, numericToNumber } from './numeric';
import { indicators, planIndicators, planItems, plans, planVersions } from './schema';

/** The plan loaded from a file with this content hash, with its counts; null when no plan has it. */
export async function planByContentHash(db: Db, contentHash: string): Promise<{ planId: string; indicators: number; items: number } | null> {
  const rows = await db
    .select({
      planId: plans.id,
      indicators: sql<number>`(select count(*)::int from ${planIndicators} where ${planIndicators.planId} = ${plans.id})`,
      items: sql<number>`(select count(*)::int from ${planItems} where ${planItems.planId} = ${plans.id})`,
    })
    .from(plans)
    .where(eq(plans.contentHash, contentHash));
  return rows[0] ?? null;
}

export async function catalogueByCodes(db: Db, codes: readonly string[]): Promise<Map<string, CatalogueIndicator>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select().from(indicators).where(inArray(indicators.code, [...codes]));
  return new Map(rows.map((r) => [r.code, catalogueIndicator(r)]));
}

/** The whole indicator catalogue, by code. */
export async function listCatalogue(db: Db): Promise<CatalogueIndicator[]> {
  const rows = await db.select().from(indicators).orderBy(asc(indicators.code));
  return rows.map(catalogueIndicator);
}

function catalogueIndicator(r: typeof indicators.$inferSelect): CatalogueIndicator {
  return { code: r.code, name: { zh: r.nameZh, en: r.nameEn }, unit: r.unit, numeratorCode: r.numeratorCode, denominatorCode: r.denominatorCode, growthOf: r.growthOf };
}

/**
 * Replaces a plan's definition (plan row, its indicators and items) with the given document. Call inside a
 * transaction. Figures are keyed by the shared indicator catalogue, which is only added to, so they survive.
 */
export async function replacePlan(db: Db, plan: PlanDocument, items: readonly PlanItem[], contentHash: string): Promise<void> {
  const row = {
    id: plan.id,
    nameZh: plan.name.zh,
    nameEn: plan.name.en,
    shortNameZh: plan.shortName?.zh ?? null,
    shortNameEn: plan.shortName?.en ?? null,
    issuerZh: plan.issuer.zh,
    issuerEn: plan.issuer.en,
    regionCode: plan.region,
    periodStart: plan.period.start,
    periodEnd: plan.period.end,
    baseYear: plan.baseYear,
    published: plan.published,
    evaluationSettings: plan.evaluation,
    version: plan.version.number,
    versionEffectiveFrom: plan.version.number > 1 ? plan.version.effectiveFrom : null,
    versionLabel: plan.version.label ?? null,
    sourceTitle: plan.source?.title ?? null,
    sourceFile: plan.source?.file ?? null,
    contentHash,
    loadedAt: new Date(),
  };
  await db.insert(plans).values(row).onConflictDoUpdate({ target: plans.id, set: row });

  // Catalogue first without formulas (a numerator may be defined later in the file), then the formulas.
  for (const ind of plan.indicators) {
    await db
      .insert(indicators)
      .values({ code: ind.code, nameZh: ind.name.zh, nameEn: ind.name.en, unit: ind.unit })
      .onConflictDoUpdate({ target: indicators.code, set: { nameZh: ind.name.zh, nameEn: ind.name.en } });
  }
  for (const ind of plan.indicators.filter((i) => i.share)) {
    await db
      .update(indicators)
      .set({ numeratorCode: ind.share?.numerator ?? null, denominatorCode: ind.share?.denominator ?? null })
      .where(eq(indicators.code, ind.code));
  }

  await db.delete(planIndicators).where(eq(planIndicators.planId, plan.id));
  await db.insert(planIndicators).values(
    plan.indicators.map((ind, ordinal) => ({
      planId: plan.id,
      indicatorCode: ind.code,
      ordinal,
      system: ind.system,
      category: ind.category,
      number: ind.number ?? null,
      nameZh: ind.name.zh,
      nameEn: ind.name.en,
      unit: ind.unit,
      attribute: ind.attribute,
      direction: ind.direction,
      baselineValue: numberToNumeric(ind.baseline?.value),
      baselineYear: ind.baseline?.year ?? null,
      baselineQuote: ind.baseline?.quote ?? null,
      targetValue: numberToNumeric(ind.target?.value),
      targetYear: ind.target?.year ?? null,
      targetPrinted: ind.target?.printed ?? null,
      comparator: ind.target?.comparator ?? null,
      tolerance: numberToNumeric(ind.target?.tolerance),
      targetWording: ind.target?.wording ?? null,
      growthRatePercent: numberToNumeric(ind.growthTarget?.ratePercent),
      growthFromYear: ind.growthTarget?.fromYear ?? null,
      growthToYear: ind.growthTarget?.toYear ?? null,
      growthPrinted: ind.growthTarget?.printed ?? null,
      growthBasis: ind.growthTarget?.basis ?? null,
      location: ind.location ?? null,
      notes: ind.notes ?? null,
      definition: ind,
    })),
  );

  await db.delete(planItems).where(eq(planItems.planId, plan.id));
  const itemRows = items.map((it) => ({
    planId: plan.id,
    key: it.key,
    kind: it.kind,
    parentKey: it.parentKey,
    ordinal: it.ordinal,
    number: it.number,
    titleZh: it.title.zh,
    titleEn: it.title.en,
    textZh: it.text?.zh ?? null,
    textEn: it.text?.en ?? null,
    fieldZh: it.field?.zh ?? null,
    fieldEn: it.field?.en ?? null,
    actionZh: it.action?.zh ?? null,
    actionEn: it.action?.en ?? null,
    leadDepartments: it.leadDepartments,
    regionCodes: it.regions,
    indicatorCodes: it.indicators,
    location: it.location,
    details: it.details,
  }));
  // Batches keep each statement well under PostgreSQL's 65535-parameter limit.
  for (let i = 0; i < itemRows.length; i += 500) await db.insert(planItems).values(itemRows.slice(i, i + 500));
}

function toSummary(r: typeof plans.$inferSelect): PlanSummary {
  return {
    id: r.id,
    name: { zh: r.nameZh, en: r.nameEn },
    shortName: r.shortNameZh !== null && r.shortNameEn !== null ? { zh: r.shortNameZh, en: r.shortNameEn } : null,
    issuer: { zh: r.issuerZh, en: r.issuerEn },
    regionCode: r.regionCode,
    period: { start: r.periodStart, end: r.periodEnd },
    baseYear: r.baseYear,
    published: r.published,
    evaluation: r.evaluationSettings,
    version: { number: r.version, effectiveFrom: r.versionEffectiveFrom, label: r.versionLabel ?? null },
    source: { title: r.sourceTitle, file: r.sourceFile },
    loadedAt: r.loadedAt.toISOString(),
  };
}

export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const rows = await db.select().from(plans).orderBy(asc(plans.periodStart), asc(plans.id));
  return rows.map(toSummary);
}

export async function getPlan(db: Db, planId: string): Promise<PlanSummary | null> {
  const rows = await db.select().from(plans).where(eq(plans.id, planId));
  const row = rows[0];
  return row ? toSummary(row) : null;
}

export async function listPlanIndicators(db: Db, planId: string): Promise<PlanIndicator[]> {
  const rows = await db
    .select({ pi: planIndicators, numerator: indicators.numeratorCode, denominator: indicators.denominatorCode })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.code, planIndicators.indicatorCode))
    .where(eq(planIndicators.planId, planId))
    .orderBy(asc(planIndicators.ordinal));
  const baseYear = (await db.select({ baseYear: plans.baseYear }).from(plans).where(eq(plans.id, planId)))[0]?.baseYear ?? 0;
  return rows.map(({ pi, numerator, denominator }) => {
    // The definition as the file states it, read by the one domain function every plan version uses.
    if (pi.definition) {
      const fromDef = planIndicatorFromDef(pi.definition, baseYear);
      // A share's parts may be stated in the catalogue rather than the plan file.
      return fromDef.share || numerator === null || denominator === null ? fromDef : { ...fromDef, share: { numerator, denominator } };
    }
    const baselineValue = numericToNumber(pi.baselineValue);
    const targetValue = numericToNumber(pi.targetValue);
    const growthRate = numericToNumber(pi.growthRatePercent);
    const target =
      targetValue !== null && pi.targetYear !== null && pi.comparator !== null
        ? { value: targetValue, year: pi.targetYear, printed: pi.targetPrinted, comparator: pi.comparator as Comparator, tolerance: numericToNumber(pi.tolerance), wording: pi.targetWording }
        : null;
    return {
      code: pi.indicatorCode,
      system: pi.system,
      category: pi.category as IndicatorCategory,
      number: pi.number,
      name: { zh: pi.nameZh, en: pi.nameEn },
      unit: pi.unit,
      attribute: pi.attribute as IndicatorAttribute,
      direction: pi.direction as Direction,
      baseline: baselineValue !== null && pi.baselineYear !== null ? { value: baselineValue, year: pi.baselineYear, quote: pi.baselineQuote } : null,
      target,
      targets: target ? [{ kind: 'level' as const, year: target.year, printed: target.printed ?? '', wording: target.wording, milestone: false, value: target.value, comparator: target.comparator, tolerance: target.tolerance }] : [],
      frequency: 'annual' as const,
      responsible: [],
      growthTarget:
        growthRate !== null && pi.growthFromYear !== null && pi.growthToYear !== null
          ? { ratePercent: growthRate, fromYear: pi.growthFromYear, toYear: pi.growthToYear, printed: pi.growthPrinted ?? `${growthRate}%`, basis: pi.growthBasis === 'real' ? ('real' as const) : ('nominal' as const) }
          : null,
      share: numerator !== null && denominator !== null ? { numerator, denominator } : null,
      location: pi.location ?? null,
      notes: pi.notes,
    };
  });
}

export async function listPlanItems(db: Db, planId: string, kind?: PlanItemKind): Promise<PlanItem[]> {
  const where = kind === undefined ? eq(planItems.planId, planId) : and(eq(planItems.planId, planId), eq(planItems.kind, kind));
  const rows = await db.select().from(planItems).where(where).orderBy(asc(planItems.ordinal));
  return rows.map((r) => ({
    key: r.key,
    kind: r.kind as PlanItemKind,
    parentKey: r.parentKey,
    ordinal: r.ordinal,
    number: r.number,
    title: { zh: r.titleZh, en: r.titleEn },
    text: r.textZh === null ? null : { zh: r.textZh, en: r.textEn ?? undefined },
    field: r.fieldZh !== null && r.fieldEn !== null ? { zh: r.fieldZh, en: r.fieldEn } : null,
    action: r.actionZh !== null && r.actionEn !== null ? { zh: r.actionZh, en: r.actionEn } : null,
    leadDepartments: r.leadDepartments,
    regions: r.regionCodes,
    details: r.details,
    indicators: r.indicatorCodes,
    location: r.location,
  }));
}

/** Adds catalogue entries (or updates their names and notes); units and formulas were checked by the caller. */
export async function upsertCatalogue(
  db: Db,
  entries: ReadonlyArray<{ code: string; name: { zh: string; en: string }; unit: string; share?: { numerator: string; denominator: string } | undefined; growthOf?: string | undefined; notes?: string | undefined }>,
): Promise<void> {
  for (const e of entries) {
    const row = { code: e.code, nameZh: e.name.zh, nameEn: e.name.en, unit: e.unit, notes: e.notes ?? null };
    await db.insert(indicators).values(row).onConflictDoUpdate({ target: indicators.code, set: { nameZh: row.nameZh, nameEn: row.nameEn, notes: row.notes } });
  }
  // References to other entries are set once every entry exists (the file may name them in any order).
  for (const e of entries.filter((x) => x.share || x.growthOf)) {
    await db
      .update(indicators)
      .set({ ...(e.share ? { numeratorCode: e.share.numerator, denominatorCode: e.share.denominator } : {}), ...(e.growthOf ? { growthOf: e.growthOf } : {}) })
      .where(eq(indicators.code, e.code));
  }
}

/** Records (or replaces) one version of a plan with its whole document, for evaluations as of earlier dates. */
export async function upsertPlanVersion(db: Db, plan: PlanDocument, contentHash: string): Promise<void> {
  const row = {
    planId: plan.id,
    version: plan.version.number,
    effectiveFrom: plan.version.number > 1 ? plan.version.effectiveFrom : null,
    label: plan.version.label ?? null,
    document: plan,
    contentHash,
    loadedAt: new Date(),
  };
  await db.insert(planVersions).values(row).onConflictDoUpdate({ target: [planVersions.planId, planVersions.version], set: row });
}

/** Every version of a plan (number, in force from, label), oldest first; the document only when asked. */
export async function listPlanVersions(db: Db, planId: string): Promise<Array<{ number: number; effectiveFrom: string | null; label: { zh: string; en: string } | null }>> {
  const rows = await db.select({ number: planVersions.version, effectiveFrom: planVersions.effectiveFrom, label: planVersions.label }).from(planVersions).where(eq(planVersions.planId, planId)).orderBy(asc(planVersions.version));
  return rows.map((r) => ({ number: r.number, effectiveFrom: r.effectiveFrom, label: r.label ?? null }));
}

/** The stored document of one version of a plan, or null. */
export async function planVersionDocument(db: Db, planId: string, version: number): Promise<PlanDocument | null> {
  const rows = await db.select({ document: planVersions.document }).from(planVersions).where(and(eq(planVersions.planId, planId), eq(planVersions.version, version)));
  return rows[0]?.document ?? null;
}

/** The version a file with this content hash was loaded as, if any. */
export async function planVersionByContentHash(db: Db, contentHash: string): Promise<{ planId: string; version: number } | null> {
  const rows = await db.select({ planId: planVersions.planId, version: planVersions.version }).from(planVersions).where(eq(planVersions.contentHash, contentHash));
  return rows[0] ?? null;
}
