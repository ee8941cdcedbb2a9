/** Row → contract mapping of rotation moves, with the straight-line distance between the two schools. */
import type { RotationMove } from '@zhiping/contracts';
import { distanceKm } from '@zhiping/domain';
import type { ServiceContext } from '../../platform/context.ts';
import * as repo from './rotation.repository.ts';

/** Maps a page row to the contract (with the distance between the schools). */
export function toMove(
  r: Awaited<ReturnType<typeof repo.findMovePage>>['rows'][number],
  schools: Map<number, { name: string; longitude: number | null; latitude: number | null }>,
): RotationMove {
  const a = schools.get(r.from_school_id);
  const b = schools.get(r.to_school_id);
  const km =
    a && b && a.longitude !== null && a.latitude !== null && b.longitude !== null && b.latitude !== null
      ? Math.round(distanceKm({ longitude: a.longitude, latitude: a.latitude }, { longitude: b.longitude, latitude: b.latitude }) * 10) / 10
      : null;
  return {
    id: r.id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    planState: r.plan_state,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name,
    fromSchoolId: r.from_school_id,
    fromSchoolName: a?.name ?? '',
    toSchoolId: r.to_school_id,
    toSchoolName: b?.name ?? '',
    stage: r.stage,
    subject: r.subject,
    kind: r.kind,
    isBackbone: r.is_backbone,
    countsAsBackbone: r.counts_as_backbone,
    isHighQuality: r.is_high_quality,
    source: r.source,
    reasons: r.reasons,
    fromReview: r.from_review,
    fromReviewNote: r.from_review_note,
    toReview: r.to_review,
    toReviewNote: r.to_review_note,
    acknowledgedAt: r.acknowledged_at ? r.acknowledged_at.toISOString() : null,
    effectiveFrom: r.effective_from,
    assignmentId: r.assignment_id,
    distanceKm: km,
  };
}

/** School names and coordinates as of a date. */
export async function schoolsOn(ctx: ServiceContext, date: string) {
  return new Map((await repo.findSchoolsOn(ctx.db, date)).map((s) => [s.id, s]));
}
