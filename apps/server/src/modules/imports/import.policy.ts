/** Who may import and export which kinds, and see which import jobs. */
import type { ImportKind } from '@zhiping/contracts';
import { hasPermission, scopeFor, type DataScope } from '../../platform/access.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** Kinds only district-wide users may import: they are not owned by one school. */
const DISTRICT_ONLY_IMPORTS: readonly ImportKind[] = ['schools', 'population'];

/**
 * The scope in which the actor imports a kind: district users any rows; a school administrator only
 * rows of their school (others become row errors) and never schools or population.
 */
export function importScopeFor(actor: Actor, kind: ImportKind): DataScope {
  const scope = scopeFor(actor, 'imports:run');
  if (scope.kind === 'self') throw new AppError('FORBIDDEN');
  if (scope.kind === 'schools' && DISTRICT_ONLY_IMPORTS.includes(kind)) {
    throw new AppError('FORBIDDEN', { userMessage: '学校管理员不能导入学校或人口数据，请联系区级管理员' });
  }
  return scope;
}

/** The actor's import scope without a kind (for listing jobs). */
export function jobScopeFor(actor: Actor): DataScope {
  const scope = scopeFor(actor, 'imports:run');
  if (scope.kind === 'self') throw new AppError('FORBIDDEN');
  return scope;
}

/** True when the actor may see and commit a job: their own, or any for district-wide importers. */
export function canAccessJob(actor: Actor, job: { created_by: number | null }): boolean {
  return jobScopeFor(actor).kind === 'district' || (job.created_by !== null && job.created_by === actor.userId);
}

/** The scope of an export: district users everything, a school administrator their school's rows. */
export function exportScopeFor(actor: Actor): DataScope {
  const scope = scopeFor(actor, 'exports:run');
  if (scope.kind === 'self') throw new AppError('FORBIDDEN');
  return scope;
}

/** True when an export may carry full ID numbers. */
export function canExportFullIdNumbers(actor: Actor): boolean {
  return hasPermission(actor, 'teachers:unmask');
}
