/** One session: enrolment, attendance and completion of the teachers (a school administrator acts on their own teachers). */
import type { BatchResult, TrainingEnrolment } from '@zhiping/contracts';
import { App, Button, Card, DatePicker, Descriptions, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { TeacherPicker } from './teacher-picker.tsx';
import { trainingApi } from './training-api.ts';
import { ENROLMENT_LABELS, LEVEL_LABELS, options } from './training-labels.ts';

const STATUS_COLOR: Record<string, string> = { enrolled: 'default', attended: 'blue', absent: 'red', completed: 'green' };

export default function SessionDetailPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const lp = useListParams(50);
  const session = useQuery(`training-session:${id}`, (signal) => trainingApi.session(id, signal));
  const list = useQuery(`training-enrolments:${id}:${lp.key}`, (signal) =>
    trainingApi.enrolments(id, { page: lp.page, pageSize: lp.pageSize, status: lp.filters.status }, signal),
  );
  const [selected, setSelected] = useState<number[]>([]);
  const [isEnrolOpen, setEnrolOpen] = useState(false);
  const [toEnrol, setToEnrol] = useState<number[]>([]);
  const [completedOn, setCompletedOn] = useState<Dayjs | null>(null);
  const [isBusy, setBusy] = useState(false);
  const s = session.data;

  const run = async (action: () => Promise<BatchResult>, done: string) => {
    setBusy(true);
    try {
      const r = await action();
      message.success(`${done} ${r.changed} 人${r.messages.length ? `；${r.messages.join('；')}` : ''}`);
      setSelected([]);
      session.reload();
      list.reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={s ? `${s.course.title} · ${s.name}` : '培训期次'}
        subTitle={s && <Link to={`/training/courses/${s.courseId}`}>返回培训项目</Link>}
        extra={
          s?.canManage && !s.isClosed ? (
            <Button type="primary" onClick={() => setEnrolOpen(true)}>
              报名教师
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={session.error} onRetry={session.reload} />
      {s && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label="日期">{`${s.startsOn} 至 ${s.endsOn}`}</Descriptions.Item>
            <Descriptions.Item label="级别">{LEVEL_LABELS[s.course.level]}</Descriptions.Item>
            <Descriptions.Item label="学时">{s.course.hours}</Descriptions.Item>
            <Descriptions.Item label="名额">{`${s.enrolled} / ${s.capacity}`}</Descriptions.Item>
            <Descriptions.Item label="出勤">{s.attended}</Descriptions.Item>
            <Descriptions.Item label="缺勤">{s.absent}</Descriptions.Item>
            <Descriptions.Item label="结业">{s.completed}</Descriptions.Item>
            <Descriptions.Item label="地点">{s.location || '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder="全部状态"
          value={lp.filters.status}
          onChange={(v) => lp.setFilters({ status: v })}
          options={options(ENROLMENT_LABELS)}
          aria-label="报名状态"
        />
        {s?.canManage && (
          <>
            <Button
              disabled={!selected.length}
              loading={isBusy}
              onClick={() => void run(() => trainingApi.attendance(id, { teacherIds: selected, status: 'attended' }), '已登记出勤')}
            >
              登记出勤
            </Button>
            <Button
              disabled={!selected.length}
              loading={isBusy}
              onClick={() => void run(() => trainingApi.attendance(id, { teacherIds: selected, status: 'absent' }), '已登记缺勤')}
            >
              登记缺勤
            </Button>
            <DatePicker placeholder={`结业日期（默认 ${s.endsOn}）`} value={completedOn} onChange={setCompletedOn} style={{ width: 200 }} />
            <Button
              type="primary"
              disabled={!selected.length}
              loading={isBusy}
              onClick={() =>
                void run(
                  () =>
                    trainingApi.complete(id, {
                      teacherIds: selected,
                      ...(completedOn ? { completedOn: completedOn.format('YYYY-MM-DD') } : {}),
                    }),
                  `已结业并记 ${s.course.hours} 学时：`,
                )
              }
            >
              结业并记学时
            </Button>
          </>
        )}
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<TrainingEnrolment>
        rowKey="teacherId"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        rowSelection={s?.canManage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        locale={{
          emptyText: s?.canManage ? '尚无报名。点击右上角“报名教师”。往年期次的学时由完成名单导入，无报名记录。' : '暂无报名记录。',
        }}
        pagination={{
          current: lp.page,
          pageSize: lp.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 人`,
          onChange: lp.setPage,
        }}
        columns={[
          { title: '姓名', dataIndex: 'teacherName' },
          { title: '身份证号', dataIndex: 'idNumberMasked' },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '状态', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{ENROLMENT_LABELS[r.status]}</Tag> },
          { title: '已记学时', render: (_, r) => r.creditedHours ?? '' },
        ]}
      />
      <Modal
        title="报名教师"
        open={isEnrolOpen}
        onCancel={() => setEnrolOpen(false)}
        okText="报名"
        confirmLoading={isBusy}
        okButtonProps={{ disabled: !toEnrol.length }}
        onOk={() =>
          void run(() => trainingApi.enrol(id, { teacherIds: toEnrol }), '已报名').then((ok) => {
            if (ok) {
              setEnrolOpen(false);
              setToEnrol([]);
            }
          })
        }
        destroyOnHidden
      >
        <TeacherPicker value={toEnrol} onChange={setToEnrol} />
      </Modal>
    </>
  );
}
