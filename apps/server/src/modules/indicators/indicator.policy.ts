/**
 * Who sees which indicator values. District users and inspectors (base:read at district scope) see
 * every school. A school administrator sees their own school's values and the district-level values of
 * the whole district, never another school's values, and no street or sponsor subsets (a small subset
 * would reveal a neighbour). Threshold versions are maintained by district users holding base:write.
 */
import type { Actor } from '../../platform/context.ts';
import { requirePermission, scopeFor, scopeIncludesSchool, type DataScope } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import type { SchoolFilter } from './year-model.ts';

/** The actor's reading scope for indicators (FORBIDDEN without base:read). */
export function indicatorScope(actor: Actor): DataScope {
  return scopeFor(actor, 'base:read');
}

/** True when the scope shows every school. */
export function seesAllSchools(scope: DataScope): boolean {
  return scope.kind === 'district';
}

/** Refuses street and sponsor subsets to school-scoped users. */
export function assertFilterAllowed(scope: DataScope, filter: SchoolFilter): void {
  if (scope.kind !== 'district' && (filter.streetId !== undefined || filter.sponsor !== undefined)) {
    throw new AppError('FORBIDDEN', { userMessage: '学校用户只能查看全区汇总和本校指标，不能按街镇或举办者筛选' });
  }
}

/** True when the scope may see one school's values. */
export function canSeeSchool(scope: DataScope, schoolId: number): boolean {
  return scopeIncludesSchool(scope, schoolId);
}

/** Requires base:write at district scope (thresholds, assessment entries). */
export function requireDistrictWriter(actor: Actor, what: string): void {
  requirePermission(actor, 'base:write');
  if (scopeFor(actor, 'base:write').kind !== 'district') throw new AppError('FORBIDDEN', { userMessage: `${what}由区级用户维护` });
}

/** Requires base:read at district scope (the county assessments name every school). */
export function requireDistrictReader(actor: Actor): void {
  if (scopeFor(actor, 'base:read').kind !== 'district')
    throw new AppError('FORBIDDEN', { userMessage: '督导评估结果仅区级用户和督学可以查看' });
}
