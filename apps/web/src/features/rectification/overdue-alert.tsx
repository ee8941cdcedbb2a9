/**
 * The overdue flag of rectification items (整改逾期) on landing pages: the district home (all visible
 * items, the schools with most overdue items linked) and a school's own page (that school only). Shows
 * nothing to users without a part in supervision, and nothing when no item is overdue or due soon.
 */
import type { RectificationDashboard } from '@zhiping/contracts';
import { Alert, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { hasSupervisionRole } from '../evaluations/supervision-access.ts';
import { rectificationApi } from './rectification-api.ts';

const listLink = (filters: Record<string, string | number>) =>
  `/rectifications?${new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)])).toString()}`;

function SchoolAlert({ d, schoolId }: { d: RectificationDashboard; schoolId: number }) {
  const s = d.schools.find((x) => x.schoolId === schoolId);
  if (!s || (s.overdue === 0 && s.open + s.submitted === 0)) return null;
  return (
    <Alert
      data-testid="rectification-flag"
      type={s.overdue > 0 ? 'error' : 'info'}
      showIcon
      title={
        s.overdue > 0
          ? `本校有 ${s.overdue} 项整改事项已逾期，请尽快整改并报告进展`
          : `本校有 ${s.open} 项整改事项待整改、${s.submitted} 项待督学复核`
      }
      action={
        <Flex gap={12} wrap>
          {s.overdue > 0 && <Link to={listLink({ schoolId, overdue: 'true' })}>查看逾期事项</Link>}
          <Link to={listLink({ schoolId })}>全部整改事项</Link>
        </Flex>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

function DistrictAlert({ d }: { d: RectificationDashboard }) {
  if (d.overdue === 0 && d.dueSoon === 0) return null;
  const worst = d.schools
    .filter((s) => s.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.schoolName.localeCompare(b.schoolName, 'zh-CN'))
    .slice(0, 5);
  const overdueSchools = d.schools.filter((s) => s.overdue > 0).length;
  return (
    <Alert
      data-testid="rectification-flag"
      type={d.overdue > 0 ? 'error' : 'warning'}
      showIcon
      title={
        d.overdue > 0
          ? `${d.overdue} 项整改事项已逾期（涉及 ${overdueSchools} 所学校）${d.dueSoon > 0 ? `，另有 ${d.dueSoon} 项 7 日内到期` : ''}`
          : `${d.dueSoon} 项整改事项 7 日内到期`
      }
      description={
        worst.length > 0 && (
          <Typography.Text>
            逾期较多：
            {worst.map((s, i) => (
              <span key={s.schoolId}>
                {i > 0 && '、'}
                <Link to={listLink({ schoolId: s.schoolId, overdue: 'true' })}>
                  {s.schoolName}（{s.overdue}）
                </Link>
              </span>
            ))}
          </Typography.Text>
        )
      }
      action={
        d.overdue > 0 ? <Link to={listLink({ overdue: 'true' })}>查看全部逾期事项</Link> : <Link to="/rectifications">查看整改事项</Link>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** The flag; with `schoolId`, only that school's items. */
export function OverdueRectificationAlert({ schoolId }: { schoolId?: number }) {
  const me = useMe();
  const enabled = hasSupervisionRole(me);
  const { data } = useQuery(enabled ? 'rect-dashboard' : null, (signal) => rectificationApi.dashboard(signal));
  if (!data) return null;
  return schoolId === undefined ? <DistrictAlert d={data} /> : <SchoolAlert d={data} schoolId={schoolId} />;
}
