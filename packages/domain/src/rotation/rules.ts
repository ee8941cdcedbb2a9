/**
 * 交流轮岗 / 区管校聘 rules as configuration (standards.md §5.1): who is due (years at the same school,
 * principals after two terms), who is exempt and why, which schools must send, the yearly minimum share
 * (≥10 % of eligible, 教师〔2014〕4号) and the 骨干 share (≥20 % of those rotated, or of the eligible pool
 * where a province counts it so). Every figure lives in a versioned rule set carrying its document number.
 */

/** Reasons a due teacher is exempted; 'near_retirement' is also applied automatically from the birth date. */
export const ROTATION_EXEMPTION_REASONS = {
  pregnancy: '孕期',
  nursing: '哺乳期',
  illness: '患重大疾病',
  near_retirement: '临近退休',
  other: '其他（须说明）',
} as const;
/** Code of an exemption reason. */
export type RotationExemptionReason = keyof typeof ROTATION_EXEMPTION_REASONS;

/** One version of the district's rotation rules. */
export interface RotationRules {
  /** Years of continuous service at the same school after which a 专任教师 is due (local rule, commonly 6). */
  eligibleYears: number;
  /** Years of one term of a principal / vice-principal (校级领导). */
  leaderTermYears: number;
  /** Terms after which a 校级领导 is due (commonly 2). */
  leaderTerms: number;
  /** Statutory retirement ages used for the near-retirement exemption. */
  retirementAge: { male: number; female: number };
  /** A teacher within this many years of retirement is exempt. */
  nearRetirementYears: number;
  /** 城乡分类代码 prefixes of schools that must send (e.g. '11' = 主城区). */
  sendingUrbanRuralPrefixes: string[];
  /** School ids named as high-quality schools (优质学校) that must send whatever their location. */
  sendingSchoolIds: number[];
  /** Minimum share of the eligible teachers of the sending schools rotated each year (0.10). */
  minShare: number;
  /** Minimum share of 骨干教师 (0.20). */
  backboneShare: number;
  /** 'rotated': 骨干 ÷ rotated (national); 'eligible': 骨干 ÷ eligible (some provinces). */
  backboneBasis: 'rotated' | 'eligible';
  /** Upper bound on teachers rotated in one plan, as a share of the eligible pool (keeps schools stable). */
  maxShare: number;
  /** Longest straight-line distance between the home and the receiving school, km. */
  maxDistanceKm: number;
  /** How an approved move is recorded: 'partial' keeps 编制 at the home school, 'full' moves it. */
  defaultMoveKind: 'full' | 'partial';
  /** Titles counted as high-quality teachers in the reports (besides 骨干教师). */
  highQualityTitles: string[];
}

/** The national floor with the common local practice [V/P, standards.md §5.1]. */
export const DEFAULT_ROTATION_RULES: RotationRules = {
  eligibleYears: 6,
  leaderTermYears: 5,
  leaderTerms: 2,
  retirementAge: { male: 60, female: 55 },
  nearRetirementYears: 3,
  sendingUrbanRuralPrefixes: ['11'],
  sendingSchoolIds: [],
  minShare: 0.1,
  backboneShare: 0.2,
  backboneBasis: 'rotated',
  maxShare: 0.2,
  maxDistanceKm: 30,
  defaultMoveKind: 'partial',
  highQualityTitles: ['senior', 'professor'],
};

/** Checks a rule set; returns Chinese problems (empty when valid). */
export function validateRotationRules(r: RotationRules): string[] {
  const p: string[] = [];
  if (!(r.eligibleYears >= 1 && r.eligibleYears <= 30)) p.push('应交流年限须在1–30年之间');
  if (!(r.leaderTerms >= 1 && r.leaderTermYears >= 1)) p.push('校级领导任期设置无效');
  if (!(r.minShare > 0 && r.minShare <= 1)) p.push('年度交流比例须在0–100%之间');
  if (!(r.backboneShare >= 0 && r.backboneShare <= 1)) p.push('骨干教师比例须在0–100%之间');
  if (!(r.maxShare >= r.minShare && r.maxShare <= 1)) p.push('交流比例上限不能低于年度交流比例');
  if (!(r.maxDistanceKm > 0)) p.push('最远交流距离须大于0');
  return p;
}

/** A teacher as eligibility needs them. */
export interface EligibilityInput {
  post: string;
  isFullTime: boolean;
  teachingStage: string | null;
  gender: 'male' | 'female';
  birthDate: string;
  /** Start of continuous service at the current school (after the last 调动 or the return from the last 交流). */
  serviceStart: string | null;
  /** True while the teacher is away on a 交流轮岗. */
  isOnRotation: boolean;
  /** A recorded exemption for the year, if any. */
  exemption?: { reason: RotationExemptionReason; note: string } | null;
}

/** The verdict on one teacher. */
export interface EligibilityVerdict {
  status: 'eligible' | 'exempt' | 'not_due';
  /** Whole years of continuous service at the school on the reference date. */
  years: number;
  /** Chinese explanation. */
  reason: string;
  exemptionReason: RotationExemptionReason | null;
}

/** Whole years between two ISO dates (anniversaries count on the day). */
export function wholeYearsBetween(from: string, to: string): number {
  let y = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) y -= 1;
  return Math.max(0, y);
}

/** Years of service that make this post due, or null for posts that do not rotate. */
export function requiredYears(post: string, rules: RotationRules): number | null {
  if (post === 'teacher') return rules.eligibleYears;
  if (post === 'leader') return rules.leaderTerms * rules.leaderTermYears;
  return null;
}

/** Decides whether a teacher is due to rotate on a reference date (the start of the plan's school year). */
export function judgeEligibility(t: EligibilityInput, rules: RotationRules, onDate: string): EligibilityVerdict {
  const years = t.serviceStart ? wholeYearsBetween(t.serviceStart, onDate) : 0;
  const out = (status: EligibilityVerdict['status'], reason: string, exemptionReason: RotationExemptionReason | null = null) => ({
    status,
    years,
    reason,
    exemptionReason,
  });
  const need = requiredYears(t.post, rules);
  if (need === null) return out('not_due', '非专任教师或校级领导，不参加交流');
  if (!t.isFullTime) return out('not_due', '非全职教师');
  if (t.teachingStage !== 'primary' && t.teachingStage !== 'junior') return out('not_due', '非义务教育学段');
  if (t.isOnRotation) return out('not_due', '正在交流轮岗中');
  if (!t.serviceStart) return out('not_due', '缺少到校日期，无法计算任职年限');
  if (years < need) return out('not_due', `在本校连续任职 ${years} 年，未满 ${need} 年`);
  const due = t.post === 'leader' ? `任校级领导满 ${rules.leaderTerms} 届（${years} 年）` : `在本校连续任职 ${years} 年（满 ${need} 年）`;
  if (t.exemption) {
    const label = ROTATION_EXEMPTION_REASONS[t.exemption.reason];
    return out('exempt', `${due}；免于交流：${label}${t.exemption.note ? `（${t.exemption.note}）` : ''}`, t.exemption.reason);
  }
  const age = wholeYearsBetween(t.birthDate, onDate);
  const retire = rules.retirementAge[t.gender];
  if (retire - age <= rules.nearRetirementYears)
    return out('exempt', `${due}；免于交流：距法定退休年龄不足 ${rules.nearRetirementYears} 年（${age} 岁）`, 'near_retirement');
  return out('eligible', `${due}，应交流`);
}

/** True when a school must send teachers under the rules. */
export function isSendingSchool(school: { id: number; urbanRuralCode: string }, rules: RotationRules): boolean {
  return rules.sendingSchoolIds.includes(school.id) || rules.sendingUrbanRuralPrefixes.some((p) => school.urbanRuralCode.startsWith(p));
}

/** How many teachers a plan must and may move. */
export interface RotationQuota {
  /** Eligible teachers of the sending schools. */
  eligibleSending: number;
  /** All eligible teachers (the 'eligible' 骨干 basis and the upper bound count them). */
  eligibleAll: number;
  /** ⌈minShare × eligibleSending⌉ teachers must leave sending schools. */
  minRotated: number;
  /** Per sending school: ⌊minShare × its eligible⌋ must leave it. */
  perSchool: Map<number, number>;
  /** ⌊maxShare × eligibleAll⌋, never below what the minimum needs. */
  maxRotated: number;
}

/** The quotas of a year from the eligible counts per school. */
export function computeQuota(
  eligibleBySchool: ReadonlyMap<number, number>,
  sending: ReadonlySet<number>,
  rules: RotationRules,
): RotationQuota {
  let eligibleSending = 0;
  let eligibleAll = 0;
  const perSchool = new Map<number, number>();
  for (const [school, n] of eligibleBySchool) {
    eligibleAll += n;
    if (!sending.has(school)) continue;
    eligibleSending += n;
    perSchool.set(school, Math.floor(rules.minShare * n + 1e-9));
  }
  const minRotated = Math.ceil(rules.minShare * eligibleSending - 1e-9);
  const perSchoolSum = [...perSchool.values()].reduce((a, b) => a + b, 0);
  const maxRotated = Math.max(Math.floor(rules.maxShare * eligibleAll + 1e-9), minRotated, perSchoolSum);
  return { eligibleSending, eligibleAll, minRotated, perSchool, maxRotated };
}

/** 骨干 moves needed for a plan moving `rotated` teachers. */
export function requiredBackbone(rotated: number, quota: RotationQuota, rules: RotationRules): number {
  const basis = rules.backboneBasis === 'rotated' ? rotated : quota.eligibleAll;
  return Math.ceil(rules.backboneShare * basis - 1e-9);
}

/** Whether a plan meets the shares, with Chinese findings. */
export interface ShareCheck {
  rotated: number;
  rotatedFromSending: number;
  backbone: number;
  requiredRotated: number;
  requiredBackbone: number;
  /** rotatedFromSending ÷ eligibleSending (null when nobody is eligible). */
  share: number | null;
  /** backbone ÷ the configured basis. */
  backboneShare: number | null;
  isMinimumMet: boolean;
  isBackboneMet: boolean;
  /** Sending schools below their own quota. */
  schoolsBelowQuota: { schoolId: number; moved: number; required: number }[];
  findings: string[];
}

/** Checks the minimum, per-school and 骨干 shares of a set of moves. */
export function checkShares(
  moves: readonly { fromSchoolId: number; countsAsBackbone: boolean }[],
  quota: RotationQuota,
  rules: RotationRules,
  sending: ReadonlySet<number>,
): ShareCheck {
  const rotated = moves.length;
  const fromSending = moves.filter((m) => sending.has(m.fromSchoolId)).length;
  const backbone = moves.filter((m) => m.countsAsBackbone).length;
  const needBackbone = requiredBackbone(rotated, quota, rules);
  const bySchool = new Map<number, number>();
  for (const m of moves) bySchool.set(m.fromSchoolId, (bySchool.get(m.fromSchoolId) ?? 0) + 1);
  const schoolsBelowQuota = [...quota.perSchool]
    .filter(([id, req]) => (bySchool.get(id) ?? 0) < req)
    .map(([schoolId, required]) => ({ schoolId, moved: bySchool.get(schoolId) ?? 0, required }));
  const basis = rules.backboneBasis === 'rotated' ? rotated : quota.eligibleAll;
  const findings: string[] = [];
  const isMinimumMet = fromSending >= quota.minRotated && schoolsBelowQuota.length === 0;
  if (fromSending < quota.minRotated)
    findings.push(`城区及优质学校交流 ${fromSending} 人，少于应交流教师的 ${pct(rules.minShare)}（${quota.minRotated} 人）`);
  if (schoolsBelowQuota.length > 0) findings.push(`${schoolsBelowQuota.length} 所派出学校未达到本校交流人数要求`);
  if (rotated > quota.maxRotated) findings.push(`交流 ${rotated} 人，超过上限 ${quota.maxRotated} 人`);
  const isBackboneMet = backbone >= needBackbone;
  if (!isBackboneMet)
    findings.push(
      `骨干教师交流 ${backbone} 人，少于${rules.backboneBasis === 'rotated' ? '交流人数' : '应交流人数'}的 ${pct(rules.backboneShare)}（${needBackbone} 人）`,
    );
  return {
    rotated,
    rotatedFromSending: fromSending,
    backbone,
    requiredRotated: quota.minRotated,
    requiredBackbone: needBackbone,
    share: quota.eligibleSending > 0 ? fromSending / quota.eligibleSending : null,
    backboneShare: basis > 0 ? backbone / basis : null,
    isMinimumMet,
    isBackboneMet,
    schoolsBelowQuota,
    findings,
  };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Straight-line (great-circle) distance between two points, km. */
export function distanceKm(a: { longitude: number; latitude: number }, b: { longitude: number; latitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
