/** All SQL of ethics cases: rows with their workflow state, lists scoped to the actor, messages, files, restrictions. */
import { ETHICS_CASE_WORKFLOW, type EthicsDeadlines } from '@zhiping/domain';
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { EthicsAttachmentTable, EthicsCaseMessageTable, EthicsCaseTable, EthicsRestrictionTable } from '../../db/tables-ethics.ts';

/** Which cases a list may return. */
export type CaseVisibility = { kind: 'office' } | { kind: 'handler'; userId: number; schoolIds: number[] };

/** SQL of the current step's deadline (the same rule as currentStepDue in the domain). */
export function currentDueSql(deadlines: EthicsDeadlines) {
  return sql<string | null>`(case wi.state
    when 'received' then c.triage_due
    when 'investigating' then c.investigation_due
    when 'statement' then c.statement_due
    when 'deciding' then c.decision_due
    when 'decided' then c.decided_on + ${deadlines.statementDays}::int
    when 'appeal_review' then c.appealed_on + ${deadlines.appealDays}::int
    else null end)::date`;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('ethics_case as c')
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', ETHICS_CASE_WORKFLOW.key)
        .on('wi.subject_type', '=', 'ethics_case')
        .on('wi.subject_id', '=', sql<string>`c.id::text`),
    )
    .leftJoin('school_version as sv', (j) => j.onRef('sv.school_id', '=', 'c.school_id').on('sv.valid_to', 'is', null))
    .leftJoin('teacher as t', 't.id', 'c.teacher_id')
    .leftJoin('app_user as h', 'h.id', 'c.handler_user_id');
}

function withVisibility(q: ReturnType<typeof baseQuery>, v: CaseVisibility) {
  if (v.kind === 'office') return q;
  if (v.schoolIds.length === 0) return q.where(sql<boolean>`false`);
  return q.where('c.handler_level', '=', 'school').where('c.handler_user_id', '=', v.userId).where('c.school_id', 'in', v.schoolIds);
}

const SUMMARY_COLUMNS = [
  'c.id',
  'c.source',
  'c.received_on',
  'c.category',
  'c.rules_version',
  'c.school_id',
  'c.teacher_id',
  'c.handler_level',
  'c.handler_user_id',
  'c.triage_due',
  'c.investigation_due',
  'c.statement_due',
  'c.decision_due',
  'c.decided_on',
  'c.appealed_on',
  'wi.state',
  'wi.version',
  'sv.name as school_name',
  't.name as teacher_name',
  'h.display_name as handler_name',
] as const;

/** Filters of a case list. */
export interface CaseFilter {
  state?: string | undefined;
  category?: string | undefined;
  schoolId?: number | undefined;
  year?: number | undefined;
  overdue?: boolean | undefined;
  today: string;
  deadlines: EthicsDeadlines;
}

/** One page of cases visible under `v`, newest first. */
export async function findCasePage(db: Kysely<DB>, v: CaseVisibility, f: CaseFilter, page: number, pageSize: number) {
  let q = withVisibility(baseQuery(db), v);
  if (f.state) q = q.where('wi.state', '=', f.state);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.schoolId) q = q.where('c.school_id', '=', f.schoolId);
  if (f.year) q = q.where(sql<boolean>`extract(year from c.received_on) = ${f.year}`);
  const due = currentDueSql(f.deadlines);
  if (f.overdue !== undefined)
    q = q.where(f.overdue ? sql<boolean>`${due} < ${f.today}::date` : sql<boolean>`coalesce(${due} >= ${f.today}::date, true)`);
  const { total } = await q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select([...SUMMARY_COLUMNS, due.as('current_due')])
    .orderBy('c.received_on', 'desc')
    .orderBy('c.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total, rows };
}

/** A case visible under `v`, every column (undefined when absent or not visible). */
export async function findCase(db: Kysely<DB>, v: CaseVisibility, id: number, deadlines: EthicsDeadlines) {
  return withVisibility(baseQuery(db), v)
    .selectAll('c')
    .select([
      'wi.state',
      'wi.version',
      'sv.name as school_name',
      't.name as teacher_name',
      'h.display_name as handler_name',
      currentDueSql(deadlines).as('current_due'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;
export type CaseSummaryRow = Awaited<ReturnType<typeof findCasePage>>['rows'][number];

/** Cases about a teacher in the given states (the teacher's own matters). */
export async function findTeacherCases(db: Kysely<DB>, teacherId: number, states: readonly string[], deadlines: EthicsDeadlines) {
  return baseQuery(db)
    .selectAll('c')
    .select([
      'wi.state',
      'wi.version',
      'sv.name as school_name',
      't.name as teacher_name',
      'h.display_name as handler_name',
      currentDueSql(deadlines).as('current_due'),
    ])
    .where('c.teacher_id', '=', teacherId)
    .where('wi.state', 'in', [...states])
    .orderBy('c.received_on', 'desc')
    .execute();
}

/** The case of a tracking-code hash. */
export async function findCaseByTrackingHash(db: Kysely<DB>, codeHash: string) {
  return db
    .selectFrom('ethics_case as c')
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', ETHICS_CASE_WORKFLOW.key)
        .on('wi.subject_type', '=', 'ethics_case')
        .on('wi.subject_id', '=', sql<string>`c.id::text`),
    )
    .select([
      'c.id',
      'c.received_on',
      'c.received_at',
      'c.tracking_password_hash',
      'c.tracking_failures',
      'c.tracking_locked_until',
      'c.school_id',
      'wi.state',
    ])
    .where('c.tracking_code_hash', '=', codeHash)
    .executeTakeFirst();
}

export async function insertCase(db: Kysely<DB>, values: Insertable<EthicsCaseTable>): Promise<number> {
  const row = await db.insertInto('ethics_case').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCase(db: Kysely<DB>, id: number, values: Updateable<EthicsCaseTable>): Promise<void> {
  await db
    .updateTable('ethics_case')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertMessage(db: Kysely<DB>, values: Insertable<EthicsCaseMessageTable>): Promise<number> {
  const row = await db.insertInto('ethics_case_message').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findMessages(db: Kysely<DB>, caseId: number) {
  return db.selectFrom('ethics_case_message').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
}

export async function insertAttachment(db: Kysely<DB>, values: Insertable<EthicsAttachmentTable>): Promise<number> {
  const row = await db.insertInto('ethics_attachment').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Attachment metadata of a case (no content). */
export async function findAttachments(db: Kysely<DB>, caseId: number) {
  return db
    .selectFrom('ethics_attachment')
    .select(['id', 'message_id', 'origin', 'file_name_enc', 'content_type', 'size_bytes', 'uploaded_by_name', 'at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

export async function countAttachments(db: Kysely<DB>, caseId: number, origin: 'reporter' | 'staff' | 'teacher'): Promise<number> {
  const row = await db
    .selectFrom('ethics_attachment')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('case_id', '=', caseId)
    .where('origin', '=', origin)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findAttachment(db: Kysely<DB>, caseId: number, fileId: number) {
  return db.selectFrom('ethics_attachment').selectAll().where('case_id', '=', caseId).where('id', '=', fileId).executeTakeFirst();
}

export async function findRestrictions(db: Kysely<DB>, caseId: number) {
  return db.selectFrom('ethics_restriction').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function insertRestrictions(db: Kysely<DB>, rows: Insertable<EthicsRestrictionTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('ethics_restriction').values(rows).execute();
}

export async function updateRestriction(db: Kysely<DB>, id: number, values: Updateable<EthicsRestrictionTable>): Promise<void> {
  await db
    .updateTable('ethics_restriction')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Users who may be designated as handler: the school's administrators and the 师德办 staff. */
export async function findHandlerCandidates(db: Kysely<DB>, schoolId: number | null, office: string) {
  let q = db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.display_name', 'g.role', 'g.school_id', 'g.office'])
    .where('u.is_disabled', '=', false);
  q = q.where((eb) =>
    eb.or([
      eb.and([eb('g.role', '=', 'district_staff'), eb('g.office', '=', office)]),
      ...(schoolId !== null ? [eb.and([eb('g.role', '=', 'school_admin'), eb('g.school_id', '=', schoolId)])] : []),
    ]),
  );
  return q.orderBy('g.role').orderBy('u.display_name').execute();
}
