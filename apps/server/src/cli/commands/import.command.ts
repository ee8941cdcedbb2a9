/**
 * `zhiping import <kind> <file.xlsx> [--dry-run]`: the same dry run and commit as the web import.
 * On errors nothing is written: the first errors are printed and the annotated report is saved beside
 * the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '@zhiping/contracts';
import { loadConfig } from '../../config.ts';
import { getImportReport } from '../../modules/imports/import-download.service.ts';
import { commitImport, getImportJob, startImport, waitForImportJob } from '../../modules/imports/import.service.ts';
import { AppError } from '../../platform/errors.ts';
import { printProgress, withCliContext, type CliCommand } from '../command.ts';

/** Errors printed before pointing at the report. */
const ERRORS_SHOWN = 20;

/** Checks the kind argument; throws a bilingual message listing the kinds. */
export function parseKind(value: string | undefined): ImportKind {
  if (value && (IMPORT_KINDS as readonly string[]).includes(value)) return value as ImportKind;
  throw new AppError('VALIDATION_FAILED', {
    userMessage: `类型应为 / kind must be one of: ${IMPORT_KINDS.join(', ')}（收到 / got: ${value ?? '空 / nothing'}）`,
  });
}

/** Prints how many rows were read so far, against the estimate of the total. */
function printRowsRead(rows: number, estimatedTotal: number): void {
  const line = `读取并校验 / validating: ${rows} 行 / rows（约 / about ${Math.floor((rows / estimatedTotal) * 100)}%）`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  else if (rows % 10_000 === 0) process.stderr.write(`${line}\n`);
}

export const importCommand: CliCommand = {
  usage: '<kind> <file.xlsx> [--dry-run]',
  description: '导入 Excel：先校验，全部无误才写入（全部或全不）/ import an xlsx: validate, then write all rows or none',
  async run(args) {
    const positional = args.filter((a) => !a.startsWith('--'));
    const kind = parseKind(positional[0]);
    const file = positional[1];
    const dryRun = args.includes('--dry-run');
    if (!file || !fs.existsSync(file))
      throw new AppError('VALIDATION_FAILED', { userMessage: `文件不存在 / file not found: ${file ?? '（未指定 / missing）'}` });
    const { dataDir } = loadConfig();
    await withCliContext(async (ctx) => {
      const started = await startImport(ctx, { kind, fileName: path.basename(file), source: file, dataDir, onProgress: printRowsRead });
      await waitForImportJob(started.id);
      if (process.stderr.isTTY) process.stderr.write('\n');
      const checked = await getImportJob(ctx, started.id);
      if (checked.status === 'failed')
        throw new AppError('VALIDATION_FAILED', { userMessage: checked.message ?? '校验失败 / validation failed' });
      if (checked.status === 'invalid') {
        for (const e of checked.errors.slice(0, ERRORS_SHOWN)) console.error(`  第 ${e.row} 行 / row ${e.row}  ${e.column}：${e.message}`);
        const report = await getImportReport(ctx, started.id, { dataDir });
        const reportPath = path.join(path.dirname(file), report.fileName);
        fs.writeFileSync(reportPath, report.buffer);
        throw new AppError('VALIDATION_FAILED', {
          userMessage: `发现 ${checked.errorCount} 处错误，未写入任何数据 / ${checked.errorCount} errors, nothing written. 错误报告 / report: ${reportPath}`,
        });
      }
      console.log(`校验通过 / validated: ${checked.totalRows} 行 / rows`);
      if (dryRun) return;
      await commitImport(ctx, started.id, { dataDir, onProgress: (done, total) => printProgress('写入 / writing', done, total) });
      await waitForImportJob(started.id);
      const done = await getImportJob(ctx, started.id);
      if (done.status !== 'committed' || !done.summary)
        throw new AppError('INTERNAL', { userMessage: done.message ?? '提交失败 / commit failed' });
      const s = done.summary;
      console.log(`已提交 / committed: 新增 inserted ${s.inserted}，更新 updated ${s.updated}，未变 unchanged ${s.unchanged}`);
    });
  },
};
