import { migrateToLatest } from '../../db/migrate.ts';
import { withCliContext, type CliCommand } from '../command.ts';

export const migrateCommand: CliCommand = {
  usage: '',
  description: '升级数据库结构到最新版本 / apply pending migrations',
  async run() {
    await withCliContext(async (ctx) => {
      const ran = await migrateToLatest(ctx.db);
      console.log(ran.length ? `已应用 / applied: ${ran.join(', ')}` : '数据库已是最新 / already up to date');
    });
  },
};
