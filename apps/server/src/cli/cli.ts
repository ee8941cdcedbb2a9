/**
 * `zhiping` — the operators' command-line tool. Each command lives in commands/<name>.command.ts and
 * uses the same services as the API. Exits non-zero with a Chinese/English message on failure.
 */
import { AppError } from '../platform/errors.ts';
import { COMMANDS } from './commands/index.ts';

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  zhiping ${name.padEnd(8)} ${c.usage}\n      ${c.description}`);
  return `智评 Zhiping 运维命令 / operator commands\n\n${lines.join('\n')}\n`;
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`未知命令 / unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  await command.run(args);
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const message =
      e instanceof AppError
        ? e.userMessage + (e.issues?.length ? '\n' + e.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n') : '')
        : e instanceof Error
          ? e.message
          : String(e);
    console.error(`错误 / error: ${message}`);
    process.exit(1);
  },
);
