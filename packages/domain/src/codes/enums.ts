/**
 * Closed code lists of the base data, with the Chinese labels that templates and the UI show.
 * Each list maps a stable internal value to its label; imports accept either.
 */

/** Builds a two-way lookup for a code list. */
function codeList<const K extends string>(labels: Record<K, string>) {
  const values = Object.keys(labels) as K[];
  const byLabel = new Map<string, K>();
  for (const v of values) byLabel.set(labels[v], v);
  return {
    values,
    labels,
    /** Parses an internal value or its Chinese label; undefined when it is neither. */
    parse(input: string): K | undefined {
      const s = input.trim();
      if ((values as string[]).includes(s)) return s as K;
      return byLabel.get(s);
    },
  };
}

/** 举办者类型. */
export const SPONSOR = codeList({ public: '公办', private: '民办' });
export type Sponsor = (typeof SPONSOR.values)[number];

/** 城乡分类 (国家统计局 urban–rural classification, first two digits). */
export const URBAN_RURAL = codeList({
  '111': '主城区',
  '112': '城乡结合区',
  '121': '镇中心区',
  '122': '镇乡结合区',
  '123': '特殊区域',
  '210': '乡中心区',
  '220': '村庄',
});
export type UrbanRural = (typeof URBAN_RURAL.values)[number];

/** True for urban (城区) and town (镇区) classifications, used by zoning and rotation rules. */
export function isUrbanOrTown(code: string): boolean {
  return code.startsWith('1');
}

/** 性别. */
export const GENDER = codeList({ male: '男', female: '女' });
export type Gender = (typeof GENDER.values)[number];

/** 岗位类别. */
export const POST = codeList({
  teacher: '专任教师',
  leader: '校级领导',
  admin: '行政人员',
  support: '教辅人员',
  worker: '工勤人员',
  nurse: '保育员',
  health: '卫生保健人员',
});
export type Post = (typeof POST.values)[number];

/** 任教学段. */
export const TEACHING_STAGE = codeList({
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  special: '特教',
});

/** 最高学历, ordered from lowest to highest. */
export const EDUCATION = codeList({
  high_school: '高中及以下',
  secondary_normal: '中专',
  associate: '专科',
  bachelor: '本科',
  master: '硕士研究生',
  doctor: '博士研究生',
});
export type Education = (typeof EDUCATION.values)[number];

/** Rank of an education level (higher is more). */
export function educationRank(e: Education): number {
  return EDUCATION.values.indexOf(e);
}

/** 专业技术职务. */
export const TITLE = codeList({
  none: '未评职称',
  level3: '三级教师',
  level2: '二级教师',
  level1: '一级教师',
  senior: '高级教师',
  professor: '正高级教师',
});
export type Title = (typeof TITLE.values)[number];

/** 教师资格证 held, by the stage it licenses. */
export const CERTIFICATE = codeList({
  none: '无',
  preschool: '幼儿园',
  primary: '小学',
  junior: '初级中学',
  senior: '高级中学',
  vocational: '中职专业课',
});
export type Certificate = (typeof CERTIFICATE.values)[number];

/** 编制情况. */
export const STAFFING = codeList({ established: '在编', contract: '合同制', agency: '劳务派遣', other: '其他' });
export type Staffing = (typeof STAFFING.values)[number];

/** 骨干教师级别 (县级以上 counts for 优质均衡, standards.md §1.1). */
export const BACKBONE_LEVEL = codeList({
  school: '校级',
  district: '区级',
  city: '市级',
  province: '省级',
  national: '国家级',
});
export type BackboneLevel = (typeof BACKBONE_LEVEL.values)[number];

/** True when a backbone level counts as 县级以上 for 优质均衡 indicator 2. */
export function isCountyOrAbove(level: BackboneLevel): boolean {
  return level !== 'school';
}

/** 人口口径. */
export const POPULATION_BASIS = codeList({ registered: '户籍', resident: '常住' });
export type PopulationBasis = (typeof POPULATION_BASIS.values)[number];

/** 任教学科 (common subjects; free text beyond this list is rejected to keep indicators clean). */
export const SUBJECTS = [
  '语文',
  '数学',
  '英语',
  '物理',
  '化学',
  '生物',
  '道德与法治',
  '思想政治',
  '历史',
  '地理',
  '科学',
  '体育',
  '体育与健康',
  '音乐',
  '美术',
  '艺术',
  '信息技术',
  '劳动',
  '综合实践',
  '心理健康',
  '书法',
  '学前教育',
  '特殊教育',
  '专业课',
  '其他',
] as const;

/** Subjects counted as 体育、艺术(美术、音乐) for 优质均衡 indicator 3. */
export const PE_ART_SUBJECTS: readonly string[] = ['体育', '体育与健康', '音乐', '美术', '艺术'];
