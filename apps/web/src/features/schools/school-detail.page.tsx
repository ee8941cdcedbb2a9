/** /schools/:id — basic info, 学年统计 (grades + 办学条件), 历史, teachers and the 编辑 drawer. */
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { can } from '../../lib/permissions.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { SchoolEditDrawer } from './school-edit-drawer.tsx';
import { SchoolHistoryTable } from './school-history-table.tsx';
import { SchoolInfo } from './school-info.tsx';
import { SchoolTeachersTable } from './school-teachers-table.tsx';
import { SchoolYearPanel } from './school-year-panel.tsx';
import { fetchSchool } from './schools-api.ts';

export default function SchoolDetailPage() {
  const me = useMe();
  const id = Number(useParams().id);
  const [isEditing, setEditing] = useState(false);
  const school = useQuery(Number.isInteger(id) && id > 0 ? `school:${id}` : null, (signal) => fetchSchool(id, signal));

  if (!Number.isInteger(id) || id <= 0 || (school.error instanceof ApiError && school.error.code === 'NOT_FOUND')) {
    return <Result status="404" title="学校不存在" subTitle="该学校不存在或您无权查看。" extra={<Link to="/schools">返回学校列表</Link>} />;
  }
  const s = school.data;
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            <Link to="/schools" aria-label="返回学校列表">
              <ArrowLeftOutlined />
            </Link>
            {s?.name ?? '学校'}
            {s?.closedOn && <Tag>已撤销</Tag>}
          </Flex>
        }
        extra={
          s &&
          can(me, 'base:write') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑
            </Button>
          )
        }
      />
      <ErrorAlert error={school.error} onRetry={school.reload} />
      {!s && school.isLoading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {s && (
        <Flex vertical gap={16}>
          <Card title="基本信息">
            <SchoolInfo school={s} />
          </Card>
          <SchoolYearPanel schoolId={s.id} years={s.years} />
          <Card title="历史">
            <SchoolHistoryTable history={s.history} />
          </Card>
          {can(me, 'teachers:read') && <SchoolTeachersTable schoolId={s.id} />}
          <SchoolEditDrawer
            school={s}
            open={isEditing}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              school.reload();
            }}
          />
        </Flex>
      )}
    </>
  );
}
