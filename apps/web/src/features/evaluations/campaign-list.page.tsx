/** 评估项目: the district's campaigns with their per-state progress; the 督导室 creates new ones. */
import { PlusOutlined } from '@ant-design/icons';
import { EVALUATION_STATE_LABELS, type CampaignSummary, type EvaluationStateKey } from '@zhiping/contracts';
import { Button, Flex, Input, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { CampaignForm } from './campaign-form.tsx';
import { campaignsApi } from './evaluations-api.ts';
import { isSupervisor } from './supervision-access.ts';

/** "学校自评 3 · 已发布 2" chips of a campaign's schools per state. */
export function StateCounts({ counts }: { counts: Record<string, number> }) {
  return (
    <Flex gap={4} wrap>
      {Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => (
          <Tag key={s} color={s === 'published' ? 'green' : s === 'cancelled' ? 'default' : 'blue'}>
            {EVALUATION_STATE_LABELS[s as EvaluationStateKey] ?? s} {n}
          </Tag>
        ))}
    </Flex>
  );
}

export default function CampaignListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const lp = useListParams();
  const [isCreating, setCreating] = useState(false);
  const q = useQuery(`campaigns:${lp.key}`, (signal) =>
    campaignsApi.list({ page: lp.page, pageSize: lp.pageSize, q: lp.filters.q }, signal),
  );
  return (
    <>
      <PageHeader
        title="评估项目"
        subTitle="按评估模板对一批学校开展督导评估：自评、现场评估、合议、审核、发布"
        extra={
          <>
            <Input.Search
              allowClear
              placeholder="项目名称"
              defaultValue={lp.filters.q}
              onSearch={(v) => lp.setFilters({ q: v })}
              style={{ width: 200 }}
            />
            {isSupervisor(me) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建评估项目
              </Button>
            )}
          </>
        }
      />
      <PagedTable<CampaignSummary>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        empty={isSupervisor(me) ? '还没有评估项目。点击“新建评估项目”，选择模板和学校。' : '还没有评估项目（由区督导室创建）。'}
        columns={[
          { title: '项目', render: (_, r) => <Link to={`/campaigns/${r.id}`}>{r.name}</Link> },
          { title: '模板', render: (_, r) => `${r.template.name} v${r.template.version}` },
          { title: '学校数', dataIndex: 'schoolCount' },
          { title: '进度', render: (_, r) => <StateCounts counts={r.stateCounts} /> },
          { title: '自评截止', render: (_, r) => formatDate(r.selfAssessmentDue) },
          { title: '现场评估截止', render: (_, r) => formatDate(r.onSiteDue) },
          { title: '报告截止', render: (_, r) => formatDate(r.reportDue) },
        ]}
      />
      <CampaignForm open={isCreating} onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/campaigns/${id}`)} />
    </>
  );
}
