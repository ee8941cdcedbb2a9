/**
 * The public reporting channel (no sign-in): options for the form, filing a report (named or anonymous)
 * behind the spam guard, and following it with the tracking code and password — reading the public
 * status and the messages addressed to the reporter, answering questions and adding files. The acting
 * identity is a fixed 'public reporter' with no address: neither the case nor the audit row stores an
 * IP address or device data.
 */
import { randomInt } from 'node:crypto';
import type {
  PublicCaseView,
  PublicOptions,
  PublicReportInput,
  PublicReportReceipt,
  ReporterReplyInput,
  TrackCredentials,
} from '@zhiping/contracts';
import { ETHICS_CASE_WORKFLOW, addDays, ethicsRulesOn } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type Actor, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { UploadedFile } from '../evaluations/evidence-store.ts';
import { startWorkflow } from '../workflow/workflow.service.ts';
import { storeCaseFile } from './case-files.ts';
import { caseNumber } from './case.mapper.ts';
import * as repo from './case.repository.ts';
import { consumeChallenge, limitSubmission, limitTracking } from './public-guard.ts';

/** The acting identity of every public request: no user, no address. */
export const PUBLIC_REPORTER: Actor = {
  userId: null,
  username: 'public-reporter',
  displayName: '公众反映人',
  grants: [],
  teacherId: null,
  ip: null,
};

/** Failed password attempts before a tracking code is locked, and for how long. */
const TRACKING_MAX_FAILURES = 5;
const TRACKING_LOCK_MS = 15 * 60_000;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A tracking code: 12 characters (60 bits) from an unambiguous alphabet, shown as XXXX-XXXX-XXXX. */
function newTrackingCode(): string {
  const raw = randomString(CODE_ALPHABET, 12);
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** The normalized form of a code as typed (case, spaces and dashes ignored). */
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function publicContext(ctx: ServiceContext): ServiceContext {
  return { ...ctx, actor: PUBLIC_REPORTER };
}

/** Schools and categories for the report form (school names are public information). */
export async function publicOptions(ctx: ServiceContext): Promise<PublicOptions> {
  const today = ctx.clock.today();
  const rules = ethicsRulesOn(today);
  const schools = await ctx.db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select(['s.id', 'v.name'])
    .where((eb) => eb.or([eb('s.closed_on', 'is', null), eb('s.closed_on', '>', today)]))
    .orderBy('v.name')
    .execute();
  return {
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
    categories: rules.categories.map((c) => ({ ...c })),
    rulesVersion: rules.version,
  };
}

/** Files a report: the guard first (work, fill time, honeypot, rates), then the case, its workflow and an audit row without address. */
export async function fileReport(ctx: ServiceContext, input: PublicReportInput, address: string): Promise<PublicReportReceipt> {
  consumeChallenge(input.challenge, input.nonce, input.website);
  limitSubmission(address);
  const pctx = publicContext(ctx);
  const today = ctx.clock.today();
  const rules = ethicsRulesOn(today);
  if (input.schoolId) {
    const school = await ctx.db.selectFrom('school').select('id').where('id', '=', input.schoolId).executeTakeFirst();
    if (!school)
      throw new AppError('VALIDATION_FAILED', { userMessage: '学校不存在', issues: [{ path: 'schoolId', message: '学校不存在' }] });
  }
  if (input.category && !rules.categories.some((c) => c.code === input.category))
    throw new AppError('VALIDATION_FAILED', { userMessage: '类别不存在', issues: [{ path: 'category', message: '类别不存在' }] });
  const trackingCode = newTrackingCode();
  const password = randomString(PASSWORD_ALPHABET, 10);
  const passwordHash = await hashPassword(password);
  const id = await inTransaction(pctx, async (tx) => {
    const caseId = await repo.insertCase(tx.db, {
      source: 'public_report',
      rules_version: rules.version,
      is_anonymous: input.isAnonymous,
      reporter_name_enc: input.isAnonymous ? null : tx.crypto.encrypt(input.reporterName!),
      reporter_contact_enc: input.isAnonymous ? null : tx.crypto.encrypt(input.reporterContact!),
      tracking_code_hash: tx.crypto.hash(normalizeCode(trackingCode)),
      tracking_password_hash: passwordHash,
      reported_name_enc: tx.crypto.encrypt(input.teacherName),
      reported_school_id: input.schoolId ?? null,
      content_enc: tx.crypto.encrypt(input.content),
      occurred_on: input.occurredOn ?? null,
      suggested_category: input.category ?? null,
      received_on: today,
      triage_due: addDays(today, rules.deadlines.triageDays),
    });
    await startWorkflow(tx, ETHICS_CASE_WORKFLOW, { type: 'ethics_case', id: caseId });
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.report.receive',
      entityType: 'ethics_case',
      entityId: caseId,
      summary: `收到公众${input.isAnonymous ? '匿名' : '实名'}反映 ${caseNumber(caseId, today)}`,
    });
    return caseId;
  });
  return { caseNo: caseNumber(id, today), trackingCode, password, receivedOn: today };
}

/** The case of valid tracking credentials; wrong code or password answer the same 404, repeated failures lock the code. */
async function authenticate(ctx: ServiceContext, creds: TrackCredentials, address: string) {
  limitTracking(address);
  const row = await repo.findCaseByTrackingHash(ctx.db, ctx.crypto.hash(normalizeCode(creds.code)));
  const wrong = new AppError('NOT_FOUND', { userMessage: '查询码或密码不正确' });
  if (!row || !row.tracking_password_hash) {
    // Same cost as a real check, so timing does not tell whether a code exists.
    await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$invalidinvalidinvalidinvalidinvalidinvalid', creds.password);
    throw wrong;
  }
  const now = ctx.clock.now();
  if (row.tracking_locked_until && row.tracking_locked_until > now)
    throw new AppError('LIMIT_EXCEEDED', { userMessage: '密码错误次数过多，请 15 分钟后再试' });
  if (!(await verifyPassword(row.tracking_password_hash, creds.password))) {
    const failures = row.tracking_failures + 1;
    await ctx.db
      .updateTable('ethics_case')
      .set({
        tracking_failures: failures >= TRACKING_MAX_FAILURES ? 0 : failures,
        tracking_locked_until: failures >= TRACKING_MAX_FAILURES ? new Date(now.getTime() + TRACKING_LOCK_MS) : null,
      })
      .where('id', '=', row.id)
      .execute();
    throw wrong;
  }
  if (row.tracking_failures > 0) await ctx.db.updateTable('ethics_case').set({ tracking_failures: 0 }).where('id', '=', row.id).execute();
  return row;
}

/** What the reporter sees: a coarse public status (never the decision's content about the teacher). */
function publicStatus(state: string): string {
  switch (state) {
    case 'received':
      return '已收到，待受理';
    case 'investigating':
    case 'statement':
    case 'deciding':
      return '已受理，正在核查处理';
    case 'decided':
    case 'notified':
    case 'appeal_review':
      return '已作出处理';
    case 'closed':
      return '已办结';
    case 'dismissed':
      return '不予受理';
    default:
      return '处理中';
  }
}

/** The reporter's view of their case. */
export async function trackReport(ctx: ServiceContext, creds: TrackCredentials, address: string): Promise<PublicCaseView> {
  const row = await authenticate(ctx, creds, address);
  return publicView(ctx, row);
}

async function publicView(ctx: ServiceContext, row: { id: number; received_on: string; state: string }): Promise<PublicCaseView> {
  const [messages, files] = await Promise.all([repo.findMessages(ctx.db, row.id), repo.findAttachments(ctx.db, row.id)]);
  const reporterFiles = files.filter((f) => f.origin === 'reporter');
  const toFile = (f: (typeof files)[number]) => ({
    id: f.id,
    fileName: ctx.crypto.decrypt(f.file_name_enc),
    sizeBytes: f.size_bytes,
    at: f.at.toISOString(),
  });
  const isClosed = row.state === 'closed' || row.state === 'dismissed';
  return {
    caseNo: caseNumber(row.id, row.received_on),
    receivedOn: row.received_on,
    statusLabel: publicStatus(row.state),
    isClosed,
    messages: messages
      .filter((m) => m.kind !== 'note')
      .map((m) => ({
        kind: m.kind as 'question' | 'update' | 'reply',
        body: ctx.crypto.decrypt(m.body_enc),
        at: m.at.toISOString(),
        attachments: reporterFiles.filter((f) => f.message_id === m.id).map(toFile),
      })),
    attachments: reporterFiles.filter((f) => f.message_id === null).map(toFile),
    canReply: !isClosed,
  };
}

/** The reporter answers (a question, or adds information). */
export async function replyToCase(ctx: ServiceContext, input: ReporterReplyInput, address: string): Promise<PublicCaseView> {
  const row = await authenticate(ctx, input, address);
  if (row.state === 'closed' || row.state === 'dismissed') throw new AppError('INVALID_STATE', { userMessage: '该反映已办结，不能再补充' });
  limitSubmission(address);
  const pctx = publicContext(ctx);
  await inTransaction(pctx, async (tx) => {
    await repo.insertMessage(tx.db, {
      case_id: row.id,
      kind: 'reply',
      body_enc: tx.crypto.encrypt(input.body),
      author_id: null,
      author_name: '反映人',
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.report.reply',
      entityType: 'ethics_case',
      entityId: row.id,
      summary: `反映人补充 ${caseNumber(row.id, row.received_on)}`,
    });
  });
  return publicView(ctx, { ...row });
}

/** The reporter adds a file (to the report, or to their latest reply when `toLatestReply`). */
export async function addReporterFile(
  ctx: ServiceContext,
  creds: TrackCredentials,
  file: UploadedFile,
  address: string,
  toLatestReply: boolean,
): Promise<PublicCaseView> {
  const row = await authenticate(ctx, creds, address);
  if (row.state === 'closed' || row.state === 'dismissed') throw new AppError('INVALID_STATE', { userMessage: '该反映已办结，不能再补充' });
  limitSubmission(address);
  const pctx = publicContext(ctx);
  await inTransaction(pctx, async (tx) => {
    const fileId = await storeCaseFile(tx, row.id, 'reporter', file, '反映人');
    if (toLatestReply) {
      const latest = await tx.db
        .selectFrom('ethics_case_message')
        .select('id')
        .where('case_id', '=', row.id)
        .where('kind', '=', 'reply')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (latest) await tx.db.updateTable('ethics_attachment').set({ message_id: latest.id }).where('id', '=', fileId).execute();
    }
    await recordAudit(tx.db, tx.actor, {
      action: 'ethics.report.file',
      entityType: 'ethics_case',
      entityId: row.id,
      summary: `反映人上传附件 ${caseNumber(row.id, row.received_on)}（${file.content.length} 字节）`,
    });
  });
  return publicView(ctx, row);
}
