/** 评估模板: built-in and district templates by family and version; copy one to start a district family. */
import type { TemplateSummary } from '@zhiping/contracts';
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { templatesApi } from './evaluations-api.ts';

export default function TemplateListPage() {
  const q = useQuery('templates', (signal) => templatesApi.list(signal));
  return (
    <>
      <PageHeader title="评估模板" subTitle="内置模板只读，复制后可按本区要求修改；已用于评估项目的版本修改时自动生成新版本" />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Table<TemplateSummary>
        size="middle"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description="没有评估模板" /> }}
        columns={[
          { title: '模板', render: (_, t) => <Link to={`/evaluation-templates/${t.id}`}>{t.name}</Link> },
          { title: '模板族', dataIndex: 'family' },
          {
            title: '版本',
            render: (_, t) => (
              <>
                v{t.version} {t.isLatest && <Tag color="blue">最新</Tag>}
              </>
            ),
          },
          {
            title: '来源',
            render: (_, t) =>
              t.isBuiltIn ? <Tag>内置</Tag> : t.copiedFrom ? `复制自 ${t.copiedFrom.family} v${t.copiedFrom.version}` : '本区',
          },
          { title: '满分', dataIndex: 'scale' },
          { title: '要点数', dataIndex: 'checkpointCount' },
          { title: '判定', render: (_, t) => (t.passRule === 'bands' ? '按总分与领域最低分定等次' : '全部达标为合格') },
          { title: '已使用', render: (_, t) => (t.isUsed ? <Tag color="orange">已用于评估项目</Tag> : '—') },
          { title: '更新时间', render: (_, t) => formatDateTime(t.updatedAt) },
        ]}
      />
    </>
  );
}
