/** What the indicator pages show before any school-year statistics exist: where to import them. */
import { Button, Card } from 'antd';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { can } from '../../lib/permissions.ts';
import { useMe } from '../auth/auth-context.tsx';

/** True for the API's answer when no year has statistics yet. */
export function isNoStatistics(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NOT_FOUND' && error.message.includes('统计数据');
}

export function NoStatisticsState({ title }: { title: string }) {
  const me = useMe();
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <EmptyState
          description="还没有学年统计数据，指标无法计算。请先在“数据导入”中导入学校、学年学生、办学条件和教师。"
          action={
            can(me, 'imports:run') ? (
              <Link to="/imports">
                <Button type="primary">前往数据导入</Button>
              </Link>
            ) : (
              '请联系区级管理员导入数据'
            )
          }
        />
      </Card>
    </>
  );
}
