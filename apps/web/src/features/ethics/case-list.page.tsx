/** 师德案件: the 师德办 sees every case, a designated school handler only the cases assigned to them. */
import { ETHICS_CASE_WORKFLOW } from '@zhiping/domain';
import type { EthicsCaseSummary } from '@zhiping/contracts';
import { Button, Select, Switch, Tag } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { ethicsApi } from './ethics-api.ts';
import { isEthicsOffice } from './ethics-access.ts';
import { CreateCaseButton } from './create-case.tsx';
import { DownloadButton } from '../../components/export-button.tsx';

export default function CaseListPage() {
  const me = useMe();
  const lp = useListParams();
  const isOffice = isEthicsOffice(me);
  const q = useQuery(`ethics-cases:${lp.key}`, (signal) =>
    ethicsApi.list(
      { page: lp.page, pageSize: lp.pageSize, state: lp.filters.state, overdue: lp.filters.overdue, year: lp.filters.year },
      signal,
    ),
  );
  const thisYear = new Date().getFullYear();
  return (
    <>
      <PageHeader
        title="师德案件"
        subTitle={
          isOffice
            ? '公众反映和师德办立案的全部案件：受理分类、指派调查、陈述申辩、处理决定、告知、申诉'
            : '指派给您调查的师德案件（仅承办人本人可见）'
        }
        extra={
          <>
            <Select
              allowClear
              placeholder="全部状态"
              style={{ width: 170 }}
              value={lp.filters.state}
              onChange={(v) => lp.setFilters({ state: v })}
              options={Object.entries(ETHICS_CASE_WORKFLOW.states).map(([value, s]) => ({ value, label: s.label }))}
            />
            <Select
              allowClear
              placeholder="全部年份"
              style={{ width: 120 }}
              value={lp.filters.year}
              onChange={(v) => lp.setFilters({ year: v })}
              options={[0, 1, 2, 3].map((d) => ({ value: String(thisYear - d), label: `${thisYear - d} 年` }))}
            />
            <span>
              只看逾期 <Switch checked={lp.filters.overdue === 'true'} onChange={(v) => lp.setFilters({ overdue: v ? 'true' : null })} />
            </span>
            <DownloadButton
              path="/ethics/cases.xlsx"
              fileName="师德案件.xlsx"
              query={{ state: lp.filters.state, overdue: lp.filters.overdue, year: lp.filters.year }}
            />
            {isOffice && <CreateCaseButton />}
            {isOffice && (
              <Link to="/ethics/monitoring">
                <Button>师德监测</Button>
              </Link>
            )}
          </>
        }
      />
      <PagedTable<EthicsCaseSummary>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        empty={
          isOffice
            ? '没有符合条件的案件。公众通过“师德师风问题反映”页面（/report）提交的反映会出现在这里；也可点击“立案”登记其他来源的线索。'
            : '目前没有指派给您调查的师德案件。'
        }
        columns={[
          { title: '编号', render: (_, r) => <Link to={`/ethics/cases/${r.id}`}>{r.caseNo}</Link> },
          { title: '收到日期', render: (_, r) => formatDate(r.receivedOn) },
          { title: '来源', render: (_, r) => (r.source === 'public_report' ? '公众反映' : '师德办立案') },
          {
            title: '类别',
            render: (_, r) =>
              r.categoryLabel ? (r.categoryLabel.length > 18 ? `${r.categoryLabel.slice(0, 18)}…` : r.categoryLabel) : '待分类',
          },
          { title: '学校', render: (_, r) => r.schoolName ?? '—' },
          { title: '教师', render: (_, r) => r.teacherName ?? '—' },
          { title: '承办', render: (_, r) => r.handlerName ?? '—' },
          { title: '状态', render: (_, r) => <Tag>{r.stateLabel}</Tag> },
          {
            title: '本环节期限',
            render: (_, r) =>
              r.currentDue ? (
                <Tag color={r.isOverdue ? 'red' : undefined}>{r.isOverdue ? `已逾期（${r.currentDue}）` : r.currentDue}</Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
