/**
 * Ethics demo data (deterministic: seeded random, dates relative to the first start): about three years
 * of reports and cases across categories, schools and months — some overdue, two schools with repeated
 * cases, decisions with penalty periods still running (so at least one teacher is blocked now), an
 * appeal — and the 2025 师德考核 results and 师德承诺 records of every active teacher. Bulk inserts only.
 */
import {
  ETHICS_CASE_WORKFLOW,
  addDays,
  ethicsRulesOn,
  restrictionsForDecision,
  type EthicsCaseState,
  type PenaltyCode,
} from '@zhiping/domain';
import { sql, type Insertable } from 'kysely';
import type { TxContext } from '../../platform/context.ts';
import type { EthicsCaseTable } from '../../db/tables-ethics.ts';
import { demoRandom } from '../evaluations/demo-random.ts';
import { ETHICS_OFFICE } from './ethics.policy.ts';

const CONTENT: Record<string, string[]> = {
  v04: ['上课经常迟到早退，多次让学生自习后离开教室。', '在校外培训机构兼职授课，影响本校正常教学。'],
  v05: ['当众用侮辱性语言训斥学生，学生回家后情绪低落。', '因学生作业未完成，罚学生在走廊站立一整节课。'],
  v08: ['评优推荐中只推荐与其有私交的家长的孩子。'],
  v09: ['教师节前暗示家长送购物卡，并在班级群中点名。', '向学生推销指定教辅材料，要求每人购买。'],
  v10: ['周末在小区内组织本班学生有偿补课，每次收费200元。', '向家长推荐校外培训机构，并提供班级学生名单。'],
  v11: ['要求家长批改作业并在群里打卡。', '饮酒后进入课堂上课。'],
  v03: ['在课堂上发表不当言论，并在网络上转发不实信息。'],
  v06: ['课间学生受伤后未及时处理和报告。'],
};
const CATEGORY_WEIGHTS: [string, number][] = [
  ['v10', 30],
  ['v09', 18],
  ['v05', 16],
  ['v04', 14],
  ['v11', 14],
  ['v08', 4],
  ['v03', 2],
  ['v06', 2],
];
const PATH: EthicsCaseState[] = ['received', 'investigating', 'statement', 'deciding', 'decided', 'notified', 'closed'];
const ACTION_INTO: Record<string, string> = {
  investigating: 'accept',
  statement: 'submit_findings',
  deciding: 'record_statement',
  decided: 'decide',
  notified: 'notify',
  closed: 'close',
  appeal_review: 'appeal',
  dismissed: 'dismiss',
};

/** Seeds the ethics demo data; returns the number of cases. */
export async function seedDemoEthics(tx: TxContext, _options: { passwordHash: string }): Promise<{ cases: number }> {
  const rnd = demoRandom(20181108);
  const today = tx.clock.today();
  const rules = ethicsRulesOn(today);
  const enc = (s: string) => tx.crypto.encrypt(s);
  const office = await tx.db
    .selectFrom('app_user as u')
    .innerJoin('role_grant as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('g.role', '=', 'district_staff')
    .where('g.office', '=', ETHICS_OFFICE)
    .orderBy('u.id')
    .executeTakeFirst();
  const schoolAdmins = await tx.db
    .selectFrom('role_grant')
    .select(['user_id', 'school_id'])
    .where('role', '=', 'school_admin')
    .orderBy('user_id')
    .execute();
  // Teachers without an account: the demo accounts' own flows stay unrestricted.
  const teachers = await tx.db
    .selectFrom('teacher as t')
    .select(['t.id', 't.name', 't.school_id'])
    .where('t.is_active', '=', true)
    .where('t.school_id', 'is not', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('app_user as u').select('u.id').whereRef('u.teacher_id', '=', 't.id'))))
    .orderBy('t.id')
    .execute();
  if (teachers.length === 0) return { cases: 0 };
  const bySchool = new Map<number, typeof teachers>();
  for (const t of teachers) bySchool.set(t.school_id!, [...(bySchool.get(t.school_id!) ?? []), t]);
  const schoolIds = [...bySchool.keys()].sort((a, b) => a - b);
  const repeatSchools = [schoolIds[Math.floor(schoolIds.length / 3)]!, schoolIds[Math.floor((2 * schoolIds.length) / 3)]!];
  const pickCategory = () => {
    let r = rnd.int(1, 100);
    for (const [code, w] of CATEGORY_WEIGHTS) if ((r -= w) <= 0) return code;
    return 'v11';
  };

  interface Plan {
    age: number;
    teacher: (typeof teachers)[number];
    category: string;
    final: EthicsCaseState;
    penalty: PenaltyCode | null;
    outcome: 'no_violation' | 'other_measures' | 'penalty' | null;
    disq: number | null;
    appeal: 'upheld' | 'changed' | null;
    overdue: boolean;
  }
  const plans: Plan[] = [];
  const planFor = (age: number, teacher: (typeof teachers)[number]): Plan => {
    const category = pickCategory();
    let final: EthicsCaseState;
    if (age < 8) final = 'received';
    else if (age < 40) final = rnd.pick(['investigating', 'investigating', 'statement', 'received'] as const);
    else if (age < 75) final = rnd.pick(['statement', 'deciding', 'decided', 'notified'] as const);
    else final = rnd.next() < 0.12 ? 'dismissed' : 'closed';
    const decided = ['decided', 'notified', 'closed'].includes(final);
    const roll = rnd.next();
    const outcome = !decided ? null : roll < 0.3 ? 'no_violation' : roll < 0.7 ? 'other_measures' : 'penalty';
    const penalty = outcome === 'penalty' ? rnd.pick(['warning', 'warning', 'demerit', 'demerit', 'demotion'] as const) : null;
    return {
      age,
      teacher,
      category,
      final,
      outcome,
      penalty,
      disq: outcome === 'penalty' && rnd.next() < 0.5 ? 24 : null,
      appeal: null,
      overdue: rnd.next() < 0.3,
    };
  };
  for (let i = 0; i < 54; i++) {
    const school = rnd.pick(schoolIds);
    plans.push(planFor(rnd.int(3, 1090), rnd.pick(bySchool.get(school)!)));
  }
  // Two schools with repeated cases in the last three years.
  for (const school of repeatSchools)
    for (const age of [100, 400, 800]) plans.push(planFor(age + rnd.int(0, 30), rnd.pick(bySchool.get(school)!)));
  // Running penalties: 记过 decided about four months ago, and 降低岗位等级 with disqualification a year ago, one appealed and changed.
  const running: Partial<Plan>[] = [
    { age: 150, final: 'closed', outcome: 'penalty', penalty: 'demerit', disq: null, category: 'v10' },
    { age: 420, final: 'closed', outcome: 'penalty', penalty: 'demotion', disq: 24, category: 'v05' },
    { age: 200, final: 'closed', outcome: 'penalty', penalty: 'demerit', disq: 24, category: 'v09', appeal: 'changed' },
    { age: 90, final: 'appeal_review', outcome: 'penalty', penalty: 'warning', disq: null, category: 'v04', appeal: 'upheld' },
  ];
  for (const r of running) plans.push({ ...planFor(r.age!, rnd.pick(teachers)), ...r } as Plan);
  plans.sort((a, b) => b.age - a.age);

  const cases: Insertable<EthicsCaseTable>[] = [];
  const meta: { plan: Plan; states: EthicsCaseState[]; dates: string[]; decidedOn: string | null }[] = [];
  for (const p of plans) {
    const received = addDays(today, -p.age);
    const isPublic = rnd.next() < 0.8;
    const anonymous = isPublic && rnd.next() < 0.7;
    const schoolAdmin = schoolAdmins.find((a) => a.school_id === p.teacher.school_id);
    const handlerLevel = schoolAdmin && rnd.next() < 0.5 ? 'school' : 'district';
    const states: EthicsCaseState[] =
      p.final === 'dismissed'
        ? ['received', 'dismissed']
        : PATH.slice(0, PATH.indexOf(p.final === 'appeal_review' ? 'notified' : p.final) + 1);
    if (p.final === 'appeal_review') states.push('appeal_review');
    if (p.appeal === 'changed') states.splice(states.length - 1, 0, 'appeal_review');
    // Realistic gaps between steps (some investigations run past their deadline); never later than today.
    const gap = (state: EthicsCaseState, previous: EthicsCaseState): number => {
      switch (state) {
        case 'investigating':
          return rnd.int(1, 6);
        case 'dismissed':
          return rnd.int(2, 10);
        case 'statement':
          return p.overdue ? rnd.int(33, 45) : rnd.int(12, 28);
        case 'deciding':
          return rnd.int(2, 7);
        case 'decided':
          return rnd.int(4, 14);
        case 'notified':
          return rnd.int(1, 5);
        case 'appeal_review':
          return rnd.int(5, 25);
        case 'closed':
          return previous === 'appeal_review' ? rnd.int(10, 28) : rules.deadlines.appealDays + 1;
        default:
          return 0;
      }
    };
    let offset = 0;
    const dates = states.map((state, i) => {
      if (i > 0) offset = Math.min(offset + gap(state, states[i - 1]!), p.age);
      return addDays(received, offset);
    });
    const at = (s: EthicsCaseState) => (states.includes(s) ? dates[states.indexOf(s)]! : null);
    const triaged = at('investigating') ?? at('dismissed');
    const findingsOn = at('statement');
    const statementOn = at('deciding');
    const decidedOn = at('decided');
    const notifiedOn = at('notified');
    const content = rnd.pick(CONTENT[p.category] ?? CONTENT.v11!);
    cases.push({
      source: isPublic ? 'public_report' : 'office',
      rules_version: rules.version,
      is_anonymous: anonymous,
      reporter_name_enc: isPublic && !anonymous ? enc(rnd.pick(['张女士', '李先生', '王女士', '刘先生', '陈女士'])) : null,
      reporter_contact_enc: isPublic && !anonymous ? enc(`139${String(rnd.int(10000000, 99999999))}`) : null,
      reported_name_enc: enc(p.teacher.name),
      reported_school_id: p.teacher.school_id,
      content_enc: enc(content),
      occurred_on: addDays(received, -rnd.int(1, 20)),
      suggested_category: isPublic && rnd.next() < 0.5 ? p.category : null,
      received_at: `${received}T09:00:00+08:00`,
      received_on: received,
      triage_due: addDays(received, rules.deadlines.triageDays),
      triaged_on: triaged,
      triage_note_enc: p.final === 'dismissed' ? enc('反映内容不具体，经初步核实无相关事实，不予受理。') : null,
      teacher_id: p.final === 'dismissed' || p.final === 'received' ? null : p.teacher.id,
      school_id: p.final === 'dismissed' || p.final === 'received' ? null : p.teacher.school_id,
      category: p.final === 'dismissed' || p.final === 'received' ? null : p.category,
      handler_level: triaged && p.final !== 'dismissed' ? handlerLevel : null,
      handler_user_id:
        triaged && p.final !== 'dismissed' ? (handlerLevel === 'school' ? schoolAdmin!.user_id : (office?.id ?? null)) : null,
      investigation_due:
        triaged && p.final !== 'dismissed'
          ? addDays(triaged, p.overdue ? Math.min(20, p.age - 5) : rules.deadlines.investigationDays)
          : null,
      findings_enc: findingsOn ? enc(`经调查核实：${content}情况基本属实。`) : null,
      findings_on: findingsOn,
      statement_due: findingsOn ? addDays(findingsOn, rules.deadlines.statementDays) : null,
      statement_enc: statementOn ? enc('本人对所反映的情况作出说明，认识到问题，愿意改正。') : null,
      statement_on: statementOn,
      decision_due: statementOn ? addDays(statementOn, rules.deadlines.decisionDays) : null,
      outcome: decidedOn ? p.outcome : null,
      penalty: decidedOn ? p.penalty : null,
      measures: JSON.stringify(decidedOn && p.outcome === 'other_measures' ? ['criticism', 'admonition'] : []),
      disqualification_months: decidedOn ? p.disq : null,
      decision_enc: decidedOn
        ? enc(p.outcome === 'no_violation' ? '经调查，反映问题不属实，不构成违反职业道德行为。' : '依据教师〔2018〕18号作出处理。')
        : null,
      decided_on: decidedOn,
      notice_enc: notifiedOn ? enc('处理决定告知书：已将处理决定书面告知本人，如不服可在三十日内提出申诉。') : null,
      notified_on: notifiedOn,
      appeal_due: notifiedOn ? addDays(notifiedOn, rules.deadlines.appealDays) : null,
      appeal_enc: at('appeal_review') ? enc('认为处理过重，请求复核。') : null,
      appealed_on: at('appeal_review'),
      appeal_outcome: p.appeal === 'changed' ? 'changed' : null,
      appeal_result_enc: p.appeal === 'changed' ? enc('经复核，变更为警告处分，撤销取消资格的处理。') : null,
      appeal_decided_on: p.appeal === 'changed' ? at('closed') : null,
      closed_on: at('closed') ?? at('dismissed'),
    });
    meta.push({ plan: p, states, dates, decidedOn });
  }
  const ids = await tx.db.insertInto('ethics_case').values(cases).returning('id').execute();
  const instances = await tx.db
    .insertInto('workflow_instance')
    .values(
      ids.map((r, i) => ({
        definition_key: ETHICS_CASE_WORKFLOW.key,
        subject_type: 'ethics_case',
        subject_id: String(r.id),
        school_id: cases[i]!.school_id ?? null,
        state: meta[i]!.states[meta[i]!.states.length - 1]!,
        version: meta[i]!.states.length,
      })),
    )
    .returning('id')
    .execute();
  const actorName = office?.display_name ?? '师德办';
  await tx.db
    .insertInto('workflow_transition')
    .values(
      meta.flatMap((m, i) =>
        m.states.map((s, k) => ({
          instance_id: instances[i]!.id,
          action: k === 0 ? 'start' : s === 'closed' && m.states[k - 1] === 'appeal_review' ? 'decide_appeal' : (ACTION_INTO[s] ?? s),
          from_state: k === 0 ? null : m.states[k - 1]!,
          to_state: s,
          actor_id: k === 0 ? null : (office?.id ?? null),
          actor_name: k === 0 ? (cases[i]!.source === 'public_report' ? 'public-reporter' : actorName) : actorName,
          note: '',
          at: `${m.dates[k]!}T10:00:00+08:00`,
        })),
      ),
    )
    .execute();
  const restrictions = meta.flatMap((m, i) => {
    if (!m.decidedOn || !m.plan.outcome) return [];
    const drafts = restrictionsForDecision(rules, {
      outcome: m.plan.outcome,
      penalty: m.plan.penalty,
      disqualificationMonths: m.plan.disq,
      effectiveOn: m.decidedOn,
    });
    return drafts.map((d) => {
      const changed = m.plan.appeal === 'changed';
      const warning =
        changed && d.kind === 'penalty'
          ? restrictionsForDecision(rules, { outcome: 'penalty', penalty: 'warning', effectiveOn: m.decidedOn! })[0]!
          : null;
      return {
        teacher_id: m.plan.teacher.id,
        case_id: ids[i]!.id,
        kind: d.kind,
        label: warning ? warning.label : d.label,
        purposes: d.purposes,
        starts_on: d.period.from,
        ends_on: warning ? warning.period.to : d.period.to,
        original_ends_on: warning ? d.period.to : null,
        revoked_on: changed && d.kind === 'disqualification' ? cases[i]!.appeal_decided_on! : null,
        change_note: changed ? `${cases[i]!.appeal_decided_on} 申诉复核变更处理决定` : '',
      };
    });
  });
  if (restrictions.length) await tx.db.insertInto('ethics_restriction').values(restrictions).execute();
  // Questions to reporters and their replies on some public cases.
  const messages = ids.flatMap((r, i) =>
    cases[i]!.source === 'public_report' && meta[i]!.states.length > 2 && i % 3 === 0
      ? [
          {
            case_id: r.id,
            kind: 'question' as const,
            body_enc: enc('请补充具体时间和地点。'),
            author_id: office?.id ?? null,
            author_name: actorName,
            at: `${meta[i]!.dates[1]!}T15:00:00+08:00`,
          },
          {
            case_id: r.id,
            kind: 'reply' as const,
            body_enc: enc('大约在上月中旬，周六上午。'),
            author_id: null,
            author_name: '反映人',
            at: `${meta[i]!.dates[1]!}T20:00:00+08:00`,
          },
        ]
      : [],
  );
  if (messages.length) await tx.db.insertInto('ethics_case_message').values(messages).execute();

  // 2025 师德考核 and 师德承诺 for every active teacher of a school (set-based, one statement each).
  const penalized2025 = new Set(
    restrictions
      .filter((r) => r.kind === 'penalty' && r.starts_on <= '2025-12-31' && (r.ends_on ?? '9999') >= '2025-01-01')
      .map((r) => r.teacher_id),
  );
  await sql`
    insert into ethics_review (teacher_id, year, school_id, level, source, recorded_by_name)
    select t.id, 2025, t.school_id,
      case when t.id = any(${sql.val([...penalized2025])}::int[]) then 'unqualified'
           when (t.id * 7919) % 100 < 18 then 'excellent'
           when (t.id * 7919) % 100 = 99 then 'basic'
           else 'qualified' end,
      'entry', '学校管理员'
    from teacher t where t.is_active and t.school_id is not null`.execute(tx.db);
  await sql`
    insert into ethics_commitment (teacher_id, year, school_id, signed_on, recorded_by_name)
    select t.id, 2025, t.school_id, date '2025-09-01' + ((t.id * 31) % 20), '学校管理员'
    from teacher t where t.is_active and t.school_id is not null and (t.id * 7919) % 100 < 96`.execute(tx.db);
  return { cases: ids.length };
}
