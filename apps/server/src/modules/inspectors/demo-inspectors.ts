/**
 * Demo responsible inspectors: duxue01 (a demo account already) and duxue02… as further inspector
 * accounts (the administrator's initial password, to be changed at first sign-in), with profiles, a few
 * linked to serving staff records (so 回避 has something to avoid) or with related schools, about five
 * schools each, and half a year of visits — most schools on rhythm, some overdue, a few issues that
 * became rectification items (most closed, a couple still open).
 */
import { RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE, listCheckpoints } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import type { TxContext } from '../../platform/context.ts';
import { shiftDate, type DemoRandom } from '../evaluations/demo-random.ts';
import { advanceItem, backdateItem, openItems } from '../rectification/rectification.service.ts';
import * as repo from './inspector.repository.ts';
import * as visits from './visit.repository.ts';

/** Schools per responsible inspector. */
const SCHOOLS_EACH = 5;
/** The school whose demo administrator signs in: its inspector is duxue01. */
const DEMO_SCHOOL_NAME = '示例区实验小学';

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗', '高', '林'];
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '德明',
  '淑芬',
  '国平',
  '红梅',
  '振华',
  '玉兰',
  '文军',
  '晓燕',
  '立新',
  '桂芳',
  '永红',
  '春梅',
  '学军',
  '素珍',
  '光明',
  '海燕',
];
const TITLES = ['退休园长', '退休校长', '区教研员', '退休特级教师', '区教委退休干部', '社区教育工作者'];
const PROBLEMS: Record<string, string[]> = {
  A1: ['校务公开栏信息未及时更新', '部分制度未按章程修订'],
  A2: ['收费公示内容不全', '招生信息公开不及时'],
  A3: ['个别班级未按课表开设体育课', '课堂常规检查记录不完整'],
  A4: ['部分班级书面作业量偏多', '大课间活动时间不足'],
  A5: ['个别教师存在体罚苗头，已提醒', '教研活动记录不全'],
  A6: ['围墙局部破损，存在安全隐患', '消防通道堆放杂物', '上下学时段校门口交通疏导不足'],
  A7: ['食堂留样记录不全', '饮水机滤芯未按期更换'],
  A8: ['学生行为习惯教育有待加强', '校风建设材料不全'],
};

/** What the evaluations seeder needs from the inspectors seeder. */
export interface DemoInspectors {
  /** Every demo inspector: id → username and name. */
  accounts: Map<number, { username: string; name: string }>;
}

/** Creates the demo inspectors, their responsibilities and visit history in the demo transaction. */
export async function seedDemoInspectors(
  tx: TxContext,
  o: { passwordHash: string; rng: DemoRandom; count: number },
): Promise<DemoInspectors> {
  const { rng } = o;
  const today = tx.clock.today();
  const schools = await repo.findOpenSchoolsByStreet(tx.db);
  const first = await repo.findUserId(tx.db, 'duxue01');
  // A few inspectors are serving staff of a primary school: linked to its first teacher record.
  const serving = schools.filter((s) => s.type_code === '211').slice(3, 9);
  const teachers = await repo.findFirstTeachers(
    tx.db,
    serving.map((s) => s.id),
  );
  const drafts = Array.from({ length: o.count - (first ? 1 : 0) }, (_, i) => {
    const n = i + (first ? 2 : 1);
    const servingAt = serving[i];
    return {
      username: `duxue${String(n).padStart(2, '0')}`,
      // The given name shifts every 20 inspectors so no two share a name.
      displayName: `${SURNAMES[(n * 7) % SURNAMES.length]}${GIVEN[(n * 11 + Math.floor(n / 20)) % GIVEN.length]}`,
      teacherId: servingAt ? (teachers.get(servingAt.id) ?? null) : null,
    };
  });
  const created = await repo.insertInspectorAccounts(tx.db, drafts, o.passwordHash);
  const accounts = new Map<number, { username: string; name: string }>();
  if (first) accounts.set(first, { username: 'duxue01', name: '责任督学（演示）' });
  for (const d of drafts) accounts.set(created.get(d.username)!, { username: d.username, name: d.displayName });
  for (const [id, a] of accounts) {
    const isServing = drafts.find((d) => d.username === a.username)?.teacherId;
    await repo.upsertProfile(
      tx.db,
      id,
      {
        phone: `023-6${String(rng.int(100, 999))} ${String(rng.int(1000, 9999))}`,
        title: isServing ? '在职副校长（兼职督学）' : rng.pick(TITLES),
        duties: '',
      },
      '系统',
      tx.clock.now(),
    );
    if (created.has(a.username))
      await recordAudit(tx.db, tx.actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        summary: `创建示例督学账号 ${a.username}（${a.name}）`,
        after: { username: a.username, role: 'inspector' },
      });
  }
  const ids = [...accounts.keys()];
  await repo.replaceRelatedSchools(tx.db, ids[1]!, [{ schoolId: schools[0]!.id, reason: '配偶在该校任职' }]);
  await repo.replaceRelatedSchools(tx.db, ids[2]!, [{ schoolId: schools[10]!.id, reason: '子女在该校就读' }]);

  // About five schools each, neighbours together; duxue01 takes the group of the demo school.
  const groups: (typeof schools)[] = [];
  for (let i = 0; i < schools.length; i += SCHOOLS_EACH) groups.push(schools.slice(i, i + SCHOOLS_EACH));
  const demoGroup = groups.findIndex((g) => g.some((s) => s.name === DEMO_SCHOOL_NAME));
  if (demoGroup > 0) [groups[0], groups[demoGroup]] = [groups[demoGroup]!, groups[0]!];
  const since = shiftDate(today, -400);
  const rows = groups.flatMap((g, i) => g.map((s) => ({ schoolId: s.id, inspectorId: ids[i % ids.length]!, validFrom: since })));
  await repo.insertResponsibilities(tx.db, rows);
  await seedVisits(tx, rng, rows, schools, today);
  return { accounts };
}

async function seedVisits(
  tx: TxContext,
  rng: DemoRandom,
  rows: { schoolId: number; inspectorId: number }[],
  schools: { id: number; name: string }[],
  today: string,
): Promise<void> {
  const checks = listCheckpoints(RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE);
  const demoSchool = schools.find((s) => s.name === DEMO_SCHOOL_NAME)?.id;
  const drafts: { schoolId: number; inspectorId: number; date: string; items: { code: string; yes: boolean; note: string }[] }[] = [];
  for (const [n, r] of rows.entries()) {
    // One school in eight has fallen behind: its last visit is 40–80 days old.
    const isBehind = n % 8 === 5 && r.schoolId !== demoSchool;
    const last = isBehind ? shiftDate(today, -rng.int(40, 80)) : shiftDate(today, -rng.int(2, 24));
    for (let k = 0, date = last; k < 6; k += 1, date = shiftDate(date, -rng.int(24, 32))) {
      const covered = checks.filter(() => rng.next() < 0.45);
      const items = covered.map((c) => {
        const yes = rng.next() > 0.08;
        return { code: c.code, yes, note: yes ? '' : rng.pick(PROBLEMS[c.code.split('.')[0]!] ?? ['存在问题，已当场反馈']) };
      });
      drafts.push({ schoolId: r.schoolId, inspectorId: r.inspectorId, date, items });
    }
  }
  drafts.sort((a, b) => a.date.localeCompare(b.date) || a.schoolId - b.schoolId);
  const ids = await visits.insertVisits(
    tx.db,
    drafts.map((d) => ({
      school_id: d.schoolId,
      inspector_id: d.inspectorId,
      visit_date: d.date,
      items: JSON.stringify(d.items),
      summary: d.items.some((i) => !i.yes) ? '常规督导，发现问题已当场反馈学校' : '常规督导，未发现明显问题',
      follow_ups: '[]',
      problem_count: d.items.filter((i) => !i.yes).length,
      created_by_name: '示例数据',
    })),
  );
  // Issues of some visits became rectification items: most are closed; the demo school's latest, one
  // overdue elsewhere and one awaiting verification stay on the dashboards.
  const withProblems = drafts.map((d, i) => ({ ...d, id: ids[i]! })).filter((d) => d.items.some((i) => !i.yes));
  const chosen = withProblems.filter((d, i) => i % 6 === 0 && d.date < shiftDate(today, -10) && d.schoolId !== demoSchool);
  const overdue = chosen.filter((d) => shiftDate(d.date, 30) < today).at(-1);
  const awaiting = chosen.at(-1) === overdue ? undefined : chosen.at(-1);
  const demoVisit = withProblems.filter((d) => d.schoolId === demoSchool).at(-1);
  for (const v of demoVisit ? [...chosen, demoVisit] : chosen) {
    const problem = v.items.find((i) => !i.yes)!;
    const [id] = await openItems(tx, [
      {
        schoolId: v.schoolId,
        evaluationId: null,
        visitId: v.id,
        code: null,
        problem: problem.note,
        requirement: '限期整改，整改完成后报送整改报告和照片',
        requiredEvidence: '整改报告、整改前后照片',
        owner: '分管副校长（副园长）',
        deadline: shiftDate(v.date, 30),
      },
    ]);
    const item = { id: id!, schoolId: v.schoolId };
    if (v === overdue || v === demoVisit) continue;
    const submitted = [shiftDate(v.date, rng.int(5, 25)), shiftDate(today, -3)].sort()[0]!;
    await advanceItem(tx, item, { action: 'submit', note: '已按要求完成整改，报送整改报告和照片' }, ['school_admin']);
    if (v === awaiting) {
      await backdateItem(tx, item.id, { submittedOn: submitted });
      continue;
    }
    await advanceItem(tx, item, { action: 'verify' }, ['inspector']);
    await backdateItem(tx, item.id, {
      submittedOn: submitted,
      verifiedOn: [shiftDate(submitted, rng.int(1, 6)), shiftDate(today, -1)].sort()[0]!,
    });
  }
}
