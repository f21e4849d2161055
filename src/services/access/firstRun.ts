/**
 * First run (issue 15): whether any administrator can sign in yet. A fresh install has no account at all (no
 * default password exists); the sign-in page says so and shows the exact command that creates the first one.
 */
import type { Database } from '../../db/client';
import { listUsers } from '../../db/access';

export const FIRST_ADMIN_COMMAND = 'npx plan-monitor users create --admin --username admin --password-stdin';

export async function firstRunState(database: Database): Promise<{ adminExists: boolean; command: string }> {
  const users = await listUsers(database.db);
  return { adminExists: users.some((u) => u.role === 'admin' && !u.disabled), command: FIRST_ADMIN_COMMAND };
}
