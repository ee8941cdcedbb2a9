/** 评审任务: the expert's assigned applications, blind (a code, title and field; no names or schools). */
import type { AwardReviewTask } from '@zhiping/contracts';
import { Tag } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { awardsApi } from './awards-api.ts';

export default function AwardReviewsPage() {
  const lp = useListParams();
  const q = useQuery(`award-reviews:${lp.key}`, (signal) => awardsApi.reviews({ page: lp.page, pageSize: lp.pageSize }, signal));
  return (
    <>
      <PageHeader title="评审任务" subTitle="教育教学成果奖匿名评审：只显示成果编号和内容，不显示申报人和学校" />
      <PagedTable<AwardReviewTask>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="applicationId"
        empty="暂无评审任务。您被区教师科列入评审专家库并抽取为评审专家后，任务会出现在这里。"
        columns={[
          { title: '编号', render: (_, r) => <Link to={`/awards/reviews/${r.applicationId}`}>{r.code}</Link> },
          { title: '成果名称', dataIndex: 'title' },
          { title: '类别/学段', render: (_, r) => `${r.field} · ${r.stage}` },
          { title: '批次', dataIndex: 'callTitle' },
          { title: '评审截止', render: (_, r) => formatDate(r.reviewDueOn) },
          {
            title: '状态',
            render: (_, r) =>
              r.isSubmitted ? (
                <Tag color="green">已提交 {r.total} 分</Tag>
              ) : r.callState === 'reviewing' ? (
                <Tag color={r.total !== null ? 'blue' : 'orange'}>{r.total !== null ? '已暂存' : '待评分'}</Tag>
              ) : (
                <Tag>未开始评审</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
