/**
 * 督学名册: every inspector with the public-card details (title, phone, duties), their number of
 * responsible schools and the schools they must avoid (current post, configured related schools); the
 * 督导室 edits these and the visit interval that decides when a school is overdue.
 */
import type { InspectorProfileInput, InspectorSummary } from '@zhiping/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { inspectorsApi } from './inspectors-api.ts';

interface ProfileForm {
  phone: string;
  title: string;
  duties: string;
  relatedSchools: { schoolId: number | null; reason: string }[];
}

function ProfileDrawer({ inspector, onClose, onSaved }: { inspector: InspectorSummary; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileForm>();
  const [isBusy, setBusy] = useState(false);
  const names = new Map(inspector.relatedSchools.map((r) => [r.schoolId, r.schoolName]));
  const save = async (v: ProfileForm) => {
    const input: InspectorProfileInput = {
      phone: v.phone ?? '',
      title: v.title ?? '',
      duties: v.duties ?? '',
      relatedSchools: (v.relatedSchools ?? []).flatMap((r) => (r.schoolId ? [{ schoolId: r.schoolId, reason: r.reason ?? '' }] : [])),
    };
    setBusy(true);
    try {
      await inspectorsApi.saveProfile(inspector.userId, input);
      message.success('督学信息已保存');
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer title={`督学信息 · ${inspector.name}`} open onClose={onClose} size={560} destroyOnHidden>
      <Form<ProfileForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          phone: inspector.phone,
          title: inspector.title,
          duties: inspector.duties,
          relatedSchools: inspector.relatedSchools.map((r) => ({ schoolId: r.schoolId, reason: r.reason })),
        }}
      >
        <Typography.Paragraph type="secondary">职务、联系电话和督导职责印在学校的挂牌督导公示牌上。</Typography.Paragraph>
        <Form.Item name="title" label="职务">
          <Input maxLength={100} placeholder="如：区政府督学、退休校长（兼职督学）" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={40} placeholder="公示牌上的联系电话" />
        </Form.Item>
        <Form.Item name="duties" label="督导职责" extra="每行一条；留空则公示牌使用标准职责表述">
          <Input.TextArea rows={5} maxLength={2000} />
        </Form.Item>
        <Typography.Title level={5}>关联学校（评估时回避）</Typography.Title>
        <Typography.Paragraph type="secondary">
          除督学现任职和近年任职的学校外，这里登记的学校（如配偶任职、子女就读）在指派评估组时同样回避。
        </Typography.Paragraph>
        <Form.List name="relatedSchools">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[f.name, 'schoolId']}
                    rules={[{ required: true, message: '请选择学校' }]}
                    style={{ flex: 2, minWidth: 220 }}
                  >
                    <SchoolSelect
                      includeClosed={false}
                      initialLabel={names.get(form.getFieldValue(['relatedSchools', f.name, 'schoolId']) as number)}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reason']} style={{ flex: 1, minWidth: 140 }}>
                    <Input placeholder="回避原因" maxLength={200} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="移除关联学校" onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ schoolId: null, reason: '' })} style={{ marginBottom: 16 }}>
                添加关联学校
              </Button>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={isBusy} block>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}

function IntervalSetting({ canManage }: { canManage: boolean }) {
  const { message } = App.useApp();
  const q = useQuery('inspector-settings', (signal) => inspectorsApi.settings(signal));
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    if (q.data) setDays(q.data.visitIntervalDays);
  }, [q.data]);
  if (!q.data) return null;
  if (!canManage) return <span>督导周期：{q.data.visitIntervalDays} 天</span>;
  const save = async () => {
    try {
      await inspectorsApi.saveSettings({ visitIntervalDays: days ?? q.data!.visitIntervalDays });
      message.success('督导周期已保存，逾期学校按新周期计算');
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space>
      督导周期
      <InputNumber
        aria-label="督导周期（天）"
        min={7}
        max={365}
        value={days}
        onChange={(v) => setDays(v)}
        suffix="天"
        style={{ width: 110 }}
      />
      <Button disabled={days === q.data.visitIntervalDays || days === null} onClick={() => void save()}>
        保存周期
      </Button>
    </Space>
  );
}

export function RosterTab({ canManage }: { canManage: boolean }) {
  const q = useQuery('inspectors', (signal) => inspectorsApi.list(signal));
  const [editing, setEditing] = useState<InspectorSummary | null>(null);
  const [search, setSearch] = useState('');
  const needle = search.trim();
  const shown = (q.data?.items ?? []).filter(
    (i) => !needle || i.name.includes(needle) || i.username.includes(needle) || i.phone.includes(needle),
  );
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label="搜索督学"
          placeholder="姓名、账号或电话"
          style={{ width: 220 }}
          onSearch={setSearch}
          onChange={(e) => !e.target.value && setSearch('')}
        />
        <IntervalSetting canManage={canManage} />
        {q.data && <span>共 {q.data.items.length} 名督学</span>}
      </Flex>
      <Table<InspectorSummary>
        size="small"
        rowKey="userId"
        loading={q.isLoading}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 名` }}
        locale={{ emptyText: '还没有督学。请由系统管理员创建账号、安全管理员授予“督学”角色。' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '账号', dataIndex: 'username' },
          { title: '职务', render: (_, r) => r.title || '—' },
          { title: '联系电话', render: (_, r) => r.phone || <Tag color="orange">未填写</Tag> },
          {
            title: '责任学校',
            render: (_, r) =>
              r.responsibleSchools > 0 ? <Link to={`/inspectors?tab=schools&inspectorId=${r.userId}`}>{r.responsibleSchools} 所</Link> : 0,
          },
          { title: '现任职学校', render: (_, r) => r.currentSchoolName ?? '—' },
          {
            title: '关联学校（回避）',
            render: (_, r) =>
              r.relatedSchools.length === 0
                ? '—'
                : r.relatedSchools.map((s) => (
                    <Tag key={s.schoolId} title={s.reason}>
                      {s.schoolName}
                      {s.reason ? `（${s.reason}）` : ''}
                    </Tag>
                  )),
          },
          ...(canManage
            ? [
                {
                  title: '',
                  render: (_: unknown, r: InspectorSummary) => (
                    <Button size="small" onClick={() => setEditing(r)}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <ProfileDrawer
          inspector={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            q.reload();
          }}
        />
      )}
    </>
  );
}
