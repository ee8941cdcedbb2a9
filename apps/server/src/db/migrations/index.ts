/** Every migration, in order. Static imports so the bundled server carries them (no folder scan). */
import type { Migration } from 'kysely';
import * as m20261122000000 from './20261122000000_foundation.ts';
import * as m20261122030000 from './20261122030000_workflow.ts';
import * as m20261122040000 from './20261122040000_groups.ts';
import * as m20261122050000 from './20261122050000_indicators.ts';
import * as m20261122060000 from './20261122060000_evaluations.ts';
// imports: training
// imports: growth
// imports: awards
// imports: rotation
// imports: ethics

export const MIGRATIONS: Record<string, Migration> = {
  '20261122000000_foundation': m20261122000000,
  '20261122030000_workflow': m20261122030000,
  '20261122040000_groups': m20261122040000,
  '20261122050000_indicators': m20261122050000,
  '20261122060000_evaluations': m20261122060000,
  // migrations: training
  // migrations: growth
  // migrations: awards
  // migrations: rotation
  // migrations: ethics
};
