/**
 * The demo district's map: its streets and towns (街镇) and its schools with type, sponsor, location,
 * opening date and relative size. Enrolment, conditions and staff are derived from this plan.
 */
import type { Stage } from '../codes/stages.ts';
import type { SchoolImportRow } from '../imports/rows.ts';
import { chineseOrdinal, KINDERGARTEN_WORDS, ROADS, VILLAGES } from './names.ts';
import type { Rng } from './random.ts';

export const DEMO_REGION_CODE = '500199';
export const DEMO_DISTRICT_NAME = '示例区';

/** 街道 (urban), 镇 (town) or 乡 (township). */
export type StreetKind = 'subdistrict' | 'town' | 'township';

/** One street or town of the district. */
export interface DemoStreet {
  /** Nine-digit 乡级 code: region code + 0xx for 街道, 1xx for 镇, 2xx for 乡. */
  code: string;
  name: string;
  kind: StreetKind;
  /** 城乡分类 of the street's centre. */
  urbanRuralCode: string;
}

/** A school row as imported, plus the dates the import template does not carry. */
export interface DemoSchool extends SchoolImportRow {
  openedOn: string;
  closedOn: string | null;
}

/** One stage taught at a school with its relative size (1 = an ordinary urban school of that stage). */
export interface StageUnit {
  stage: Stage;
  weight: number;
}

/** A school with what the generator needs to size it. */
export interface SchoolPlan {
  school: DemoSchool;
  units: StageUnit[];
  /** True for village schools (城乡分类 2xx). */
  isRural: boolean;
}

interface StreetSpec {
  name: string;
  kind: StreetKind;
  urbanRuralCode: string;
  /** Share of the district's schools located here. */
  share: number;
  centre: [number, number];
}

// prettier-ignore
const STREETS: readonly StreetSpec[] = [
  { name: '新城街道', kind: 'subdistrict', urbanRuralCode: '111', share: 0.18, centre: [106.512, 29.482] },
  { name: '滨江街道', kind: 'subdistrict', urbanRuralCode: '111', share: 0.16, centre: [106.538, 29.468] },
  { name: '和平街道', kind: 'subdistrict', urbanRuralCode: '111', share: 0.15, centre: [106.495, 29.461] },
  { name: '翠湖街道', kind: 'subdistrict', urbanRuralCode: '112', share: 0.12, centre: [106.47, 29.5] },
  { name: '青松街道', kind: 'subdistrict', urbanRuralCode: '112', share: 0.11, centre: [106.552, 29.505] },
  { name: '白石镇', kind: 'town', urbanRuralCode: '121', share: 0.09, centre: [106.43, 29.42] },
  { name: '龙泉镇', kind: 'town', urbanRuralCode: '121', share: 0.08, centre: [106.6, 29.43] },
  { name: '清溪镇', kind: 'town', urbanRuralCode: '121', share: 0.07, centre: [106.41, 29.55] },
  { name: '石门乡', kind: 'township', urbanRuralCode: '210', share: 0.04, centre: [106.63, 29.37] },
];

/** The district's streets and towns with their codes. */
export function buildStreets(): DemoStreet[] {
  let sub = 0;
  let town = 100;
  let township = 200;
  return STREETS.map((s) => {
    const n = s.kind === 'subdistrict' ? ++sub : s.kind === 'town' ? ++town : ++township;
    return { code: DEMO_REGION_CODE + String(n).padStart(3, '0'), name: s.name, kind: s.kind, urbanRuralCode: s.urbanRuralCode };
  });
}

const shortName = (street: string) => street.replace(/(街道|镇|乡)$/, '');

type Where = 'urban' | 'centre' | 'village';

/** The kinds of schools, how many of each, and how they are named and sized. */
interface Category {
  typeCode: string;
  count: number;
  sponsor: 'public' | 'private';
  isInclusive: boolean;
  /** Stage units with base weights. */
  units: StageUnit[];
  /** Where this kind of school tends to be. */
  where: Readonly<Record<Where, number>>;
  /** Fixed names, used first. */
  names?: readonly string[];
  /** Earliest opening year drawn. */
  openedFrom: number;
}

// prettier-ignore
const CATEGORIES: readonly Category[] = [
  { typeCode: '111', count: 55, sponsor: 'public', isInclusive: true, units: [{ stage: 'preschool', weight: 1.3 }], where: { urban: 0.62, centre: 0.23, village: 0.15 }, names: ['示例区实验幼儿园'], openedFrom: 1980 },
  { typeCode: '111', count: 45, sponsor: 'private', isInclusive: true, units: [{ stage: 'preschool', weight: 1 }], where: { urban: 0.75, centre: 0.2, village: 0.05 }, openedFrom: 1998 },
  { typeCode: '111', count: 10, sponsor: 'private', isInclusive: false, units: [{ stage: 'preschool', weight: 0.7 }], where: { urban: 0.9, centre: 0.1, village: 0 }, openedFrom: 2003 },
  { typeCode: '211', count: 43, sponsor: 'public', isInclusive: false, units: [{ stage: 'primary', weight: 1 }], where: { urban: 0.58, centre: 0.2, village: 0.22 }, names: ['示例区实验小学'], openedFrom: 1950 },
  { typeCode: '211', count: 2, sponsor: 'private', isInclusive: false, units: [{ stage: 'primary', weight: 0.7 }], where: { urban: 1, centre: 0, village: 0 }, names: ['示例区博文小学', '示例区英才小学'], openedFrom: 2002 },
  { typeCode: '311', count: 14, sponsor: 'public', isInclusive: false, units: [{ stage: 'junior', weight: 1 }], where: { urban: 0.65, centre: 0.35, village: 0 }, openedFrom: 1955 },
  { typeCode: '311', count: 1, sponsor: 'private', isInclusive: false, units: [{ stage: 'junior', weight: 0.7 }], where: { urban: 1, centre: 0, village: 0 }, names: ['示例区育英中学'], openedFrom: 2004 },
  { typeCode: '312', count: 8, sponsor: 'public', isInclusive: false, units: [{ stage: 'primary', weight: 0.7 }, { stage: 'junior', weight: 0.7 }], where: { urban: 0.3, centre: 0.45, village: 0.25 }, openedFrom: 1960 },
  { typeCode: '341', count: 2, sponsor: 'public', isInclusive: false, units: [{ stage: 'junior', weight: 1.3 }, { stage: 'senior', weight: 1 }], where: { urban: 1, centre: 0, village: 0 }, names: ['示例区第一中学', '示例区第二中学'], openedFrom: 1940 },
  { typeCode: '345', count: 1, sponsor: 'private', isInclusive: false, units: [{ stage: 'primary', weight: 0.8 }, { stage: 'junior', weight: 0.8 }, { stage: 'senior', weight: 0.45 }], where: { urban: 1, centre: 0, village: 0 }, names: ['示例区博雅外国语学校'], openedFrom: 2005 },
  { typeCode: '342', count: 5, sponsor: 'public', isInclusive: false, units: [{ stage: 'senior', weight: 1.2 }], where: { urban: 0.8, centre: 0.2, village: 0 }, names: ['示例区第三中学', '示例区第四中学', '示例区第五中学', '示例区实验中学', '示例区育才中学'], openedFrom: 1950 },
  { typeCode: '342', count: 1, sponsor: 'private', isInclusive: false, units: [{ stage: 'senior', weight: 0.6 }], where: { urban: 1, centre: 0, village: 0 }, names: ['示例区明德中学'], openedFrom: 2001 },
  { typeCode: '361', count: 1, sponsor: 'public', isInclusive: false, units: [{ stage: 'vocational', weight: 1.1 }], where: { urban: 1, centre: 0, village: 0 }, names: ['示例区职业教育中心'], openedFrom: 1985 },
  { typeCode: '365', count: 1, sponsor: 'public', isInclusive: false, units: [{ stage: 'vocational', weight: 0.9 }], where: { urban: 0, centre: 1, village: 0 }, names: ['示例区商贸职业高级中学'], openedFrom: 1988 },
  { typeCode: '513', count: 1, sponsor: 'public', isInclusive: false, units: [{ stage: 'special', weight: 1 }], where: { urban: 1, centre: 0, village: 0 }, names: ['示例区培智学校'], openedFrom: 1996 },
];

/** Schools opened inside the five demo years, by type and sponsor: [typeCode, sponsor, opened on]. */
const NEW_SCHOOLS: readonly [string, 'public' | 'private', string][] = [
  ['211', 'public', '2022-09-01'],
  ['111', 'public', '2023-09-01'],
  ['312', 'public', '2024-09-01'],
];

/** The school that closed during the demo years (a non-普惠 private kindergarten). */
const CLOSED_ON = '2024-07-31';

function drawOpenedOn(rng: Rng, from: number): string {
  const year = rng.int(from, 2019);
  return `${year}-${rng.chance(0.8) ? '09-01' : `0${rng.int(1, 8)}-${String(rng.int(1, 28)).padStart(2, '0')}`}`;
}

/** Builds every school of the district: codes, names, places, dates and relative sizes. */
export function buildSchoolPlans(rng: Rng, streets: readonly DemoStreet[]): SchoolPlan[] {
  const plans: SchoolPlan[] = [];
  const usedNames = new Set<string>();
  const countersByStreet = new Map<string, number>();
  const villagesByStreet = new Map<string, string[]>();
  let serial = 0;
  let kgWord = 0;
  const publicOrdinal = { kg: 0, junior: 5 };

  const urbanStreets = streets.filter((s) => s.kind === 'subdistrict');
  const ruralStreets = streets.filter((s) => s.kind !== 'subdistrict');
  const pickStreet = (pool: DemoStreet[]): DemoStreet => {
    const weights = Object.fromEntries(pool.map((s) => [s.code, STREETS.find((x) => x.name === s.name)!.share]));
    const code = rng.weighted(weights);
    return pool.find((s) => s.code === code)!;
  };
  const nextVillage = (street: DemoStreet): string => {
    let list = villagesByStreet.get(street.code);
    if (!list || list.length === 0) list = rng.shuffle(VILLAGES);
    const v = list.pop()!;
    villagesByStreet.set(street.code, list);
    return v;
  };
  const unique = (name: string, fallback: () => string): string => {
    let n = name;
    while (usedNames.has(n)) n = fallback();
    usedNames.add(n);
    return n;
  };

  for (const cat of CATEGORIES) {
    for (let i = 0; i < cat.count; i++) {
      const fixedName = cat.names?.[i];
      const isFlagship = fixedName !== undefined && i === 0;
      const opening = i === cat.count - 1 ? NEW_SCHOOLS.find(([t, s]) => t === cat.typeCode && s === cat.sponsor) : undefined;
      const where: Where = opening || (isFlagship && cat.where.urban > 0) ? 'urban' : rng.weighted(cat.where);
      // New schools go to 翠湖街道, the district's growing residential area.
      const street = opening
        ? urbanStreets.find((s) => s.name === '翠湖街道')!
        : where === 'urban'
          ? pickStreet(urbanStreets)
          : pickStreet(ruralStreets);
      const short = shortName(street.name);
      const urbanRuralCode =
        where === 'urban'
          ? street.urbanRuralCode
          : where === 'village'
            ? street.kind === 'township' && rng.chance(0.3)
              ? '210'
              : '220'
            : street.kind === 'township'
              ? '210'
              : rng.chance(0.8)
                ? '121'
                : '122';
      const village = where === 'village' ? nextVillage(street) : '';
      const streetCount = (countersByStreet.get(street.code + cat.typeCode) ?? 0) + 1;
      countersByStreet.set(street.code + cat.typeCode, streetCount);
      const name = unique(
        fixedName ??
          defaultName(cat, {
            short,
            where,
            village,
            streetCount,
            publicOrdinal,
            kgWord: () => KINDERGARTEN_WORDS[kgWord++ % KINDERGARTEN_WORDS.length]!,
          }),
        () => `${short}${nextVillage(street)}${suffixOf(cat.typeCode)}`,
      );
      const isClosed = cat.typeCode === '111' && !cat.isInclusive && i === cat.count - 1;
      const [lon, lat] = STREETS.find((s) => s.name === street.name)!.centre;
      const sizeFactor = where === 'village' ? rng.float(0.18, 0.4) : where === 'centre' ? rng.float(0.7, 1.2) : rng.float(0.75, 1.6);
      serial++;
      plans.push({
        school: {
          code: `1${DEMO_REGION_CODE}${String(serial).padStart(3, '0')}`,
          name,
          typeCode: cat.typeCode,
          sponsor: cat.sponsor,
          isInclusive: cat.isInclusive,
          urbanRuralCode,
          streetName: street.name,
          address: `重庆市${DEMO_DISTRICT_NAME}${street.name}${village ? village + '村' : rng.pick(ROADS) + rng.int(1, 399) + '号'}`,
          longitude: round6(lon + rng.float(-0.025, 0.025)),
          latitude: round6(lat + rng.float(-0.02, 0.02)),
          openedOn: opening ? opening[2] : drawOpenedOn(rng, cat.openedFrom),
          closedOn: isClosed ? CLOSED_ON : null,
        },
        units: cat.units.map((u) => ({ stage: u.stage, weight: round3(u.weight * (isFlagship ? 1.8 : sizeFactor)) })),
        isRural: urbanRuralCode.startsWith('2'),
      });
    }
  }
  calibrateKindergartenShares(plans);
  return plans;
}

/** Target shares of kindergarten children by kind (公办 ≈ 57.5 %, 普惠 ≈ 94.5 %, as in the articles). */
const KINDERGARTEN_SHARES = { public: 0.575, inclusive: 0.37, private: 0.055 } as const;

/** Scales kindergarten weights so each kind's children come out near its target share. */
function calibrateKindergartenShares(plans: SchoolPlan[]): void {
  const kindOf = (p: SchoolPlan) => (p.school.sponsor === 'public' ? 'public' : p.school.isInclusive ? 'inclusive' : 'private');
  const kgs = plans.filter((p) => p.school.typeCode === '111');
  for (const kind of ['public', 'inclusive', 'private'] as const) {
    const group = kgs.filter((p) => kindOf(p) === kind);
    const current = group.filter((p) => p.school.closedOn === null).reduce((s, p) => s + p.units[0]!.weight, 0);
    const factor = (KINDERGARTEN_SHARES[kind] * 110) / current;
    for (const p of group) p.units[0]!.weight = round3(p.units[0]!.weight * factor);
  }
}

function suffixOf(typeCode: string): string {
  if (typeCode === '111') return '幼儿园';
  if (typeCode === '211') return '小学';
  if (typeCode === '312') return '学校';
  return '中学';
}

function defaultName(
  cat: Category,
  p: {
    short: string;
    where: Where;
    village: string;
    streetCount: number;
    publicOrdinal: { kg: number; junior: number };
    kgWord: () => string;
  },
): string {
  const { short, where, village, streetCount } = p;
  if (cat.typeCode === '111') {
    if (cat.sponsor === 'private') return where === 'urban' ? `${p.kgWord()}幼儿园` : `${short}${p.kgWord()}幼儿园`;
    if (where === 'village') return `${short}${village}幼儿园`;
    if (where === 'centre') return streetCount === 1 ? `${short}中心幼儿园` : `${short}第${chineseOrdinal(streetCount)}幼儿园`;
    return `示例区第${chineseOrdinal(++p.publicOrdinal.kg)}幼儿园`;
  }
  if (cat.typeCode === '211') {
    if (where === 'village') return `${short}${village}小学`;
    if (where === 'centre') return streetCount === 1 ? `${short}中心小学` : `${short}第${chineseOrdinal(streetCount)}小学`;
    return streetCount === 1 ? `${short}小学` : `${short}第${chineseOrdinal(streetCount)}小学`;
  }
  if (cat.typeCode === '311') {
    if (where === 'centre') return streetCount === 1 ? `${short}中学` : `${short}第${chineseOrdinal(streetCount)}中学`;
    return `示例区第${chineseOrdinal(++p.publicOrdinal.junior)}中学`;
  }
  if (cat.typeCode === '312')
    return where === 'village' ? `${short}${village}学校` : streetCount === 1 ? `${short}学校` : `${short}实验学校`;
  return `${short}中学`;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const round3 = (x: number) => Math.round(x * 1e3) / 1e3;
