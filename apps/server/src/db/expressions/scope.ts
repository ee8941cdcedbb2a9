/**
 * Data-scope conditions as SQL, so every repository filters the same way.
 * `schoolInScope(scope, 's.id')` produces `true`, `"s"."id" in ($1, $2)` or `false`.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DataScope } from '../../platform/access.ts';

/** Condition that a school-id column lies inside the scope ('self' scopes see no schools). */
export function schoolInScope(scope: DataScope, column: string): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'district':
      return sql<boolean>`true`;
    case 'schools':
      return scope.schoolIds.length ? sql<boolean>`${sql.ref(column)} in (${sql.join(scope.schoolIds)})` : sql<boolean>`false`;
    case 'self':
      return sql<boolean>`false`;
  }
}
