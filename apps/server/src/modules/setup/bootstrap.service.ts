/**
 * First-start setup: the district org unit and the initial accounts. Separation of duties (三员分立):
 * the system, security and audit administrators are separate accounts, and the district administrator
 * holds the data role. All start with the same initial password and must change it at first sign-in.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemActor } from '../../platform/context.ts';
import { generateTemporaryPassword, hashPassword } from '../auth/password.ts';
import type { Role } from '@zhiping/contracts';

/** The accounts created on first start. */
export const INITIAL_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '区级管理员', role: 'district_admin' },
  { username: 'sysadmin', displayName: '系统管理员', role: 'sys_admin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin' },
  { username: 'auditor', displayName: '审计管理员', role: 'audit_admin' },
];

export interface BootstrapResult {
  districtId: number;
  /** Set only when the accounts were created in this run and no password was configured. */
  generatedPassword: string | null;
  createdAccounts: boolean;
}

/** Ensures the district exists (returns its id). */
export async function ensureDistrict(db: Kysely<DB>, district: { code: string; name: string }): Promise<number> {
  const existing = await db.selectFrom('org_unit').select('id').where('kind', '=', 'district').orderBy('id').executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto('org_unit')
    .values({ kind: 'district', code: district.code, name: district.name, region_code: district.code, parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('region')
    .values({ code: district.code, name: district.name, level: 'county', parent_code: district.code.slice(0, 2) + '0000' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return row.id;
}

/** Creates the district and initial accounts when the database has none. */
export async function bootstrap(
  db: Kysely<DB>,
  options: { districtCode: string; districtName: string; adminPassword: string | undefined },
): Promise<BootstrapResult> {
  return db.transaction().execute(async (trx) => {
    const districtId = await ensureDistrict(trx, { code: options.districtCode, name: options.districtName });
    const anyUser = await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
    if (anyUser) return { districtId, generatedPassword: null, createdAccounts: false };
    const password = options.adminPassword ?? generateTemporaryPassword();
    const hash = await hashPassword(password);
    for (const a of INITIAL_ACCOUNTS) {
      const u = await trx
        .insertInto('app_user')
        .values({
          username: a.username,
          display_name: a.displayName,
          password_hash: hash,
          must_change_password: true,
          teacher_id: null,
          locked_until: null,
          last_login_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('role_grant').values({ user_id: u.id, role: a.role, office: null, school_id: null, granted_by: null }).execute();
    }
    await recordAudit(trx, systemActor(), {
      action: 'setup.bootstrap',
      entityType: 'system',
      summary: `首次启动：创建区县 ${options.districtName} 与初始账号 ${INITIAL_ACCOUNTS.map((a) => a.username).join('、')}`,
    });
    return { districtId, generatedPassword: options.adminPassword ? null : password, createdAccounts: true };
  });
}
