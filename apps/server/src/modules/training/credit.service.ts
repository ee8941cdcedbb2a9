/** The hours ledger as a list: the caller's reach (a teacher their own rows, a school its teachers'). */
import type { TrainingCreditPage, TrainingCreditQuery } from '@zhiping/contracts';
import type { z } from 'zod';
import type { ServiceContext } from '../../platform/context.ts';
import { toCredit } from './teacher-summary.service.ts';
import { readableTeachers, requireTrainingReader, trainingAccess } from './training.policy.ts';
import { findCreditPage } from './training.repository.ts';

/** A page of ledger rows, newest first. */
export async function listCredits(ctx: ServiceContext, query: z.infer<typeof TrainingCreditQuery>): Promise<TrainingCreditPage> {
  const access = trainingAccess(ctx.actor);
  requireTrainingReader(access);
  const { total, rows } = await findCreditPage(
    ctx.db,
    readableTeachers(access),
    { teacherId: query.teacherId, schoolId: query.schoolId, from: query.from, to: query.to, level: query.level, category: query.category },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(toCredit), total, page: query.page, pageSize: query.pageSize };
}
