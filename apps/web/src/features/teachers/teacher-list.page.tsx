/** 教师: paged list with filters, masked ID numbers, export and 新增教师. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { can } from '../../lib/permissions.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { teacherColumns } from './teacher-columns.tsx';
import { TeacherFilters } from './teacher-filters.tsx';
import { TeacherFormModal } from './teacher-form-modal.tsx';
import { fetchTeachers } from './teachers-api.ts';

const COLUMNS = teacherColumns({ withSchool: true });

export default function TeacherListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const params = useListParams();
  const [isCreating, setCreating] = useState(false);
  const query = { ...params.filters, page: params.page, pageSize: params.pageSize };
  const teachers = useQuery(`teachers?${params.key}`, (signal) => fetchTeachers(query, signal));
  const isOwnRecordOnly = me.roles.every((r) => r.role === 'teacher');
  const canCreate = can(me, 'teachers:write');
  const hasFilters = Object.keys(params.filters).length > 0;

  return (
    <>
      <PageHeader
        title="教师"
        subTitle="身份证号已脱敏显示；完整号码在教师详情页查看（会记入审计日志）"
        extra={
          <>
            {can(me, 'exports:run') && <DownloadButton path="/exports/teachers" fileName="教师.xlsx" />}
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增教师
              </Button>
            )}
          </>
        }
      />
      <Card>
        {!isOwnRecordOnly && <TeacherFilters params={params} withSchool={me.roles.some((r) => r.schoolId === null)} />}
        <PagedTable
          rowKey="id"
          columns={COLUMNS}
          data={teachers.data}
          isLoading={teachers.isLoading}
          error={teachers.error}
          onRetry={teachers.reload}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          empty={
            hasFilters
              ? '没有符合条件的教师，请调整筛选条件'
              : canCreate
                ? '还没有教师。请点击“新增教师”，或在“数据导入”中批量导入教师'
                : '还没有可查看的教师记录'
          }
        />
      </Card>
      <TeacherFormModal
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={(t) => {
          setCreating(false);
          navigate(`/teachers/${t.id}`);
        }}
      />
    </>
  );
}
