/** School rows → API shapes. */
import type { Conditions, GradeStat, SchoolDetail, SchoolSummary, SchoolVersion } from '@zhiping/contracts';
import { GRADES, findGrade, findSchoolType } from '@zhiping/domain';
import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SchoolListRow, SchoolRow, findSchoolVersions } from './school.repository.ts';

const typeName = (code: string) => findSchoolType(code)?.name ?? `未知类型(${code})`;
const num = (v: unknown) => (v == null ? null : Number(v));

/** List row → SchoolSummary. */
export function toSchoolSummary(r: SchoolListRow): SchoolSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    typeCode: r.type_code,
    typeName: typeName(r.type_code),
    sponsor: r.sponsor,
    isInclusive: r.is_inclusive,
    urbanRuralCode: r.urban_rural_code,
    streetId: r.street_id,
    streetName: r.street_name,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    students: num(r.students),
    classes: num(r.classes),
    teachers: Number(r.teachers ?? 0),
  };
}

/** Version row → SchoolVersion. */
export function toSchoolVersion(v: Awaited<ReturnType<typeof findSchoolVersions>>[number]): SchoolVersion {
  return {
    validFrom: v.valid_from,
    validTo: v.valid_to,
    name: v.name,
    typeCode: v.type_code,
    sponsor: v.sponsor,
    isInclusive: v.is_inclusive,
    urbanRuralCode: v.urban_rural_code,
    streetId: v.street_id,
    streetName: v.street_name,
    address: v.address,
    longitude: v.longitude,
    latitude: v.latitude,
  };
}

/** Detail row + history + enrolment → SchoolDetail. */
export function toSchoolDetail(
  r: SchoolRow,
  history: SchoolVersion[],
  years: number[],
  enrolment: { students: number | null; classes: number | null },
): SchoolDetail {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    typeCode: r.type_code,
    typeName: typeName(r.type_code),
    sponsor: r.sponsor,
    isInclusive: r.is_inclusive,
    urbanRuralCode: r.urban_rural_code,
    streetId: r.street_id,
    streetName: r.street_name,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    students: enrolment.students,
    classes: enrolment.classes,
    teachers: Number(r.teachers ?? 0),
    address: r.address,
    longitude: r.longitude,
    latitude: r.latitude,
    districtName: r.district_name,
    history,
    years,
  };
}

const GRADE_ORDER = new Map(GRADES.map((g, i) => [g.code, i]));

/** Grade rows → GradeStat[], in grade order. */
export function toGradeStats(rows: Selectable<DB['school_year_stat']>[]): GradeStat[] {
  return [...rows]
    .sort((a, b) => (GRADE_ORDER.get(a.grade) ?? 99) - (GRADE_ORDER.get(b.grade) ?? 99))
    .map((r) => ({
      grade: r.grade,
      gradeLabel: findGrade(r.grade)?.label ?? r.grade,
      classes: r.classes,
      students: r.students,
      girls: r.girls,
      newEntrants: r.new_entrants,
      graduates: r.graduates,
      transfersIn: r.transfers_in,
      transfersOut: r.transfers_out,
      migrantChildren: r.migrant_children,
      disabledStudents: r.disabled_students,
    }));
}

/** Condition row → Conditions. */
export function toConditions(r: Selectable<DB['school_condition']>): Conditions {
  return {
    schoolYear: r.school_year,
    teachingArea: Number(r.teaching_area),
    gymArea: Number(r.gym_area),
    sportsGroundArea: Number(r.sports_ground_area),
    equipmentValue: Number(r.equipment_value),
    multimediaRooms: r.multimedia_rooms,
    musicRooms: r.music_rooms,
    artRooms: r.art_rooms,
    books: r.books,
    buildingArea: num(r.building_area),
    landArea: num(r.land_area),
  };
}
