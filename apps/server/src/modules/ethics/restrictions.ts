/**
 * The ethics restriction service other areas call (awards, growth, rotation, teachers): whether a teacher
 * is within a 处分期 or a disqualification period on a date. Its answers carry only the restriction's
 * label and period, never anything of the case behind it. Other areas must call these functions and
 * never read the ethics tables.
 */
import { RESTRICTION_PURPOSE_LABELS, restrictionLabel, type RestrictionPurpose } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';

export type { RestrictionPurpose } from '@zhiping/domain';

/** One restriction in force. */
export interface ActiveRestriction {
  teacherId: number;
  kind: 'penalty' | 'disqualification';
  /** E.g. '记过处分（2026-03-01 至 2027-02-28）'. */
  label: string;
  from: string;
  /** Inclusive last day; null = indefinite (开除). */
  to: string | null;
  /** Purposes it blocks. */
  purposes: RestrictionPurpose[];
}

/** The restrictions in force on `onDate` ('YYYY-MM-DD') for each of the teachers (teachers without any are absent). */
export async function findActiveRestrictions(
  db: Kysely<DB>,
  teacherIds: readonly number[],
  onDate: string,
): Promise<Map<number, ActiveRestriction[]>> {
  const result = new Map<number, ActiveRestriction[]>();
  const ids = [...new Set(teacherIds)];
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('ethics_restriction')
    .select(['teacher_id', 'kind', 'label', 'starts_on', 'ends_on', 'purposes'])
    .where('teacher_id', 'in', ids)
    .where('revoked_on', 'is', null)
    .where('starts_on', '<=', onDate)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', onDate)]))
    .orderBy('teacher_id')
    .orderBy('starts_on')
    .execute();
  for (const r of rows) {
    const list = result.get(r.teacher_id) ?? [];
    list.push({
      teacherId: r.teacher_id,
      kind: r.kind,
      label: restrictionLabel(r.label, { from: r.starts_on, to: r.ends_on }),
      from: r.starts_on,
      to: r.ends_on,
      purposes: r.purposes as RestrictionPurpose[],
    });
    result.set(r.teacher_id, list);
  }
  return result;
}

/** The restrictions of one teacher that block a purpose on a date. */
export async function findBlockingRestrictions(
  db: Kysely<DB>,
  teacherId: number,
  purpose: RestrictionPurpose,
  onDate: string,
): Promise<ActiveRestriction[]> {
  const active = (await findActiveRestrictions(db, [teacherId], onDate)).get(teacherId) ?? [];
  return active.filter((r) => r.purposes.includes(purpose));
}

/** The Chinese refusal for a blocking restriction. */
export function restrictionMessage(restriction: ActiveRestriction, purpose: RestrictionPurpose): string {
  const period = restriction.kind === 'penalty' ? '处分期' : '资格限制期';
  return `该教师处于师德${period}（${restriction.label}），不能参加${RESTRICTION_PURPOSE_LABELS[purpose]}`;
}

/** Throws INVALID_STATE (409) with a Chinese message when the teacher is restricted for the purpose on the date. */
export async function assertNotRestricted(db: Kysely<DB>, teacherId: number, purpose: RestrictionPurpose, onDate: string): Promise<void> {
  const [first] = await findBlockingRestrictions(db, teacherId, purpose, onDate);
  if (first) {
    throw new AppError('INVALID_STATE', {
      message: `teacher ${teacherId} is restricted for ${purpose}`,
      userMessage: restrictionMessage(first, purpose),
      details: { restriction: { kind: first.kind, label: first.label, from: first.from, to: first.to } },
    });
  }
}
