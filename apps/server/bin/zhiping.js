#!/usr/bin/env node
// The operators' command-line tool; see `zhiping help`. Runs the built bundle (npm run build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(bundle)) {
  console.error('zhiping: 尚未构建，请先运行 npm run build / not built yet: run `npm run build` first');
  process.exit(1);
}
await import(bundle);
