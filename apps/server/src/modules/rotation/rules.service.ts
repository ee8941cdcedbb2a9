/** Versioned rotation rule sets (each with its document number); a new version starts on its valid-from date. */
import type { RotationRuleSet, RotationRuleSetInput } from '@zhiping/contracts';
import { validateRotationRules } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { parseRules } from './eligibility.service.ts';
import { requireDistrictReader, requireManager, rotationAccess } from './rotation.policy.ts';
import * as repo from './rotation.repository.ts';

type RuleRow = Awaited<ReturnType<typeof repo.findRuleSets>>[number];

const toDto = (r: RuleRow): RotationRuleSet => ({
  id: r.id,
  title: r.title,
  documentNumber: r.document_number,
  validFrom: r.valid_from,
  note: r.note,
  rules: parseRules(r.rules),
  createdByName: r.created_by_name,
  createdAt: r.created_at.toISOString(),
});

/** Every version, newest first (district users). */
export async function listRuleSets(ctx: ServiceContext): Promise<RotationRuleSet[]> {
  requireDistrictReader(rotationAccess(ctx.actor));
  return (await repo.findRuleSets(ctx.db)).map(toDto);
}

/** Adds a version (教师科); refuses invalid rules and a second version on the same date. */
export async function addRuleSet(ctx: ServiceContext, input: RotationRuleSetInput): Promise<RotationRuleSet> {
  requireManager(rotationAccess(ctx.actor));
  const problems = validateRotationRules(input.rules);
  if (problems.length > 0) throw invalid('rules', problems.join('；'));
  const existing = await repo.findRuleSets(ctx.db);
  if (existing.some((r) => r.valid_from === input.validFrom))
    throw new AppError('CONFLICT', { userMessage: `已有自 ${input.validFrom} 起生效的规则版本，请换一个生效日期` });
  const id = await inTransaction(ctx, async (tx) => {
    const id = await repo.insertRuleSet(tx.db, {
      title: input.title,
      document_number: input.documentNumber,
      valid_from: input.validFrom,
      note: input.note,
      rules: JSON.stringify(input.rules),
      created_by_name: ctx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'rotation.rules.add',
      entityType: 'rotation_rule_set',
      entityId: id,
      summary: `新增交流轮岗规则“${input.title}”（${input.documentNumber}，自 ${input.validFrom} 起）`,
      after: input,
    });
    return id;
  });
  return toDto((await repo.findRuleSet(ctx.db, id))!);
}
