/**
 * Loads the generated demo district 示例区 into an empty database, in one transaction, through the
 * import module's bulk writers (the same path as an xlsx import), plus the history the writers do not
 * cover (past 调动 and 交流轮岗, earlier recognitions, a closed kindergarten) and demo accounts.
 *
 * Demo accounts (see packages/domain/src/demo/accounts.ts): duchashi (区级科室人员, 督导室), jiaoshike
 * (区级科室人员, 教师科), duxue01 (督学), school_<学校标识码> (学校管理员 of 示例区实验小学) and laoshi01
 * (教师 of the same school, linked to a teacher record). They get the administrator's initial password
 * and must change it at first sign-in.
 */
import type { ImportKind } from '@zhiping/contracts';
import { generateDemoDistrict, type DemoDistrict } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext, type TxContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { seedDemoSupervision } from '../evaluations/demo-supervision.ts';
import { seedDemoTraining } from '../training/demo-training.ts';
// demo import: training
import { seedDemoGrowth } from '../growth/demo-growth.ts';
// demo import: growth
import { seedDemoAwards } from '../awards/demo-awards.ts';
// demo import: awards
// demo import: rotation
import { seedDemoRotation } from '../rotation/demo-rotation.ts';
// demo import: ethics
import { seedDemoEthics } from '../ethics/demo-ethics.ts';
import { writeImportRows, type ImportRowsByKind } from '../imports/import-writers.ts';
import * as repo from './demo.repository.ts';

/** Options of a demo load. */
export interface LoadDemoOptions {
  /** The district (org unit) the demo's schools belong to. */
  districtId: number;
  /** Generator seed; the default gives the standard demo. */
  seed?: number;
  /** Password hash of the demo accounts; defaults to the district administrator's (its initial password on first start). */
  passwordHash?: string;
  /** Called as each step advances. */
  onProgress?: (step: string, done: number, total: number) => void;
}

/** What was loaded. */
export interface DemoLoadResult {
  schools: number;
  studentRows: number;
  conditionRows: number;
  teachers: number;
  populationRows: number;
  transfers: number;
  recognitions: number;
  accounts: string[];
  elapsedMs: number;
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Loads the demo district; INVALID_STATE unless the database has no schools yet. */
export async function loadDemoDistrict(ctx: ServiceContext, options: LoadDemoOptions): Promise<DemoLoadResult> {
  const started = Date.now();
  const demo = generateDemoDistrict(options.seed);
  const progress = options.onProgress ?? (() => {});
  const result = await inTransaction(ctx, async (tx) => {
    if (await repo.hasAnySchool(tx.db)) {
      throw new AppError('INVALID_STATE', {
        message: 'demo district refused: the database already has schools',
        userMessage: '数据库中已有学校数据，不能加载示例区。示例数据只能加载到空数据库（新的数据目录）中。',
      });
    }
    const district = await repo.findDistrictUnit(tx.db, options.districtId);
    if (!district) throw new AppError('INVALID_STATE', { userMessage: '尚未设置区县，请先启动一次服务器完成初始化' });
    const passwordHash = options.passwordHash ?? (await repo.findAdminPasswordHash(tx.db));
    if (!passwordHash) throw new AppError('INVALID_STATE', { userMessage: '尚无区级管理员账号，无法为示例账号设置初始密码' });

    await repo.insertStreets(tx.db, options.districtId, demo.streets);
    const write = async <K extends ImportKind>(kind: K, rows: ImportRowsByKind[K]) => {
      progress(kind, 0, rows.length);
      await writeImportRows(tx, kind, rows, { districtId: options.districtId, onProgress: (done) => progress(kind, done, rows.length) });
    };
    await write('schools', demo.schools);
    const schoolIds = await repo.findSchoolIds(
      tx.db,
      demo.schools.map((s) => s.code),
    );
    await repo.closeSchools(
      tx.db,
      demo.schools.filter((s) => s.closedOn).map((s) => ({ schoolId: schoolIds.get(s.code)!, closedOn: s.closedOn! })),
    );
    await write('students', demo.students);
    await write('conditions', demo.conditions);
    // Population rows carry the installation's own region code, so indicators find them.
    const regionCode = district.region_code ?? district.code;
    await write(
      'population',
      demo.population.map((p) => ({ ...p, regionCode })),
    );
    await write('teachers', demo.teachers);

    const careers = await writeCareers(tx, demo, schoolIds);
    const accounts = await writeAccounts(tx, demo, schoolIds, passwordHash);
    await seedDemoSupervision(tx, { passwordHash });
    // demo seed: ethics
    await seedDemoEthics(tx, { passwordHash });
    await seedDemoTraining(tx, { passwordHash });
    // demo seed: training
    await seedDemoGrowth(tx, { passwordHash });
    // demo seed: growth
    await seedDemoAwards(tx, { passwordHash });
    // demo seed: awards
    // demo seed: rotation
    await seedDemoRotation(tx, { passwordHash });
    await recordAudit(tx.db, tx.actor, {
      action: 'demo.load',
      entityType: 'system',
      summary: `加载示例区数据：学校 ${demo.schools.length} 所，教职工 ${demo.teachers.length} 人，示例账号 ${accounts.join('、')}`,
      after: { seed: demo.seed, schools: demo.schools.length, teachers: demo.teachers.length, accounts },
    });
    return {
      schools: demo.schools.length,
      studentRows: demo.students.length,
      conditionRows: demo.conditions.length,
      teachers: demo.teachers.length,
      populationRows: demo.population.length,
      transfers: careers.transfers,
      recognitions: careers.recognitions,
      accounts,
    };
  });
  return { ...result, elapsedMs: Date.now() - started };
}

/** Past assignments and extra recognitions of the demo staff. */
async function writeCareers(
  tx: TxContext,
  demo: DemoDistrict,
  schoolIds: Map<string, number>,
): Promise<{ transfers: number; recognitions: number }> {
  const hashOf = new Map<string, string>();
  for (const id of new Set([...demo.transfers.map((t) => t.idNumber), ...demo.extraRecognitions.map((r) => r.idNumber)]))
    hashOf.set(id, tx.crypto.hash(id));
  const teacherIds = await repo.findTeacherIdsByHash(tx.db, [...hashOf.values()]);
  const teacherOf = (idNumber: string) => teacherIds.get(hashOf.get(idNumber)!)!;
  await repo.insertAssignments(
    tx.db,
    demo.transfers.map((t) =>
      t.kind === 'full'
        ? {
            teacher_id: teacherOf(t.idNumber),
            school_id: schoolIds.get(t.fromSchoolCode)!,
            home_school_id: null,
            kind: 'full' as const,
            valid_from: t.fromJoinedOn!,
            valid_to: dayBefore(t.on),
            reason: '调出前任职',
          }
        : {
            teacher_id: teacherOf(t.idNumber),
            school_id: schoolIds.get(t.toSchoolCode)!,
            home_school_id: schoolIds.get(t.fromSchoolCode)!,
            kind: 'partial' as const,
            valid_from: t.on,
            valid_to: t.returnedOn,
            reason: t.reason,
          },
    ),
  );
  await repo.setOpenAssignmentReasons(
    tx.db,
    demo.transfers.filter((t) => t.kind === 'full').map((t) => ({ teacherId: teacherOf(t.idNumber), reason: t.reason })),
  );
  await repo.insertRecognitions(
    tx.db,
    demo.extraRecognitions.map((r) => ({
      teacher_id: teacherOf(r.idNumber),
      level: r.level,
      subject: r.subject,
      issuer: r.issuer,
      issued_on: r.issuedOn,
      valid_until: r.validUntil,
    })),
  );
  return {
    transfers: demo.transfers.length,
    recognitions: demo.teachers.filter((t) => t.backboneLevel).length + demo.extraRecognitions.length,
  };
}

/** Creates the demo accounts with the given password hash; returns their usernames. */
async function writeAccounts(tx: TxContext, demo: DemoDistrict, schoolIds: Map<string, number>, passwordHash: string): Promise<string[]> {
  const taken = await repo.findExistingUsernames(
    tx.db,
    demo.accounts.map((a) => a.username),
  );
  if (taken.length > 0) throw new AppError('CONFLICT', { userMessage: `示例账号 ${taken.join('、')} 已存在` });
  const teacherHashes = demo.accounts.flatMap((a) => (a.teacherIdNumber ? [tx.crypto.hash(a.teacherIdNumber)] : []));
  const teacherIds = await repo.findTeacherIdsByHash(tx.db, teacherHashes);
  for (const a of demo.accounts) {
    const userId = await repo.insertAccount(tx.db, {
      username: a.username,
      displayName: a.displayName,
      passwordHash,
      teacherId: a.teacherIdNumber ? teacherIds.get(tx.crypto.hash(a.teacherIdNumber))! : null,
      role: a.role,
      office: a.office,
      schoolId: a.schoolCode ? schoolIds.get(a.schoolCode)! : null,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: userId,
      summary: `创建示例账号 ${a.username}（${a.displayName}）`,
      after: { username: a.username, role: a.role, office: a.office, schoolCode: a.schoolCode },
    });
  }
  return demo.accounts.map((a) => a.username);
}
