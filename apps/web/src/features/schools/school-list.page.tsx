/** 学校: the paged, filtered list with export and 新增学校. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { can, canAtDistrict } from '../../lib/permissions.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { SCHOOL_COLUMNS } from './school-columns.tsx';
import { SchoolFilters } from './school-filters.tsx';
import { SchoolFormModal } from './school-form-modal.tsx';
import { fetchSchools } from './schools-api.ts';

export default function SchoolListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const params = useListParams();
  const [isCreating, setCreating] = useState(false);
  const query = { ...params.filters, page: params.page, pageSize: params.pageSize };
  const schools = useQuery(`schools?${params.key}`, (signal) => fetchSchools(query, signal));
  const canCreate = canAtDistrict(me, 'base:write');
  const hasFilters = Object.keys(params.filters).length > 0;

  return (
    <>
      <PageHeader
        title="学校"
        extra={
          <>
            {can(me, 'exports:run') && <DownloadButton path="/exports/schools" fileName="学校.xlsx" />}
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新增学校
              </Button>
            )}
          </>
        }
      />
      <Card>
        <SchoolFilters params={params} />
        <PagedTable
          rowKey="id"
          columns={SCHOOL_COLUMNS}
          data={schools.data}
          isLoading={schools.isLoading}
          error={schools.error}
          onRetry={schools.reload}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          empty={
            hasFilters
              ? '没有符合条件的学校，请调整筛选条件'
              : canCreate
                ? '还没有学校。请点击“新增学校”，或在“数据导入”中批量导入学校'
                : '还没有学校数据，请联系区级管理员导入'
          }
        />
      </Card>
      <SchoolFormModal
        open={isCreating}
        onClose={() => setCreating(false)}
        onCreated={(school) => {
          setCreating(false);
          navigate(`/schools/${school.id}`);
        }}
      />
    </>
  );
}
