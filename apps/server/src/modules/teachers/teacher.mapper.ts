/** Teacher rows → API shapes (masked by default; ciphertext never leaves the server). */
import type { Assignment, Recognition, TeacherDetail, TeacherSummary } from '@zhiping/contracts';
import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TeacherRow } from './teacher.repository.ts';
import type { findAssignments } from './teacher.repository.ts';

/** List row → TeacherSummary. */
export function toTeacherSummary(r: TeacherRow): TeacherSummary {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    idNumberMasked: r.id_number_masked,
    birthDate: r.birth_date,
    schoolId: r.school_id,
    schoolName: r.school_name,
    post: r.post,
    isFullTime: r.is_full_time,
    teachingStage: r.teaching_stage,
    subject: r.subject,
    education: r.education,
    title: r.title,
    certificate: r.certificate,
    staffing: r.staffing,
    joinedSchoolOn: r.joined_school_on,
    backboneLevel: r.backbone_level ?? null,
  };
}

/** Recognition row → Recognition. */
export function toRecognition(r: Selectable<DB['teacher_recognition']>): Recognition {
  return { id: r.id, level: r.level, subject: r.subject, issuer: r.issuer, issuedOn: r.issued_on, validUntil: r.valid_until };
}

/** Assignment row → Assignment. */
export function toAssignment(a: Awaited<ReturnType<typeof findAssignments>>[number]): Assignment {
  return {
    id: a.id,
    schoolId: a.school_id,
    schoolName: a.school_name ?? '',
    homeSchoolId: a.home_school_id,
    homeSchoolName: a.home_school_name,
    kind: a.kind,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    reason: a.reason,
  };
}

/** Row + history → TeacherDetail. */
export function toTeacherDetail(r: TeacherRow, recognitions: Recognition[], assignments: Assignment[]): TeacherDetail {
  return { ...toTeacherSummary(r), phoneMasked: r.phone_masked, recognitions, assignments };
}
