import { parseArgs } from 'node:util';
import { IndicatorQuery } from '@zhiping/contracts';
import { formatThreshold } from '@zhiping/domain';
import { listIndicators } from '../../modules/indicators/indicator.service.ts';
import { AppError } from '../../platform/errors.ts';
import { withCliContext, type CliCommand } from '../command.ts';

const USAGE = '[--year <学年>] [--stage <学段>] [--json]';
const STATUS: Record<string, string> = { met: '达标', not_met: '未达标', no_threshold: '无标准', no_data: '无数据' };
const STAGE: Record<'preschool' | 'primary' | 'junior' | 'senior' | 'vocational' | 'special', string> = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  special: '特教',
};

/** `zhiping indicators --year Y [--json]`: the district values of GET /api/v1/indicators for the loaded data. */
export const indicatorsCommand: CliCommand = {
  usage: USAGE,
  description: '打印全区指标值（与 GET /api/v1/indicators 相同；--json 输出 JSON） / print the district indicator values',
  async run(args) {
    const { values } = parseArgs({ args, options: { year: { type: 'string' }, stage: { type: 'string' }, json: { type: 'boolean' } } });
    const query = IndicatorQuery.safeParse({ year: values.year, stage: values.stage });
    if (!query.success)
      throw new AppError('VALIDATION_FAILED', {
        userMessage: `${query.error.issues[0]!.message}\n用法 / usage: zhiping indicators ${USAGE}`,
      });
    await withCliContext(async (ctx) => {
      const list = await listIndicators(ctx, query.data);
      if (values.json) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      console.log(`${list.year} 学年（统计时点 ${list.asOf}，数据版本 ${list.dataVersion}）`);
      for (const v of list.items) {
        const threshold = v.threshold ? formatThreshold(v.code, v.threshold) : '—';
        const value = v.display ?? `无法计算（${v.reason ?? ''}）`;
        console.log(
          `${(v.stage ? STAGE[v.stage] : '全区').padEnd(3, '　')}  ${v.name}：${value}  标准 ${threshold}  ${STATUS[v.status]}  [${v.code}]`,
        );
      }
      for (const w of list.warnings) console.log(`注意：${w}`);
    });
  },
};
