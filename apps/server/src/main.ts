/** Start: config → database → migrations → first-start setup → HTTP. */
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase, readServerVersion } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { bootstrap } from './modules/setup/bootstrap.service.ts';
import { systemClock } from './platform/context.ts';
import { createFieldCrypto, resolveSecretKey } from './platform/crypto.ts';
import { AppError } from './platform/errors.ts';
import { startServices } from './services.ts';

const APP_VERSION = '0.1.0';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    statementTimeoutMs: config.statementTimeoutMs,
    holder: 'server',
  });
  const { db, engine } = database;
  const ran = await migrateToLatest(db);
  if (ran.length) console.log(`[zhiping] migrations applied: ${ran.join(', ')}`);
  const crypto = createFieldCrypto(resolveSecretKey(config.secretKey, config.dataDir));
  const setup = await bootstrap(db, {
    districtCode: config.districtCode,
    districtName: config.districtName,
    adminPassword: config.adminPassword,
  });
  if (setup.createdAccounts) {
    const pw = setup.generatedPassword ?? '（ZHIPING_ADMIN_PASSWORD 中设置的密码）';
    console.log(`\n[zhiping] 初始账号已创建 / initial accounts created: admin, sysadmin, secadmin, auditor`);
    console.log(`[zhiping] 初始密码 / initial password: ${pw}`);
    console.log('[zhiping] 首次登录须修改密码；此密码只显示一次。 / Change it at first sign-in; shown only once.\n');
  }
  const services = await startServices({
    db,
    engine,
    crypto,
    clock: systemClock,
    config,
    districtId: setup.districtId,
    isFirstStart: setup.createdAccounts,
  });
  const version = `${APP_VERSION} (${engine} ${await readServerVersion(db)})`;
  const app = await buildApp({ db, engine, crypto, clock: systemClock, config, version });
  const shutdown = async (signal: string) => {
    console.log(`[zhiping] ${signal}: shutting down`);
    await app.close();
    await services.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`[zhiping] 智评已启动 / listening on http://localhost:${config.port} (database: ${engine})`);
}

main().catch((e: unknown) => {
  const message = e instanceof AppError ? e.userMessage : e instanceof Error ? e.message : String(e);
  console.error(`[zhiping] 启动失败 / failed to start: ${message}`);
  process.exit(1);
});
