/** Consolidation and ranking: each application's reviewers' totals with the dropped highest and lowest struck through. */
import type { AwardCallDetail, AwardRankingRow } from '@zhiping/contracts';
import { Alert, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { GradeTag } from './award-tags.tsx';
import { awardsApi } from './awards-api.ts';

export function RankingTab({ call }: { call: AwardCallDetail }) {
  const q = useQuery(`award-ranking:${call.id}:${call.version}`, (signal) => awardsApi.ranking(call.id, signal));
  const r = q.data;
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {r && (
        <Alert
          type={r.submittedSheets < r.expectedSheets ? 'info' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={`已提交评分 ${r.submittedSheets} / ${r.expectedSheets} 份`}
          description={`评审专家达到 ${r.trimFromReviewers} 人时去掉一个最高分和一个最低分后取平均；同分依次比较全部专家平均分、评分细则各项（按顺序）平均分、提交时间。${
            r.state === 'reviewing' ? '全部评分提交后，点击上方“汇总评分并排名”。' : ''
          }`}
        />
      )}
      <Table<AwardRankingRow>
        size="small"
        rowKey="applicationId"
        loading={q.isLoading}
        dataSource={r?.rows ?? []}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description="没有进入评审的申报。" /> }}
        columns={[
          {
            title: '名次',
            render: (_, x) =>
              x.rank ? (
                <Space>
                  {x.rank}
                  {x.isTie && (
                    <Tooltip title="与上一名平均分相同，按规则依次比较后排定">
                      <Tag>同分</Tag>
                    </Tooltip>
                  )}
                </Space>
              ) : (
                '—'
              ),
          },
          { title: '成果名称', dataIndex: 'title' },
          { title: '主持人', dataIndex: 'leadName' },
          { title: '学校', dataIndex: 'schoolName' },
          {
            title: '专家评分',
            render: (_, x) => (
              <Space size={4} wrap>
                {x.sheets.map((s, i) =>
                  s.isSubmitted ? (
                    <Tag key={i} color={s.isDropped ? 'default' : 'blue'} title={`${s.expertName}${s.isDropped ? '（去掉）' : ''}`}>
                      {s.isDropped ? <Typography.Text delete>{s.total}</Typography.Text> : s.total}
                    </Tag>
                  ) : (
                    <Tag key={i} color="orange">
                      {s.expertName} 未提交
                    </Tag>
                  ),
                )}
              </Space>
            ),
          },
          { title: '去极值平均', render: (_, x) => (x.score !== null ? <Typography.Text strong>{x.score}</Typography.Text> : '—') },
          { title: '全部平均', render: (_, x) => x.rawMean ?? '—' },
          { title: '等次', render: (_, x) => (x.excludedReason ? <Tag color="red">已取消</Tag> : <GradeTag label={x.gradeLabel} />) },
          { title: '说明', render: (_, x) => x.excludedReason ?? '' },
        ]}
      />
    </>
  );
}
