/**
 * Annual 师德考核 results and yearly 师德承诺 per teacher, recorded by the school administrator for their
 * school (or by the 师德办, also by xlsx import), shown beside the 师德培训 hours from the training ledger.
 * Lists are sorted by school and name and carry counts per level — never a ranking of teachers.
 */
import type { EthicsCommitmentInput, EthicsReviewInput, EthicsReviewPage, EthicsReviewQuery } from '@zhiping/contracts';
import { ETHICS_REVIEW_LEVEL_LABELS, ETHICS_REVIEW_LEVELS } from '@zhiping/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { trainingHoursByTeacher } from '../training/training-ledger.ts';
import { ethicsAccess } from './ethics.policy.ts';

/** The schools whose teachers the actor may see here (null = every school). */
function reviewSchools(ctx: ServiceContext): number[] | null {
  const access = ethicsAccess(ctx.actor);
  if (access.isOffice) return null;
  if (access.adminSchoolIds.length > 0) return access.adminSchoolIds;
  throw new AppError('FORBIDDEN', { userMessage: '师德考核由学校管理员录入、区师德办查看' });
}

function teacherQuery(db: Kysely<DB>, schools: number[] | null, query: EthicsReviewQuery) {
  let q = db
    .selectFrom('teacher as t')
    .innerJoin('school_version as sv', (j) => j.onRef('sv.school_id', '=', 't.school_id').on('sv.valid_to', 'is', null))
    .leftJoin('ethics_review as r', (j) => j.onRef('r.teacher_id', '=', 't.id').on('r.year', '=', query.year))
    .leftJoin('ethics_commitment as m', (j) => j.onRef('m.teacher_id', '=', 't.id').on('m.year', '=', query.year))
    .where('t.is_active', '=', true);
  if (schools) q = q.where('t.school_id', 'in', schools.length ? schools : [-1]);
  if (query.schoolId) q = q.where('t.school_id', '=', query.schoolId);
  if (query.q) q = q.where('t.name', 'like', `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  return q;
}

/** One page of teachers with their result, commitment and ethics training hours for a year, plus level counts. */
export async function listReviews(ctx: ServiceContext, query: EthicsReviewQuery): Promise<EthicsReviewPage> {
  const schools = reviewSchools(ctx);
  const base = teacherQuery(ctx.db, schools, query);
  const filtered =
    query.level === 'none' ? base.where('r.level', 'is', null) : query.level ? base.where('r.level', '=', query.level) : base;
  const [{ total }, counts, rows] = await Promise.all([
    filtered.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        sql<string>`coalesce(r.level, 'none')`.as('level'),
        sql<number>`count(*)::int`.as('n'),
        sql<number>`count(m.signed_on)::int`.as('signed'),
      ])
      .groupBy(sql`coalesce(r.level, 'none')`)
      .execute(),
    filtered
      .select(['t.id', 't.name', 't.school_id', 'sv.name as school_name', 'r.level', 'r.note', 'm.signed_on'])
      .orderBy('sv.name')
      .orderBy('t.name')
      .orderBy('t.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const hours = await trainingHoursByTeacher(ctx.db, {
    teacherIds: rows.map((r) => r.id),
    from: `${query.year}-01-01`,
    to: `${query.year}-12-31`,
    category: 'ethics',
  });
  const levelCounts: Record<string, number> = {};
  for (const c of counts) levelCounts[c.level] = c.n;
  return {
    items: rows.map((r) => ({
      teacherId: r.id,
      teacherName: r.name,
      schoolId: r.school_id!,
      schoolName: r.school_name,
      level: r.level,
      note: r.note ?? '',
      commitmentSignedOn: r.signed_on,
      ethicsTrainingHours: hours.get(r.id) ?? 0,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    levelCounts,
    commitmentCount: counts.reduce((s, c) => s + c.signed, 0),
  };
}

/** The teacher (active, in the actor's schools) a record is about. */
async function teacherFor(ctx: ServiceContext, teacherId: number) {
  const schools = reviewSchools(ctx);
  const t = await ctx.db
    .selectFrom('teacher')
    .select(['id', 'name', 'school_id'])
    .where('id', '=', teacherId)
    .where('is_active', '=', true)
    .executeTakeFirst();
  if (!t || t.school_id === null || (schools && !schools.includes(t.school_id))) throw notFound('教师');
  return { id: t.id, name: t.name, schoolId: t.school_id };
}

/** Records (or changes) a teacher's 师德考核 result for a year. */
export async function saveReview(ctx: ServiceContext, input: EthicsReviewInput): Promise<void> {
  const t = await teacherFor(ctx, input.teacherId);
  await inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('ethics_review')
      .select(['level', 'note'])
      .where('teacher_id', '=', t.id)
      .where('year', '=', input.year)
      .executeTakeFirst();
    await tx.db
      .insertInto('ethics_review')
      .values({
        teacher_id: t.id,
        year: input.year,
        school_id: t.schoolId,
        level: input.level,
        note: input.note ?? '',
        source: 'entry',
        recorded_by_name: tx.actor.displayName,
      })
      .onConflict((oc) =>
        oc.columns(['teacher_id', 'year']).doUpdateSet({
          level: input.level,
          note: input.note ?? '',
          school_id: t.schoolId,
          source: 'entry',
          recorded_by_name: tx.actor.displayName,
          recorded_at: sql<Date>`now()`,
        }),
      )
      .execute();
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.review.save',
      entityType: 'teacher',
      entityId: t.id,
      schoolId: t.schoolId,
      summary: `登记 ${t.name} ${input.year} 年度师德考核：${ETHICS_REVIEW_LEVEL_LABELS[input.level]}`,
      before: before ?? null,
      after: { level: input.level, note: input.note ?? '' },
    });
  });
}

/** Records (signedOn) or clears (null) a teacher's 师德承诺 for a year. */
export async function saveCommitment(ctx: ServiceContext, input: EthicsCommitmentInput): Promise<void> {
  const t = await teacherFor(ctx, input.teacherId);
  if (input.signedOn && Number(input.signedOn.slice(0, 4)) !== input.year)
    throw new AppError('VALIDATION_FAILED', {
      userMessage: '签订日期应在该年度内',
      issues: [{ path: 'signedOn', message: '签订日期应在该年度内' }],
    });
  await inTransaction(ctx, async (tx) => {
    if (input.signedOn) {
      await tx.db
        .insertInto('ethics_commitment')
        .values({
          teacher_id: t.id,
          year: input.year,
          school_id: t.schoolId,
          signed_on: input.signedOn,
          recorded_by_name: tx.actor.displayName,
        })
        .onConflict((oc) =>
          oc
            .columns(['teacher_id', 'year'])
            .doUpdateSet({ signed_on: input.signedOn!, recorded_by_name: tx.actor.displayName, recorded_at: sql<Date>`now()` }),
        )
        .execute();
    } else {
      await tx.db.deleteFrom('ethics_commitment').where('teacher_id', '=', t.id).where('year', '=', input.year).execute();
    }
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.commitment.save',
      entityType: 'teacher',
      entityId: t.id,
      schoolId: t.schoolId,
      summary: input.signedOn
        ? `登记 ${t.name} ${input.year} 年度师德承诺（${input.signedOn}）`
        : `撤销 ${t.name} ${input.year} 年度师德承诺记录`,
    });
  });
}

/** Level labels accepted in an import sheet. */
export const LEVEL_BY_LABEL: Record<string, (typeof ETHICS_REVIEW_LEVELS)[number]> = Object.fromEntries(
  ETHICS_REVIEW_LEVELS.map((l) => [ETHICS_REVIEW_LEVEL_LABELS[l], l]),
);
