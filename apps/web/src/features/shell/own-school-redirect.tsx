/** /my-school: a school-scoped user's own indicator page. */
import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useMe } from '../auth/auth-context.tsx';
import { ownSchoolId } from './nav-items.tsx';

export default function OwnSchoolRedirect() {
  const schoolId = ownSchoolId(useMe());
  if (schoolId === null) return <Result status="info" title="您的账号不属于某一所学校" subTitle="区级用户请从“指标总览”查看各校指标。" />;
  return <Navigate to={`/indicators/schools/${schoolId}`} replace />;
}
