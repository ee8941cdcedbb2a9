/** One template version: the tree, bands with area minimums, versions and the diff/mapping to other versions; copy and edit. */
import { Alert, App, Button, Card, Input, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { templatesApi } from './evaluations-api.ts';
import { isSupervisor } from './supervision-access.ts';
import { TemplateEditor } from './template-editor.tsx';
import { TemplateTree } from './template-tree.tsx';
import { VersionCompare } from './version-compare.tsx';

export default function TemplateDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useQuery(`template:${id}`, (signal) => templatesApi.get(id, signal));
  const [copyName, setCopyName] = useState<string | null>(null);
  const [isEditing, setEditing] = useState(false);
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const t = q.data;
  const canManage = isSupervisor(me);
  const copy = async () => {
    try {
      const created = await templatesApi.copy(id, copyName ?? '');
      message.success('已复制为本区模板');
      setCopyName(null);
      void navigate(`/evaluation-templates/${created.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader
        title={`${t.name} v${t.version}`}
        subTitle={`${t.family} · 满分 ${t.scale} · ${t.checkpointCount} 个评估要点${t.isBuiltIn ? ' · 内置' : ''}`}
        extra={
          canManage && (
            <>
              <Button onClick={() => setCopyName(`${t.name}（本区）`)}>复制为本区模板</Button>
              {!t.isBuiltIn && (
                <Button type="primary" onClick={() => setEditing(true)}>
                  编辑{t.isUsed ? '（将生成新版本）' : ''}
                </Button>
              )}
            </>
          )
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {t.source && <Alert type="info" showIcon title={`依据：${t.source.document}`} description={t.source.notes.join('；')} />}
        {t.problems.length > 0 && <Alert type="warning" showIcon title="模板存在问题" description={t.problems.join('；')} />}
        <Card size="small" title="版本">
          <Space wrap>
            {t.versions.map((v) => (
              <Link key={v.id} to={`/evaluation-templates/${v.id}`}>
                <Tag color={v.id === t.id ? 'blue' : undefined}>
                  v{v.version}
                  {v.isUsed ? '（已使用）' : ''}
                </Tag>
              </Link>
            ))}
          </Space>
          {t.versions.length > 1 && <VersionCompare key={t.id} template={t} canManage={canManage} />}
        </Card>
        {t.passRule === 'bands' && (
          <Card size="small" title="等次（总分与各领域最低分）">
            <Table
              size="small"
              rowKey="label"
              pagination={false}
              dataSource={t.definition.bands}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '等次', dataIndex: 'label' },
                { title: '总分不低于', dataIndex: 'minTotal' },
                {
                  title: '各领域最低分',
                  render: (_, b) =>
                    Object.entries(b.areaMinimums ?? {})
                      .map(([k, v]) => `${k}≥${v}`)
                      .join('，') || '—',
                },
                { title: '合格', render: (_, b) => (b.isPassing ? '是' : '否') },
              ]}
            />
          </Card>
        )}
        <Card size="small" title="指标体系">
          <TemplateTree nodes={t.definition.nodes} />
        </Card>
      </Space>
      <Modal title="复制为本区模板" open={copyName !== null} onCancel={() => setCopyName(null)} onOk={() => void copy()} okText="复制">
        <Typography.Paragraph>复制后成为本区模板族的 v1，可修改指标、分值和等次。</Typography.Paragraph>
        <Input aria-label="新模板名称" value={copyName ?? ''} onChange={(e) => setCopyName(e.target.value)} />
      </Modal>
      {isEditing && (
        <TemplateEditor
          template={t}
          onClose={() => setEditing(false)}
          onSaved={(newId) => {
            setEditing(false);
            if (newId === id) q.reload();
            else void navigate(`/evaluation-templates/${newId}`);
          }}
        />
      )}
    </>
  );
}
