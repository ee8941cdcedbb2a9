import { IMPORT_KIND_LABELS, type ImportKind } from '@zhiping/contracts';
import { loadConfig } from '../../config.ts';
import { loadDemoDistrict } from '../../modules/demo/demo.service.ts';
import { bootstrap } from '../../modules/setup/bootstrap.service.ts';
import { printProgress, withCliContext, type CliCommand } from '../command.ts';

/** `zhiping demo`: creates the district and initial accounts when missing, then loads the demo district. */
export const demoCommand: CliCommand = {
  usage: '',
  description: '向空数据库加载示例区数据（学校、学年统计、办学条件、教师、人口、示例账号） / load the demo district into an empty database',
  async run() {
    const config = loadConfig();
    await withCliContext(async (ctx) => {
      const setup = await bootstrap(ctx.db, {
        districtCode: config.districtCode,
        districtName: config.districtName,
        adminPassword: config.adminPassword,
      });
      if (setup.createdAccounts) {
        console.log('已创建初始账号 / initial accounts created: admin, sysadmin, secadmin, auditor');
        console.log(
          `初始密码 / initial password: ${setup.generatedPassword ?? '（ZHIPING_ADMIN_PASSWORD 中设置的密码）'}（只显示一次，首次登录须修改）`,
        );
      }
      const r = await loadDemoDistrict(ctx, {
        districtId: setup.districtId,
        onProgress: (step, done, total) => printProgress(`写入${IMPORT_KIND_LABELS[step as ImportKind] ?? step}`, done, total),
      });
      console.log(
        `示例区已加载 / demo district loaded in ${(r.elapsedMs / 1000).toFixed(1)} s: 学校 ${r.schools}，学年学生 ${r.studentRows} 行，办学条件 ${r.conditionRows} 行，` +
          `教职工 ${r.teachers}，人口 ${r.populationRows} 行，调动/轮岗 ${r.transfers}，认定 ${r.recognitions}`,
      );
      console.log(`示例账号 / demo accounts（密码同 admin，首次登录须修改）: ${r.accounts.join(', ')}`);
    });
  },
};
