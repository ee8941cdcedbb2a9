/** 我的评估: the evaluations the caller takes part in — the school's own, or the inspector's assigned ones. */
import { EVALUATION_STATE_LABELS, EVALUATION_STATES, type EvaluationRow } from '@zhiping/contracts';
import { Segmented, Select, Tag } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { evaluationsApi } from './evaluations-api.ts';
import { isInspector } from './supervision-access.ts';

export default function EvaluationListPage() {
  const me = useMe();
  const lp = useListParams();
  const mine = lp.filters.mine ?? (isInspector(me) ? 'true' : 'false');
  const q = useQuery(`evaluations:${lp.key}:${mine}`, (signal) =>
    evaluationsApi.list({ page: lp.page, pageSize: lp.pageSize, state: lp.filters.state, mine }, signal),
  );
  return (
    <>
      <PageHeader
        title="我的评估"
        subTitle="学校看到本校的评估；督学看到所在评估组和责任学校的评估"
        extra={
          <>
            {isInspector(me) && (
              <Segmented
                value={mine}
                onChange={(v) => lp.setFilters({ mine: v })}
                options={[
                  { label: '我参与的', value: 'true' },
                  { label: '全部可见', value: 'false' },
                ]}
              />
            )}
            <Select
              allowClear
              placeholder="全部阶段"
              style={{ width: 140 }}
              value={lp.filters.state}
              onChange={(v) => lp.setFilters({ state: v })}
              options={EVALUATION_STATES.map((s) => ({ value: s, label: EVALUATION_STATE_LABELS[s] }))}
            />
          </>
        }
      />
      <PagedTable<EvaluationRow>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        empty="暂无评估。评估项目由区督导室创建，指派评估组后会出现在这里。"
        columns={[
          { title: '学校', render: (_, r) => <Link to={`/evaluations/${r.id}`}>{r.schoolName}</Link> },
          { title: '评估项目', dataIndex: 'campaignName' },
          { title: '阶段', render: (_, r) => <Tag color={r.state === 'published' ? 'green' : 'blue'}>{r.stateLabel}</Tag> },
          { title: '现场评估日期', render: (_, r) => formatDate(r.visitDate) },
          { title: '评估组', render: (_, r) => r.team.map((t) => t.name + (t.isLead ? '（组长）' : '')).join('、') || '—' },
          { title: '总分 / 等次', render: (_, r) => (r.total === null ? '—' : `${r.total} / ${r.band ?? r.verdictLabel ?? '—'}`) },
        ]}
      />
    </>
  );
}
