/**
 * 规划版本: which version of a plan an evaluation uses. A mid-term adjustment (中期调整) is in force from its date; an
 * evaluation as of an earlier date judges against the version then in force, so a past evaluation reads as it did.
 * A version without a date is in force from the start. A year-only as-of (no date) uses the newest version.
 */
export interface VersionRef {
  number: number;
  effectiveFrom: string | null;
}

export function versionInForce<T extends VersionRef>(versions: readonly T[], asOfDate: string | null): T | null {
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  if (asOfDate === null) return sorted[sorted.length - 1] ?? null;
  let chosen: T | null = null;
  for (const v of sorted) if (v.effectiveFrom === null || v.effectiveFrom <= asOfDate) chosen = v;
  return chosen ?? sorted[0] ?? null;
}
