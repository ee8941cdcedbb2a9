/** `zhiping export <kind> <file.xlsx> [--year Y]`: the same export as the web app (audited), written to a file. */
import fs from 'node:fs';
import { exportKind } from '../../modules/imports/export.service.ts';
import { AppError } from '../../platform/errors.ts';
import { withCliContext, type CliCommand } from '../command.ts';
import { parseKind } from './import.command.ts';

/** The value of `--year Y` or `--year=Y`, if given. */
function parseYear(args: string[]): number | undefined {
  const i = args.findIndex((a) => a === '--year' || a.startsWith('--year='));
  if (i < 0) return undefined;
  const text = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw new AppError('VALIDATION_FAILED', { userMessage: `年份无效 / invalid year: ${text ?? ''}` });
  return year;
}

export const exportCommand: CliCommand = {
  usage: '<kind> <file.xlsx> [--year Y]',
  description: '导出为 Excel（与导入模板同列，可再导入）/ export to xlsx in the import template’s columns',
  async run(args) {
    const year = parseYear(args);
    const positional = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] === '--year'));
    const kind = parseKind(positional[0]);
    const file = positional[1];
    if (!file) throw new AppError('VALIDATION_FAILED', { userMessage: '请指定输出文件 / missing output file' });
    await withCliContext(async (ctx) => {
      process.stderr.write('导出中 / exporting…\n');
      const result = await exportKind(ctx, kind, { year });
      fs.writeFileSync(file, result.buffer);
      console.log(`已导出 / exported: ${result.rowCount} 行 / rows → ${file}`);
    });
  },
};
