/** The teachers of one school, paged on the server. */
import { Card } from 'antd';
import { useState } from 'react';
import { PagedTable } from '../../components/paged-table.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { teacherColumns } from '../teachers/teacher-columns.tsx';
import { fetchTeachers } from '../teachers/teachers-api.ts';

const COLUMNS = teacherColumns({ withSchool: false });

export function SchoolTeachersTable({ schoolId }: { schoolId: number }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const teachers = useQuery(`school-teachers:${schoolId}:${paging.page}:${paging.pageSize}`, (signal) =>
    fetchTeachers({ schoolId, ...paging }, signal),
  );
  return (
    <Card title={`教师${teachers.data ? `（${teachers.data.total}人）` : ''}`}>
      <PagedTable
        rowKey="id"
        columns={COLUMNS}
        data={teachers.data}
        isLoading={teachers.isLoading}
        error={teachers.error}
        onRetry={teachers.reload}
        page={paging.page}
        pageSize={paging.pageSize}
        onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
        empty="这所学校还没有教师记录，可在“数据导入”中导入教师，或在“教师”页新增"
      />
    </Card>
  );
}
