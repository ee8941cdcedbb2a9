/** Chinese names of the audit actions the server records, for the 操作 filter and column. */
import { IMPORT_KIND_LABELS, type ImportKind } from '@zhiping/contracts';

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.change_password': '修改密码',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'user.reset_password': '重置密码',
  'role.grant': '授予角色',
  'role.revoke': '撤销角色',
  'school.create': '新增学校',
  'school.update': '修改学校',
  'teacher.create': '新增教师',
  'teacher.update': '修改教师',
  'teacher.transfer': '教师调动',
  'teacher.recognition.add': '新增骨干认定',
  'teacher.unmask': '查看完整身份证号',
  'import.commit': '确认导入',
  'export.audit': '导出审计日志',
  'group.create': '新建集团/学区',
  'group.update': '修改集团/学区',
  'group.dissolve': '撤销集团/学区',
  'group.member.add': '加入成员学校',
  'group.member.end': '成员学校退出',
  'setup.bootstrap': '系统初始化',
};

/** "查看完整身份证号" for a known action; exports by kind; otherwise the code itself. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const kind = action.startsWith('export.') ? (action.slice(7) as ImportKind) : null;
  if (kind && kind in IMPORT_KIND_LABELS) return `导出${IMPORT_KIND_LABELS[kind]}`;
  return action;
}

/** Options of the 操作 filter: the code as value, "名称（code）" as label. */
export const AUDIT_ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }));
