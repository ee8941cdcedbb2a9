/** The CLI's commands by name. Add one line per command. */
import type { CliCommand } from '../command.ts';
import { backupCommand } from './backup.command.ts';
import { exportCommand } from './export.command.ts';
import { importCommand } from './import.command.ts';
import { demoCommand } from './demo.command.ts';
import { indicatorsCommand } from './indicators.command.ts';
import { migrateCommand } from './migrate.command.ts';
import { restoreCommand } from './restore.command.ts';
import { userCommand } from './user.command.ts';

export const COMMANDS: Record<string, CliCommand> = {
  migrate: migrateCommand,
  import: importCommand,
  export: exportCommand,
  demo: demoCommand,
  backup: backupCommand,
  restore: restoreCommand,
  indicators: indicatorsCommand,
  user: userCommand,
};
