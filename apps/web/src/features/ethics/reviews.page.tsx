/**
 * 师德考核 and 师德承诺: per teacher and year, recorded by the school administrator for their own school
 * (the 师德办 sees every school), beside the 师德培训 hours counted from the training ledger. Sorted by
 * school and name — no ranking of teachers.
 */
import { ETHICS_REVIEW_LEVEL_LABELS, ETHICS_REVIEW_LEVELS, type EthicsReviewPage } from '@zhiping/contracts';
import { Alert, Button, Card, Col, Input, Row, Select, Space, Statistic, Upload, message } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../components/export-button.tsx';
import { apiJson } from '../../lib/api-client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isEthicsOffice } from './ethics-access.ts';
import { ethicsApi } from './ethics-api.ts';

type Row = EthicsReviewPage['items'][number];

export default function ReviewsPage() {
  const me = useMe();
  const lp = useListParams();
  const thisYear = new Date().getFullYear();
  const year = Number(lp.filters.year ?? thisYear - 1);
  const q = useQuery(`ethics-reviews:${lp.key}:${year}`, (signal) =>
    ethicsApi.reviews(
      { page: lp.page, pageSize: lp.pageSize, year, schoolId: lp.filters.schoolId, level: lp.filters.level, q: lp.filters.q },
      signal,
    ),
  );
  const save = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      void message.success('已保存');
      q.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const counts = q.data?.levelCounts ?? {};
  const [importErrors, setImportErrors] = useState<{ row: number; message: string }[]>([]);
  const importFile = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const r = await apiJson<{ imported: number; errors: { row: number; message: string }[] }>('POST', '/ethics/reviews/import', {
        body: form,
        query: { year },
      });
      setImportErrors(r.errors);
      if (r.errors.length === 0) {
        void message.success(`已导入 ${r.imported} 条`);
        q.reload();
      }
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader
        title="师德考核与师德承诺"
        subTitle="年度师德考核结果由学校录入；师德培训学时取自培训学时台账（师德师风类）"
        extra={
          <>
            <Select
              value={year}
              style={{ width: 110 }}
              onChange={(v) => lp.setFilters({ year: String(v) })}
              options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: `${thisYear - d} 年度` }))}
            />
            {isEthicsOffice(me) && (
              <SchoolSelect
                allowClear
                placeholder="全部学校"
                style={{ width: 220 }}
                value={lp.filters.schoolId ? Number(lp.filters.schoolId) : null}
                onChange={(v) => lp.setFilters({ schoolId: v ? String(v) : null })}
              />
            )}
            <Select
              allowClear
              placeholder="全部结果"
              style={{ width: 120 }}
              value={lp.filters.level}
              onChange={(v) => lp.setFilters({ level: v })}
              options={[
                ...ETHICS_REVIEW_LEVELS.map((l) => ({ value: l, label: ETHICS_REVIEW_LEVEL_LABELS[l] })),
                { value: 'none', label: '未录入' },
              ]}
            />
            <DownloadButton
              path="/ethics/reviews.xlsx"
              fileName={`${year}年度师德考核.xlsx`}
              query={{ year, schoolId: lp.filters.schoolId, level: lp.filters.level, q: lp.filters.q }}
            />
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void importFile(file);
                return false;
              }}
            >
              <Button>导入考核结果</Button>
            </Upload>
            <Input.Search
              allowClear
              placeholder="教师姓名"
              style={{ width: 160 }}
              defaultValue={lp.filters.q}
              onSearch={(v) => lp.setFilters({ q: v || null })}
            />
          </>
        }
      />
      {importErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportErrors([])}
          style={{ marginBottom: 16 }}
          message="导入未写入任何数据，请修改以下行后重新导入（列：身份证号、姓名、考核结果、备注）"
          description={importErrors.slice(0, 20).map((e) => (
            <div key={e.row}>
              第 {e.row} 行：{e.message}
            </div>
          ))}
        />
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {[...ETHICS_REVIEW_LEVELS, 'none' as const].map((l) => (
          <Col key={l} xs={12} sm={8} md={4}>
            <Card size="small">
              <Statistic title={l === 'none' ? '未录入' : ETHICS_REVIEW_LEVEL_LABELS[l]} value={counts[l] ?? 0} />
            </Card>
          </Col>
        ))}
        <Col xs={12} sm={8} md={4}>
          <Card size="small">
            <Statistic title="已签师德承诺" value={q.data?.commitmentCount ?? 0} />
          </Card>
        </Col>
      </Row>
      <PagedTable<Row>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="teacherId"
        empty="没有符合条件的教师。教师名单来自教师库；如名单为空，请先导入教师信息。"
        columns={[
          { title: '学校', dataIndex: 'schoolName' },
          { title: '教师', dataIndex: 'teacherName' },
          {
            title: `${year} 年度师德考核`,
            render: (_, r) => (
              <Select
                size="small"
                style={{ width: 110 }}
                placeholder="未录入"
                value={r.level ?? undefined}
                onChange={(level) => save(() => ethicsApi.saveReview({ teacherId: r.teacherId, year, level }))}
                options={ETHICS_REVIEW_LEVELS.map((l) => ({ value: l, label: ETHICS_REVIEW_LEVEL_LABELS[l] }))}
              />
            ),
          },
          {
            title: '师德承诺签订日期',
            render: (_, r) => (
              <Space>
                <Input
                  size="small"
                  type="date"
                  style={{ width: 150 }}
                  defaultValue={r.commitmentSignedOn ?? ''}
                  min={`${year}-01-01`}
                  max={`${year}-12-31`}
                  onBlur={(e) => {
                    const v = e.target.value || null;
                    if (v !== r.commitmentSignedOn)
                      void save(() => ethicsApi.saveCommitment({ teacherId: r.teacherId, year, signedOn: v }));
                  }}
                />
              </Space>
            ),
          },
          { title: '师德培训学时', render: (_, r) => (r.ethicsTrainingHours === null ? '—' : r.ethicsTrainingHours) },
        ]}
      />
    </>
  );
}
