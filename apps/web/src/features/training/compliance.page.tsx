/** 学时达标: each 专任教师's standing in the chosen rule and cycle, filtered by school, status and seminars, exported to xlsx. */
import type { TeacherStanding } from '@zhiping/contracts';
import { Card, Col, Input, Row, Select, Space, Statistic, Switch, Tag, Typography } from 'antd';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { trainingApi } from './training-api.ts';
import { STATUS_COLORS, STATUS_LABELS, options } from './training-labels.ts';

export default function CompliancePage() {
  const lp = useListParams();
  const f = lp.filters;
  const rules = useQuery('training-rules', (signal) => trainingApi.rules(signal));
  const filters = { rule: f.rule, cycleStart: f.cycleStart, schoolId: f.schoolId, status: f.status, q: f.q, seminarShort: f.seminarShort };
  const q = useQuery(`training-compliance:${lp.key}`, (signal) =>
    trainingApi.compliance({ page: lp.page, pageSize: lp.pageSize, ...filters }, signal),
  );
  const d = q.data;
  const currentRules = (rules.data?.items ?? []).filter((r) => r.isCurrent);
  return (
    <>
      <PageHeader
        title="继续教育学时达标"
        subTitle={
          d ? `${d.ref.ruleName}（${d.ref.documentNumber}）· 周期 ${d.ref.cycle.label} · 统计日 ${d.ref.asOf}` : '按周期学时要求逐人核算'
        }
        extra={<DownloadButton path="/training/compliance.xlsx" fileName="继续教育学时达标.xlsx" query={filters} />}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 220 }}
          placeholder="学时规则"
          value={f.rule ?? d?.ref.ruleCode}
          onChange={(v) => lp.setFilters({ rule: v, cycleStart: null })}
          options={currentRules.map((r) => ({ value: r.code, label: `${r.name}（${r.cycleYears}年${r.requiredHours}学时）` }))}
          aria-label="学时规则"
        />
        <Select
          style={{ width: 170 }}
          placeholder="周期"
          value={f.cycleStart ?? d?.ref.cycle.start}
          onChange={(v) => lp.setFilters({ cycleStart: v })}
          options={(d?.ref.cycles ?? []).map((c) => ({ value: c.start, label: c.label }))}
          aria-label="周期"
        />
        <SchoolSelect
          style={{ width: 240 }}
          allowClear
          value={f.schoolId ? Number(f.schoolId) : null}
          onChange={(v) => lp.setFilters({ schoolId: v })}
          placeholder="全部学校"
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder="全部状态"
          value={f.status}
          onChange={(v) => lp.setFilters({ status: v })}
          options={options(STATUS_LABELS)}
          aria-label="状态"
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder="姓名或学校"
          defaultValue={f.q}
          onSearch={(v) => lp.setFilters({ q: v })}
        />
        <span>
          本年研修研讨未达标{' '}
          <Switch checked={f.seminarShort === 'true'} onChange={(v) => lp.setFilters({ seminarShort: v ? 'true' : null })} />
        </span>
      </Space>
      {d && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          {[
            ['专任教师', d.counts.teachers, undefined],
            ['已完成', d.counts.complete, 'complete'],
            ['进行中', d.counts.onTrack, 'on_track'],
            ['预警', d.counts.atRisk, 'at_risk'],
            ['未完成（周期已结束）', d.counts.incomplete, 'incomplete'],
          ].map(([label, value, status]) => (
            <Col xs={12} md={4} key={String(label)}>
              <Card size="small" hoverable onClick={() => lp.setFilters({ status: (status as string | undefined) ?? null })}>
                <Statistic
                  title={label}
                  value={value as number}
                  valueStyle={status === 'at_risk' && value ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          ))}
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic
                title="周期完成率"
                value={d.counts.completionRate === null ? '—' : (d.counts.completionRate * 100).toFixed(1)}
                suffix={d.counts.completionRate === null ? '' : '%'}
              />
            </Card>
          </Col>
        </Row>
      )}
      <PagedTable<TeacherStanding>
        data={d}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="teacherId"
        empty="没有符合条件的专任教师。请调整筛选条件；若尚无学时记录，可在“培训项目”中登记培训或导入完成名单。"
        columns={[
          { title: '姓名', render: (_, r) => <Typography.Text strong>{r.teacherName}</Typography.Text> },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '学科', dataIndex: 'subject' },
          { title: '应修', dataIndex: 'required' },
          { title: '已修', dataIndex: 'earned' },
          {
            title: '尚需',
            render: (_, r) =>
              r.needed > 0 ? <Typography.Text type={r.status === 'at_risk' ? 'danger' : undefined}>{r.needed}</Typography.Text> : 0,
          },
          {
            title: '子项',
            render: (_, r) =>
              r.quotas.map((x) => (
                <Tag key={x.label} color={x.shortfall > 0 ? 'orange' : undefined}>
                  {x.label} {x.earned}/{x.required}
                </Tag>
              )),
          },
          { title: '状态', render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
          {
            title: '距周期结束',
            render: (_, r) => (r.daysLeft < 0 ? '已结束' : `${r.daysLeft} 天`),
          },
          {
            title: '每年尚需',
            render: (_, r) => (r.neededPerYear === null || r.daysLeft < 365 ? '—' : r.neededPerYear),
          },
          { title: '本年研修研讨', render: (_, r) => `${r.seminarsThisYear}/${r.seminarsRequired}` },
        ]}
      />
    </>
  );
}
