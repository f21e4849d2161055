/** Units (市直部门 and districts): the bundled registry, the list, new units and who acts for them. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/client';
import { userByName } from '../../db/access';
import { loadedFileHash, recordLoadedFile } from '../../db/loadedFiles';
import { listRegions } from '../../db/regions';
import { addMember, allUnits, insertUnit, listUnits, unitById, upsertUnits } from '../../db/supervision/units';
import type { Unit } from '../../domain/supervision/model';
import { parseUnitFile } from '../../domain/supervision/unitFile';
import { UNIT_KINDS, type UnitKind } from '../../domain/supervision/terms';
import { audit, type AuditContext } from '../access/audit';
import { BadRequestError, NotFoundError } from '../errors';
import { DataFileError, readYamlFile } from '../yamlFile';

/** Applies units/*.yaml (each file once per content). A missing folder is no error: units can be added by API. */
export async function loadUnitRegistry(database: Database, dir: string): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return 0;
  }
  let written = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const yaml = await readYamlFile(file);
    if ((await loadedFileHash(database.db, `units/${name}`)) === yaml.hash) continue;
    const parsed = parseUnitFile(yaml.data, new Set((await listRegions(database.db)).map((r) => r.code)));
    if (!parsed.ok) throw new DataFileError(file, yaml.locate(parsed.issues));
    await database.db.transaction(async (tx) => {
      await upsertUnits(tx, parsed.units);
      await recordLoadedFile(tx, `units/${name}`, yaml.hash);
    });
    written += parsed.units.length;
  }
  return written;
}

export const unitsService = {
  list: (database: Database, page: { limit: number; after?: number | undefined }): Promise<Unit[]> => listUnits(database.db, page),

  /** Every unit (a city has a few hundred at most): for names in reports. */
  all: (database: Database): Promise<Unit[]> => allUnits(database.db),

  async create(database: Database, u: { code: string; name: { zh: string; en: string }; kind: UnitKind; regionCode?: string | undefined; email?: string | undefined }, ctx: AuditContext): Promise<Unit> {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(u.code)) throw new BadRequestError('code: lower-case letters, digits and dashes');
    if (!UNIT_KINDS.includes(u.kind)) throw new BadRequestError(`kind: one of ${UNIT_KINDS.join(', ')}`);
    if ((u.kind === 'district') !== (u.regionCode !== undefined)) throw new BadRequestError('regionCode: a district unit names its region, and only a district unit does');
    if (u.regionCode && !(await listRegions(database.db)).some((r) => r.code === u.regionCode)) throw new BadRequestError(`regionCode: unknown region ${u.regionCode}`);
    return database.db.transaction(async (tx) => {
      const unit = await insertUnit(tx, { code: u.code, name: u.name, kind: u.kind, regionCode: u.regionCode ?? null, email: u.email ?? null }).catch((e: unknown) => {
        throw new BadRequestError(`a unit with code ${u.code} or name ${u.name.zh} exists already (${e instanceof Error ? e.message.split('\n')[0] : ''})`);
      });
      await audit(tx, ctx, { action: 'unit.create', entity: 'unit', entityId: unit.id, newValue: unit });
      return unit;
    });
  },

  /** Lets a user act for a unit (a reporter of a district, a department's officer). */
  async addMember(database: Database, unitId: number, username: string, ctx: AuditContext): Promise<void> {
    const unit = await unitById(database.db, unitId);
    if (!unit) throw new NotFoundError(`no unit ${unitId}`);
    const user = await userByName(database.db, username);
    if (!user) throw new BadRequestError(`username: no user "${username}"`);
    await database.db.transaction(async (tx) => {
      if (await addMember(tx, unitId, user.id)) await audit(tx, ctx, { action: 'unit.member_add', entity: 'unit', entityId: unitId, newValue: { username } });
    });
  },
};
