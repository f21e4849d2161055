/**
 * Reading the enterprise registry: search and one enterprise's page. Both are microdata (an individual enterprise's
 * registry and figures); the route admits readers with read:microdata only, and every read is recorded in the audit
 * log here, with what was asked and how much was shown.
 */
import type { Database } from '../../db/client';
import { enterpriseFigures, getEnterprise, searchEnterprises, type EnterpriseSearch } from '../../db/enterprises/registryRead';
import type { Enterprise, EnterpriseFigure, EnterpriseSummary } from '../../domain/enterprise/enterprise';
import { audit, type AuditContext } from '../access/audit';
import { NotFoundError } from '../errors';

export async function findEnterprises(database: Database, s: Omit<EnterpriseSearch, 'after'> & { cursor?: string | undefined }, who: AuditContext): Promise<{ items: EnterpriseSummary[]; nextCursor: string | null }> {
  const rows = await searchEnterprises(database.db, { ...s, after: s.cursor, limit: s.limit + 1 });
  const items = rows.slice(0, s.limit);
  const nextCursor = rows.length > s.limit ? (items[items.length - 1]?.uscc ?? null) : null;
  await audit(database.db, who, {
    action: 'microdata_read',
    entity: 'enterprise_search',
    newValue: { q: s.q ?? null, industry: s.industry ?? null, region: s.region ?? null, keyList: s.keyList ?? null, cursor: s.cursor ?? null, shown: items.length },
  });
  return { items, nextCursor };
}

export async function enterprisePage(database: Database, uscc: string, who: AuditContext): Promise<Enterprise & { figures: EnterpriseFigure[] }> {
  const code = uscc.trim().toUpperCase();
  const e = await getEnterprise(database.db, code);
  if (!e) throw new NotFoundError(`no enterprise ${code} in the registry`);
  const figures = await enterpriseFigures(database.db, code);
  await audit(database.db, who, { action: 'microdata_read', entity: 'enterprise', entityId: code, newValue: { figures: figures.length } });
  return { ...e, figures };
}
