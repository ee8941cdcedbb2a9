import fs from 'node:fs';
import path from 'node:path';
import { recordBackupWritten, writeBackup } from '../../modules/backup/backup.service.ts';
import { AppError } from '../../platform/errors.ts';
import { printProgress, withCliContext, type CliCommand } from '../command.ts';

/** `zhiping backup <file>`: a consistent gzip'd SQL backup of the whole database. */
export const backupCommand: CliCommand = {
  usage: '<文件.sql.gz>',
  description: '把整个数据库备份到一个文件（gzip 压缩的 SQL） / back up the whole database to a file',
  async run(args) {
    const [target] = args;
    if (!target) throw new AppError('VALIDATION_FAILED', { userMessage: '用法 / usage: zhiping backup <文件.sql.gz>' });
    const file = path.resolve(target);
    if (fs.existsSync(file)) throw new AppError('CONFLICT', { userMessage: `文件已存在，不会覆盖 / file exists: ${file}` });
    await withCliContext(async (ctx) => {
      const summary = await writeBackup(ctx.db, file, (done, total) => printProgress('备份 / backup', done, total), {
        crypto: ctx.crypto,
        now: ctx.clock.now(),
      });
      await recordBackupWritten(ctx.db, ctx.actor, summary);
      console.log(
        `备份完成 / backup written: ${file}（${summary.tables} 张表，${summary.rows} 行，${(summary.bytes / 1024 / 1024).toFixed(1)} MB）`,
      );
      console.log('提示：恢复时需要相同的加密密钥（数据目录中的 secret.key 或 ZHIPING_SECRET_KEY），请一并妥善保管。');
    });
  },
};
