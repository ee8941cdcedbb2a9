/** The CLI's commands by name. Add one line per command. */
import type { CliCommand } from '../command.ts';
import { migrateCommand } from './migrate.command.ts';

export const COMMANDS: Record<string, CliCommand> = {
  migrate: migrateCommand,
};
