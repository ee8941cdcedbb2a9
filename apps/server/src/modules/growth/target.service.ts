/** Yearly targets of the dashboard as versioned configuration: every version kept with its source. */
import type { TargetInput, TargetVersionDto } from '@zhiping/contracts';
import { TARGET_LABELS, type TargetVersion } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { growthAccess, requireGrowthReader, requireManager } from './growth.policy.ts';

/** Every stored target version (for targetsInForce). */
export async function findTargetVersions(db: Kysely<DB>): Promise<TargetVersion[]> {
  const rows = await db.selectFrom('growth_target').select(['key', 'value', 'valid_from_year', 'source']).execute();
  return rows.map((r) => ({ key: r.key, value: Number(r.value), validFromYear: r.valid_from_year, source: r.source }));
}

/** Every version, newest first per target. */
export async function listTargets(ctx: ServiceContext): Promise<TargetVersionDto[]> {
  requireGrowthReader(growthAccess(ctx.actor));
  const rows = await ctx.db.selectFrom('growth_target').selectAll().orderBy('key').orderBy('valid_from_year', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    label: TARGET_LABELS[r.key].label,
    unit: TARGET_LABELS[r.key].unit,
    value: Number(r.value),
    validFromYear: r.valid_from_year,
    source: r.source,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Adds a version of a target from a year on, with its source (教师科); a year holds one version per target. */
export async function addTarget(ctx: ServiceContext, input: TargetInput): Promise<TargetVersionDto[]> {
  requireManager(growthAccess(ctx.actor), '年度目标');
  if (input.key === 'rural_coverage' && input.value > 100)
    throw new AppError('VALIDATION_FAILED', { userMessage: '覆盖率目标不能超过 100%' });
  await inTransaction(ctx, async (tx) => {
    const exists = await tx.db
      .selectFrom('growth_target')
      .select('id')
      .where('key', '=', input.key)
      .where('valid_from_year', '=', input.validFromYear)
      .executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', { userMessage: `${input.validFromYear} 年起的该目标已有版本；请从下一年度起另设新版本` });
    await tx.db
      .insertInto('growth_target')
      .values({
        key: input.key,
        value: input.value,
        valid_from_year: input.validFromYear,
        source: input.source,
        created_by_name: tx.actor.displayName,
      })
      .execute();
    await recordAudit(tx.db, tx.actor, {
      action: 'growth.target.add',
      entityType: 'growth_target',
      summary: `设定年度目标：${TARGET_LABELS[input.key].label} ${input.value}${TARGET_LABELS[input.key].unit}（${input.validFromYear} 年起；依据 ${input.source}）`,
      after: input,
    });
  });
  return listTargets(ctx);
}
