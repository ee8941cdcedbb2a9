import path from 'node:path';
import { readBackupHeader, restoreBackup } from '../../modules/backup/backup.service.ts';
import { AppError } from '../../platform/errors.ts';
import { printProgress, withCliContext, type CliCommand } from '../command.ts';

/** `zhiping restore <file>`: restores a backup into an empty database, in one transaction. */
export const restoreCommand: CliCommand = {
  usage: '<文件.sql.gz>',
  description: '把备份恢复到空数据库（须使用相同的加密密钥） / restore a backup into an empty database',
  async run(args) {
    const [source] = args;
    if (!source) throw new AppError('VALIDATION_FAILED', { userMessage: '用法 / usage: zhiping restore <文件.sql.gz>' });
    const file = path.resolve(source);
    const header = await readBackupHeader(file);
    console.log(`备份 / backup: ${file}，生成于 ${header.createdAt}，${header.tables.reduce((s, t) => s + t.rows, 0)} 行`);
    await withCliContext(async (ctx) => {
      const summary = await restoreBackup(ctx.db, file, {
        actor: ctx.actor,
        crypto: ctx.crypto,
        onProgress: (done, total) => printProgress('恢复 / restore', done, total),
      });
      console.log(`恢复完成 / restored: ${summary.tables} 张表，${summary.rows} 行`);
    });
  },
};
