import { parseArgs } from 'node:util';
import { CreateUserRequest, ROLES, type Role } from '@zhiping/contracts';
import { listSchools } from '../../modules/schools/school.service.ts';
import { createUser, grantRole, listUsers, resetPassword } from '../../modules/users/user.service.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { withCliContext, type CliCommand } from '../command.ts';

const USAGE = 'create <用户名> <显示名> --role <角色> [--school <学校标识码>] [--office <科室>] | reset-password <用户名>';

/** The operator at the console acts as system and security administrator (they own the machine). */
function asAccountAdmin(ctx: ServiceContext): ServiceContext {
  return {
    ...ctx,
    actor: {
      ...ctx.actor,
      grants: [
        { role: 'sys_admin', office: null, schoolId: null },
        { role: 'security_admin', office: null, schoolId: null },
      ],
    },
  };
}

async function findSchoolIdByCode(ctx: ServiceContext, code: string): Promise<number> {
  const page = await listSchools(ctx, { q: code, page: 1, pageSize: 20, includeClosed: 'true' });
  const school = page.items.find((s) => s.code === code);
  if (!school) throw new AppError('NOT_FOUND', { userMessage: `学校标识码 ${code} 不存在` });
  return school.id;
}

async function findUserIdByName(ctx: ServiceContext, username: string): Promise<number> {
  const page = await listUsers(ctx, { q: username, page: 1, pageSize: 200 });
  const user = page.items.find((u) => u.username === username);
  if (!user) throw new AppError('NOT_FOUND', { userMessage: `账号 ${username} 不存在` });
  return user.id;
}

function printOneTimePassword(username: string, password: string): void {
  console.log(`账号 / account: ${username}`);
  console.log(`一次性密码 / one-time password: ${password}`);
  console.log('（只显示这一次；首次登录须修改密码 / shown once; must be changed at first sign-in）');
}

/** `zhiping user create …` and `zhiping user reset-password …`. */
export const userCommand: CliCommand = {
  usage: USAGE,
  description: '创建账号或重置密码，打印一次性密码 / create an account or reset a password (prints a one-time password)',
  async run(args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { role: { type: 'string' }, school: { type: 'string' }, office: { type: 'string' } },
    });
    const [action, username, displayName] = positionals;
    if (action === 'create') {
      const input = CreateUserRequest.safeParse({ username, displayName, teacherId: null });
      if (!input.success)
        throw new AppError('VALIDATION_FAILED', {
          userMessage: input.error.issues.map((i) => i.message).join('；') + `\n用法 / usage: zhiping user ${USAGE}`,
        });
      const role = values.role as Role | undefined;
      if (!role || !ROLES.includes(role))
        throw new AppError('VALIDATION_FAILED', { userMessage: `--role 必须是 / must be one of: ${ROLES.join(', ')}` });
      if (role === 'teacher')
        throw new AppError('VALIDATION_FAILED', {
          userMessage: '教师账号须关联教师档案，请在网页端“账号管理”中创建 / create teacher accounts in the web app',
        });
      await withCliContext(async (ctx) => {
        const schoolId = values.school ? await findSchoolIdByCode(ctx, values.school) : null;
        const created = await inTransaction(asAccountAdmin(ctx), async (tx) => {
          const r = await createUser(tx, input.data);
          await grantRole(tx, r.userId, { role, office: values.office ?? null, schoolId });
          return r;
        });
        printOneTimePassword(input.data.username, created.temporaryPassword);
      });
    } else if (action === 'reset-password' && username) {
      await withCliContext(async (ctx) => {
        const admin = asAccountAdmin(ctx);
        const r = await resetPassword(admin, await findUserIdByName(admin, username));
        printOneTimePassword(username, r.temporaryPassword);
        console.log('账号已解锁，原有登录会话已结束 / account unlocked, sessions ended');
      });
    } else {
      throw new AppError('VALIDATION_FAILED', { userMessage: `用法 / usage: zhiping user ${USAGE}` });
    }
  },
};
