/**
 * A province-scale dataset generated in the database itself (INSERT … SELECT over generate_series, one
 * transaction): streets, schools of every common type with one version each, per-grade statistics and
 * conditions for five school years, teachers with their assignment, backbone recognitions and some
 * 交流轮岗, and the population by age. Deterministic (setseed) and the same SQL on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/db/schema.ts';

/** Size of the dataset. */
export interface DatasetSize {
  schools: number;
  teachers: number;
  /** First of the five (or more) school years. */
  firstYear: number;
  years: number;
}

/** School types by share (per cent of schools) and the grades each reports. */
const TYPES: [string, number, string[]][] = [
  ['111', 35, ['K1', 'K2', 'K3']],
  ['211', 35, ['P1', 'P2', 'P3', 'P4', 'P5', 'P6']],
  ['311', 12, ['J1', 'J2', 'J3']],
  ['312', 8, ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'J1', 'J2', 'J3']],
  ['341', 4, ['J1', 'J2', 'J3', 'S1', 'S2', 'S3']],
  ['342', 3, ['S1', 'S2', 'S3']],
  ['365', 2, ['V1', 'V2', 'V3']],
  ['513', 1, ['P1', 'P2', 'P3', 'J1', 'J2', 'J3']],
];

/** `CASE WHEN g % 100 < 35 THEN '111' …` — the type of school number g. */
function typeCase(column: string) {
  let acc = 0;
  const whens = TYPES.map(([code, share]) => {
    acc += share;
    return `WHEN ${column} % 100 < ${acc} THEN '${code}'`;
  });
  return sql.raw(`CASE ${whens.join(' ')} END`);
}

const STAGE_OF_TYPE = sql.raw(
  `CASE v.type_code WHEN '111' THEN 'preschool' WHEN '211' THEN 'primary' WHEN '311' THEN 'junior' WHEN '312' THEN (CASE WHEN t.n % 2 = 0 THEN 'primary' ELSE 'junior' END)
   WHEN '341' THEN (CASE WHEN t.n % 2 = 0 THEN 'junior' ELSE 'senior' END) WHEN '342' THEN 'senior' WHEN '365' THEN 'vocational' ELSE 'special' END`,
);

/** Fills an empty, migrated database with the dataset (the district org unit must exist). */
export async function generateDataset(db: Kysely<DB>, districtId: number, size: DatasetSize, log: (s: string) => void): Promise<void> {
  const { schools: N, teachers: T, firstYear: Y0, years } = size;
  const Y1 = Y0 + years - 1;
  const pairs = TYPES.flatMap(([code, , grades]) => grades.map((g) => `('${code}', '${g}', ${grades.indexOf(g)})`)).join(', ');
  await db.transaction().execute(async (trx) => {
    const step = async (label: string, q: ReturnType<typeof sql>) => {
      const t0 = performance.now();
      await q.execute(trx);
      log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    };
    await sql`SELECT setseed(0.2025)`.execute(trx);
    await step(
      'streets',
      sql`INSERT INTO org_unit (kind, code, name, parent_id) SELECT 'street', 'BS' || lpad(g::text, 5, '0'), '街镇' || g, ${districtId} FROM generate_series(1, 200) g`,
    );
    await step(
      'schools',
      sql`INSERT INTO school (id, code, district_id, opened_on) SELECT g, (3000000000 + g)::text, ${districtId}, DATE '2000-09-01' FROM generate_series(1, ${N}) g`,
    );
    await step(
      'school versions',
      sql`INSERT INTO school_version (school_id, valid_from, name, type_code, sponsor, is_inclusive, urban_rural_code, street_id)
        SELECT g, DATE '2000-09-01', '基准学校' || g, ${typeCase('g')}, CASE WHEN g % 10 = 0 THEN 'private' ELSE 'public' END, g % 20 = 0,
          CASE WHEN g % 3 = 0 THEN '220' WHEN g % 3 = 1 THEN '121' ELSE '111' END,
          (SELECT min(id) FROM org_unit WHERE kind = 'street') + g % 200
        FROM generate_series(1, ${N}) g`,
    );
    await step(
      'grade statistics',
      sql`INSERT INTO school_year_stat (school_id, school_year, grade, classes, students, girls, new_entrants, graduates, transfers_in, transfers_out, migrant_children, disabled_students)
        SELECT c.school_id, c.y, c.grade, c.classes, c.students, c.students * 48 / 100, CASE WHEN c.k = 0 THEN c.students ELSE 0 END,
          CASE WHEN c.grade IN ('P6', 'J3', 'S3', 'V3') THEN c.students - 1 ELSE 0 END, c.students / 50, c.students / 40, c.students / 10, c.students / 200
        FROM (SELECT v.school_id, y, tg.grade, tg.k, 1 + (v.school_id * 31 + y * 17 + tg.k * 7) % 4 AS classes,
                (1 + (v.school_id * 31 + y * 17 + tg.k * 7) % 4) * (28 + (v.school_id * 13 + y * 7 + tg.k * 3) % 30) AS students
              FROM school_version v JOIN (VALUES ${sql.raw(pairs)}) AS tg(type_code, grade, k) ON tg.type_code = v.type_code
              CROSS JOIN generate_series(${Y0}::int, ${Y1}::int) y) c`,
    );
    await step(
      'conditions',
      sql`INSERT INTO school_condition (school_id, school_year, teaching_area, gym_area, sports_ground_area, equipment_value, multimedia_rooms, music_rooms, art_rooms, books)
        SELECT s.school_id, s.school_year, round((s.n * (4 + random() * 4))::numeric, 2), round((s.n * random())::numeric, 2), round((s.n * (6 + random() * 8))::numeric, 2),
          round((s.n * (1800 + random() * 2000))::numeric, 2), ceil(s.n * (0.02 + random() * 0.015))::int, 1 + s.c / 14, 1 + s.c / 14, s.n * 30
        FROM (SELECT school_id, school_year, sum(students) AS n, sum(classes) AS c FROM school_year_stat GROUP BY 1, 2) s`,
    );
    await step(
      'teachers',
      sql`INSERT INTO teacher (id, id_number_hash, id_number_enc, id_number_masked, name, gender, birth_date, school_id, post, is_full_time, teaching_stage, subject, education, title, certificate, staffing, joined_school_on)
        SELECT t.n, md5(t.n::text), 'v1:bench', '500199********' || lpad((t.n % 10000)::text, 4, '0'), '教师' || t.n, CASE WHEN t.n % 3 = 0 THEN 'male' ELSE 'female' END,
          DATE '1970-01-01' + (t.n % 10000), v.school_id,
          CASE WHEN t.n % 20 = 0 THEN 'leader' WHEN t.n % 20 = 1 THEN 'admin' ELSE 'teacher' END, t.n % 20 > 1,
          CASE WHEN t.n % 20 > 1 THEN ${STAGE_OF_TYPE} END,
          CASE WHEN t.n % 20 <= 1 THEN NULL WHEN t.n % 12 = 2 THEN '体育' WHEN t.n % 12 = 3 THEN '音乐' WHEN t.n % 12 = 4 THEN '美术' WHEN t.n % 12 = 5 THEN '数学' ELSE '语文' END,
          CASE WHEN t.n % 10 < 1 THEN 'secondary_normal' WHEN t.n % 10 < 4 THEN 'associate' WHEN t.n % 10 < 9 THEN 'bachelor' ELSE 'master' END,
          'level1', CASE WHEN t.n % 50 = 0 THEN 'none' ELSE 'senior' END, 'established', DATE '2005-09-01' + (t.n % 6000)
        FROM generate_series(1, ${T}) AS t(n) JOIN school_version v ON v.school_id = 1 + t.n % ${N}`,
    );
    await step(
      'assignments',
      sql`INSERT INTO teacher_assignment (teacher_id, school_id, kind, valid_from, reason) SELECT id, school_id, 'full', joined_school_on, '基准数据' FROM teacher`,
    );
    await step(
      'rotations',
      sql`INSERT INTO teacher_assignment (teacher_id, school_id, home_school_id, kind, valid_from, valid_to, reason)
        SELECT id, 1 + (school_id + 7) % ${N}, school_id, 'partial', make_date(${Y0}::int + id % ${years}::int, 9, 1), make_date(${Y0}::int + id % ${years}::int + 1, 7, 31), '交流轮岗'
        FROM teacher WHERE id % 150 = 0`,
    );
    await step(
      'recognitions',
      sql`INSERT INTO teacher_recognition (teacher_id, level, issuer, issued_on, valid_until)
        SELECT id, CASE WHEN id % 3 = 0 THEN 'city' ELSE 'district' END, '基准', DATE '2023-09-08' - (id % 700), NULL FROM teacher WHERE id % 9 = 0`,
    );
    await step(
      'population',
      sql`INSERT INTO population (region_code, year, age, basis, count, source)
        SELECT (SELECT coalesce(region_code, code) FROM org_unit WHERE id = ${districtId}), y, a, 'registered', ${N} * 9 + a * 10, '基准'
        FROM generate_series(${Y0}::int, ${Y1}::int) y CROSS JOIN generate_series(0, 18) a`,
    );
  });
  const t0 = performance.now();
  await sql`ANALYZE`.execute(db);
  log(`  ANALYZE (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
