/** Every migration, in order. Static imports so the bundled server carries them (no folder scan). */
import type { Migration } from 'kysely';
import * as m20261122000000 from './20261122000000_foundation.ts';
import * as m20261122030000 from './20261122030000_workflow.ts';
import * as m20261122040000 from './20261122040000_groups.ts';
import * as m20261122050000 from './20261122050000_indicators.ts';
import * as m20261122060000 from './20261122060000_evaluations.ts';
import * as m20261122070000 from './20261122070000_training.ts';
// imports: training
import * as m20261122080000 from './20261122080000_growth.ts';
// imports: growth
import * as m20261122090000 from './20261122090000_awards.ts';
// imports: awards
// imports: rotation
import * as m20261122100000 from './20261122100000_rotation.ts';
// imports: ethics
import * as m20261122110000 from './20261122110000_ethics.ts';
import * as m20261123000000 from './20261123000000_data_change_log.ts';
import * as m20261123010000 from './20261123010000_indicator_read_indexes.ts';
import * as m20261123020000 from './20261123020000_rotation_rules_logged.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '20261122000000_foundation': m20261122000000,
  '20261122030000_workflow': m20261122030000,
  '20261122040000_groups': m20261122040000,
  '20261122050000_indicators': m20261122050000,
  '20261122060000_evaluations': m20261122060000,
  '20261122070000_training': m20261122070000,
  // migrations: training
  '20261122080000_growth': m20261122080000,
  // migrations: growth
  '20261122090000_awards': m20261122090000,
  // migrations: awards
  // migrations: rotation
  '20261122100000_rotation': m20261122100000,
  // migrations: ethics
  '20261122110000_ethics': m20261122110000,
  '20261123000000_data_change_log': m20261123000000,
  '20261123010000_indicator_read_indexes': m20261123010000,
  '20261123020000_rotation_rules_logged': m20261123020000,
};
