/**
 * /growth/tests: the annual teacher test (专业知识和能力考核) — import (教师科), analysis by school, subject,
 * age group and title with the weakest areas and year-on-year change, and the score list ordered by school
 * and name (never a ranking of teachers). A school administrator sees their school, a teacher their own.
 */
import type { GroupStats, TestImportResult, TestScoreRow } from '@zhiping/contracts';
import { Alert, App, Button, Card, Col, InputNumber, Modal, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import { DownloadButton } from '../../components/export-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isGrowthManager } from './growth-access.ts';
import { growthApi } from './growth-api.ts';

const AREAS = ['学科知识', '教学设计', '课堂实施', '教育理论', '信息技术应用'];

const change = (v: number | null) =>
  v === null ? '—' : <span style={{ color: v >= 0 ? '#389e0d' : '#cf1322' }}>{v > 0 ? `+${v}` : v}</span>;

function StatsTable({ title, rows, link }: { title: string; rows: GroupStats[]; link?: (g: GroupStats) => string }) {
  return (
    <Card size="small" title={title}>
      <Table<GroupStats>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '分组', render: (_, g) => (link ? <Link to={link(g)}>{g.label}</Link> : g.label) },
          { title: '人数', dataIndex: 'count', align: 'right' },
          { title: '平均分', render: (_, g) => g.mean ?? '—', align: 'right' },
          { title: '最低', render: (_, g) => g.min ?? '—', align: 'right' },
          { title: '最高', render: (_, g) => g.max ?? '—', align: 'right' },
          { title: '较上年', render: (_, g) => change(g.change), align: 'right' },
        ]}
      />
    </Card>
  );
}

function ImportModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [result, setResult] = useState<TestImportResult | null>(null);
  const [isBusy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const run = async () => {
    const f = file.current?.files?.[0];
    if (!f) {
      message.error('请选择要导入的 xlsx 文件');
      return;
    }
    setBusy(true);
    try {
      const r = await growthApi.importTests(year, f);
      setResult(r);
      if (r.errors.length === 0) {
        message.success(`已导入 ${r.imported} 人的成绩`);
        onDone();
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="导入考核成绩"
      okText="导入"
      confirmLoading={isBusy}
      onOk={() => void run()}
      onCancel={onClose}
      width={680}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          按身份证号匹配教师档案；每行须有考核学科和总分，可含各分项（学科知识、教学设计、课堂实施、教育理论、信息技术应用）。文件全部正确才写入，同一年度再次导入会更新已有成绩。
        </Typography.Text>
        <Space wrap>
          年度 <InputNumber aria-label="考核年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <input ref={file} type="file" accept=".xlsx" aria-label="成绩文件" />
          <DownloadButton path="/growth/tests/template" fileName="教师专业知识和能力考核成绩导入模板.xlsx" label="下载模板" type="link" />
        </Space>
        {result && result.errors.length > 0 && (
          <>
            <Alert type="error" showIcon message={`文件有 ${result.errors.length} 处问题，未导入任何成绩。请修改后重新导入。`} />
            <Table
              size="small"
              rowKey={(e) => `${e.row}:${e.message}`}
              dataSource={result.errors}
              pagination={{ pageSize: 8 }}
              columns={[
                { title: '行', dataIndex: 'row', width: 70 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          </>
        )}
        {result && result.errors.length === 0 && (
          <Alert
            type="success"
            showIcon
            message={`已导入 ${result.year} 年度成绩 ${result.imported} 人（其中更新 ${result.replaced} 人）`}
          />
        )}
      </Space>
    </Modal>
  );
}

export default function TestAnalysisPage() {
  const me = useMe();
  const isManager = isGrowthManager(me);
  const lp = useListParams();
  const [isImportOpen, setImportOpen] = useState(false);
  const year = lp.filters.year ? Number(lp.filters.year) : undefined;
  const schoolId = lp.filters.schoolId ? Number(lp.filters.schoolId) : undefined;
  const a = useQuery(`test-analysis:${year}:${schoolId}`, (signal) => growthApi.analysis({ year, schoolId }, signal));
  const scores = useQuery(`test-scores:${lp.key}`, (signal) =>
    growthApi.scores({ page: lp.page, pageSize: lp.pageSize, year, schoolId, subject: lp.filters.subject, q: lp.filters.q }, signal),
  );
  const d = a.data;
  const reload = () => {
    a.reload();
    scores.reload();
  };
  return (
    <>
      <PageHeader
        title="教师专业知识和能力考核"
        subTitle="按学校、学科、年龄段、职称分析成绩分布、薄弱分项和年度变化；结果仅教师本人、所在学校和区教师科可见"
        extra={
          <Space wrap>
            <Select
              aria-label="年度"
              placeholder="年度"
              style={{ width: 110 }}
              value={d?.year ?? undefined}
              onChange={(v) => lp.setFilters({ year: v })}
              options={(d?.years ?? []).map((y) => ({ value: y, label: `${y} 年` }))}
            />
            {isManager && (
              <>
                <SchoolSelect value={schoolId ?? null} onChange={(v) => lp.setFilters({ schoolId: v })} placeholder="全区（可选学校）" />
                <Button type="primary" onClick={() => setImportOpen(true)}>
                  导入成绩
                </Button>
              </>
            )}
          </Space>
        }
      />
      <ErrorAlert error={a.error} onRetry={a.reload} />
      {d && d.year === null && (
        <Alert
          type="info"
          showIcon
          message={isManager ? '尚无考核成绩。请点击“导入成绩”，按模板导入年度考核成绩。' : '尚无可查看的考核成绩。'}
          style={{ marginBottom: 16 }}
        />
      )}
      {d && d.year !== null && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={`${d.year} 年参考（${d.scopeLabel}）`} value={d.overall.count} suffix="人" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="平均分" value={d.overall.mean ?? '—'} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={d.previousYear ? `较 ${d.previousYear} 年（同一批教师）` : '较上年'} value={d.changeSummary.mean ?? '—'} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="进步 / 退步人数" value={`${d.changeSummary.improved} / ${d.changeSummary.declined}`} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="成绩分布">
              <BarChart
                ariaLabel="成绩分布"
                height={240}
                categories={d.distribution.map((b) => b.label)}
                series={[{ name: '人数', values: d.distribution.map((b) => b.count) }]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="各分项得分率（最弱的在前）">
              <BarChart
                ariaLabel="各分项得分率"
                height={240}
                isHorizontal
                categories={d.areas.filter((x) => x.percent !== null).map((x) => x.area)}
                series={[{ name: '得分率（%）', values: d.areas.filter((x) => x.percent !== null).map((x) => x.percent!) }]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <StatsTable title="按年龄段" rows={d.byAgeGroup} />
          </Col>
          <Col xs={24} xl={12}>
            <StatsTable title="按职称" rows={d.byTitle} />
          </Col>
          <Col xs={24} xl={12}>
            <StatsTable title="按学科" rows={d.bySubject} />
          </Col>
          <Col xs={24} xl={12}>
            <StatsTable title="按学校" rows={d.bySchool} link={(g) => `/teacher-development/schools/${g.key}`} />
          </Col>
        </Row>
      )}
      <Card
        size="small"
        title="成绩明细（按学校、姓名排列）"
        extra={
          <DownloadButton
            path="/growth/tests/scores/export"
            fileName="教师专业知识和能力考核成绩.xlsx"
            query={{ year, schoolId, subject: lp.filters.subject, q: lp.filters.q }}
          />
        }
      >
        <PagedTable<TestScoreRow>
          data={scores.data}
          isLoading={scores.isLoading}
          error={scores.error}
          onRetry={scores.reload}
          page={lp.page}
          pageSize={lp.pageSize}
          onPageChange={lp.setPage}
          rowKey={(r) => `${r.year}:${r.teacher.id}`}
          scrollX={1100}
          empty="没有成绩记录。"
          columns={[
            { title: '学校', render: (_, r) => r.teacher.schoolName },
            { title: '教师', render: (_, r) => <Link to={`/teachers/${r.teacher.id}/growth`}>{r.teacher.name}</Link> },
            { title: '学科', dataIndex: 'subject' },
            { title: '总分', dataIndex: 'total', align: 'right' },
            ...AREAS.map((area) => ({
              title: area,
              render: (_: unknown, r: TestScoreRow) => r.parts[area] ?? '—',
              align: 'right' as const,
            })),
            { title: '上次', render: (_, r) => r.previous ?? '—', align: 'right' },
            { title: '变化', render: (_, r) => change(r.change), align: 'right' },
          ]}
        />
      </Card>
      <ImportModal open={isImportOpen} onClose={() => setImportOpen(false)} onDone={reload} />
    </>
  );
}
