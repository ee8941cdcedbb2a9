import { LIMITS } from '@zhiping/contracts';
import { Alert } from 'antd';

/** The password rules, shown next to every new-password field. */
export function PasswordPolicy() {
  return (
    <Alert
      type="info"
      showIcon
      title="密码要求"
      description={`至少 ${LIMITS.passwordMinLength} 位，并包含小写字母、大写字母、数字、符号中的至少三类；不能包含用户名，也不能与当前密码相同。`}
    />
  );
}
