/**
 * Background services started with the server: demo loading on first start and, in embedded mode,
 * scheduled backups. Each returns a stop function.
 */
import path from 'node:path';
import { DEMO_REGION_CODE } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Engine } from './db/database.ts';
import type { DB } from './db/schema.ts';
import { startBackupSchedule } from './modules/backup/backup.schedule.ts';
import { loadDemoDistrict } from './modules/demo/demo.service.ts';
import { systemActor, type Clock } from './platform/context.ts';
import type { FieldCrypto } from './platform/crypto.ts';
import { AppError } from './platform/errors.ts';

export interface ServiceDeps {
  db: Kysely<DB>;
  engine: Engine;
  crypto: FieldCrypto;
  clock: Clock;
  config: Readonly<Config>;
  districtId: number;
  isFirstStart: boolean;
}

export interface RunningServices {
  stop(): Promise<void>;
}

/** Starts what runs beside the HTTP server. */
export async function startServices(deps: ServiceDeps): Promise<RunningServices> {
  const stops: (() => Promise<void> | void)[] = [];
  if (deps.isFirstStart && deps.config.loadDemo) {
    // A real district (its own ZHIPING_DISTRICT_CODE) never gets fictional schools mixed into its data.
    if (deps.config.districtCode === DEMO_REGION_CODE) await loadDemoOnFirstStart(deps);
    else console.log(`[zhiping] 区划代码为 ${deps.config.districtCode}，不加载示例区 / real district code: demo district not loaded`);
  }
  if (deps.engine === 'pglite' && deps.config.backupIntervalHours > 0) {
    const schedule = startBackupSchedule({
      db: deps.db,
      crypto: deps.crypto,
      clock: deps.clock,
      dir: path.join(deps.config.dataDir, 'backups'),
      intervalHours: deps.config.backupIntervalHours,
      keep: deps.config.backupKeep,
    });
    stops.push(() => schedule.stop());
  }
  return {
    async stop() {
      for (const s of stops.reverse()) await s();
    },
  };
}

/** Loads the demo district (ZHIPING_DEMO=1, the default) before the server starts listening. */
async function loadDemoOnFirstStart(deps: ServiceDeps): Promise<void> {
  console.log('[zhiping] 正在加载示例区数据 / loading the demo district …');
  try {
    const r = await loadDemoDistrict(
      { db: deps.db, actor: systemActor(), clock: deps.clock, crypto: deps.crypto },
      {
        districtId: deps.districtId,
        onProgress: (step, done, total) => done === total && total > 0 && console.log(`[zhiping]   ${step}: ${total}`),
      },
    );
    console.log(
      `[zhiping] 示例区已加载 / demo district loaded: ${r.schools} 所学校、${r.studentRows} 条学年学生、${r.conditionRows} 条办学条件、` +
        `${r.teachers} 名教职工、${r.populationRows} 条人口；示例账号 ${r.accounts.join(', ')}（初始密码同 admin） in ${(r.elapsedMs / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    const message = e instanceof AppError ? e.userMessage : e instanceof Error ? e.message : String(e);
    console.error(`[zhiping] 示例区加载失败 / demo district not loaded: ${message}（可稍后运行 zhiping demo 重试）`);
  }
}
