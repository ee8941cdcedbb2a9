/** 数据质量: failures of the validation rules by school, with severity, school and rule filters, paging and export. */
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Row, Select, Statistic, Table } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { schoolYearLabel } from '../../lib/format.ts';
import { canAtDistrict } from '../../lib/permissions.ts';
import { saveXlsx } from '../../lib/save-file.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { buildXlsx } from '../../lib/xlsx-writer.ts';
import { useMe } from '../auth/auth-context.tsx';
import { fetchDistrict } from '../overview/overview-api.ts';
import { FAILURE_COLUMNS, schoolCountColumns } from './data-quality-columns.tsx';
import { SEVERITY_META, type Severity } from './data-quality-labels.tsx';
import { fetchAllFailures, fetchFailures, fetchSummary } from './data-quality-api.ts';

const SEVERITIES = Object.keys(SEVERITY_META) as Severity[];

export default function DataQualityPage() {
  const me = useMe();
  const { message } = App.useApp();
  const params = useListParams();
  const { filters, setFilters } = params;
  const [isExporting, setExporting] = useState(false);
  const year = filters.year ? Number(filters.year) : undefined;
  const district = useQuery('district', fetchDistrict);
  const summary = useQuery(`dq-summary:${year ?? ''}`, (signal) => fetchSummary(year, signal));
  const failures = useQuery(`dq?${params.key}`, (signal) =>
    fetchFailures({ ...filters, page: params.page, pageSize: params.pageSize }, signal),
  );
  const s = summary.data;
  const shownYear = s?.year ?? failures.data?.year;
  const isDistrict = canAtDistrict(me, 'base:read');

  const exportAll = async () => {
    setExporting(true);
    try {
      const all = await fetchAllFailures(filters);
      const rows = all.map((f) => [
        SEVERITY_META[f.severity].label,
        f.schoolName ?? '全区',
        f.schoolCode ?? '',
        f.entity,
        f.ruleName,
        f.message,
        f.leftValue,
        f.rightValue,
      ]);
      saveXlsx(
        buildXlsx('数据校验', ['严重程度', '学校', '学校标识码', '对象', '规则', '问题', '实际值', '比较值'], rows),
        `数据质量-${shownYear ?? ''}学年.xlsx`,
      );
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="数据质量"
        subTitle={shownYear ? `${schoolYearLabel(shownYear)} · 按校验规则检查学年学生、办学条件和教师数据` : undefined}
        extra={
          <Button icon={<FileExcelOutlined />} loading={isExporting} onClick={() => void exportAll()} disabled={!failures.data?.total}>
            导出Excel
          </Button>
        }
      />
      {s && (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="问题总数" value={s.total} suffix="条" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="涉及学校" value={s.schoolsAffected} suffix="所" />
            </Card>
          </Col>
          {SEVERITIES.filter((sev) => sev !== 'info').map((sev) => (
            <Col key={sev} xs={12} md={6}>
              <Card size="small" hoverable onClick={() => setFilters({ severity: sev })}>
                <Statistic
                  title={
                    <>
                      {SEVERITY_META[sev].icon} {SEVERITY_META[sev].label}
                    </>
                  }
                  value={s.bySeverity[sev]}
                  suffix="条"
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Row gutter={[16, 16]}>
        {isDistrict && s && s.bySchool.length > 0 && (
          <Col xs={24} xl={9}>
            <Card size="small" title="按学校">
              <Table
                size="small"
                rowKey={(r) => r.schoolId ?? 0}
                dataSource={s.bySchool}
                columns={schoolCountColumns((id) => setFilters({ schoolId: id }))}
                scroll={{ x: 'max-content' }}
                pagination={s.bySchool.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={isDistrict && s && s.bySchool.length > 0 ? 15 : 24}>
          <Card size="small" title="校验未通过项">
            <Flex wrap gap={8} style={{ marginBottom: 12 }}>
              <Select
                aria-label="学年"
                placeholder="最新学年"
                allowClear
                style={{ width: 160 }}
                value={year}
                onChange={(v?: number) => setFilters({ year: v })}
                options={(district.data?.years ?? []).map((y) => ({ value: y, label: schoolYearLabel(y) }))}
              />
              <Select
                aria-label="严重程度"
                placeholder="全部严重程度"
                allowClear
                style={{ width: 150 }}
                value={filters.severity}
                onChange={(v?: string) => setFilters({ severity: v })}
                options={SEVERITIES.map((sev) => ({ value: sev, label: SEVERITY_META[sev].label }))}
              />
              {isDistrict && (
                <SchoolSelect
                  value={filters.schoolId ? Number(filters.schoolId) : null}
                  onChange={(id) => setFilters({ schoolId: id })}
                  placeholder="全部学校"
                />
              )}
              <Select
                aria-label="规则"
                placeholder="全部规则"
                allowClear
                style={{ width: 240 }}
                value={filters.rule}
                onChange={(v?: string) => setFilters({ rule: v })}
                options={(s?.byRule ?? []).map((r) => ({ value: r.ruleCode, label: `${r.ruleName}（${r.count}）` }))}
              />
            </Flex>
            <PagedTable
              rowKey={(f) => `${f.ruleCode}|${f.schoolId ?? ''}|${f.entity}`}
              columns={FAILURE_COLUMNS}
              data={failures.data}
              isLoading={failures.isLoading}
              error={failures.error}
              onRetry={failures.reload}
              page={params.page}
              pageSize={params.pageSize}
              onPageChange={params.setPage}
              empty={
                Object.keys(filters).length > 0 ? '没有符合条件的问题，请调整筛选条件' : '数据全部通过校验。导入新的学年数据后会重新检查。'
              }
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
