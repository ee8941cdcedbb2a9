/** /teachers/:id — fields, masked ID with audited reveal, 骨干认定, 任职/调动 history and the forms. */
import { ArrowLeftOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Spin } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api-error.ts';
import { can, canAtDistrict } from '../../lib/permissions.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { RecognitionModal } from './recognition-modal.tsx';
import { AssignmentsTable, RecognitionsTable } from './teacher-history-tables.tsx';
import { TeacherInfo } from './teacher-info.tsx';
import { fetchTeacher } from './teachers-api.ts';
import { TransferModal } from './transfer-modal.tsx';

export default function TeacherDetailPage() {
  const me = useMe();
  const id = Number(useParams().id);
  const isValidId = Number.isInteger(id) && id > 0;
  const teacher = useQuery(isValidId ? `teacher:${id}` : null, (signal) => fetchTeacher(id, signal));
  const [dialog, setDialog] = useState<'transfer' | 'recognition' | null>(null);

  if (!isValidId || (teacher.error instanceof ApiError && teacher.error.code === 'NOT_FOUND')) {
    return (
      <Result status="404" title="教师不存在" subTitle="该教师不存在或您无权查看。" extra={<Link to="/teachers">返回教师列表</Link>} />
    );
  }
  const t = teacher.data;
  const canWrite = can(me, 'teachers:write');
  const onSaved = () => {
    setDialog(null);
    teacher.reload();
  };

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            <Link to="/teachers" aria-label="返回教师列表">
              <ArrowLeftOutlined />
            </Link>
            {t?.name ?? '教师'}
            {t && <Link to={`/teachers/${t.id}/growth`}>成长档案</Link>}
          </Flex>
        }
        extra={
          t &&
          canAtDistrict(me, 'teachers:write') && (
            <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')}>
              记录调动
            </Button>
          )
        }
      />
      <ErrorAlert error={teacher.error} onRetry={teacher.reload} />
      {!t && teacher.isLoading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {t && (
        <Flex vertical gap={16}>
          <Card title="基本信息">
            <TeacherInfo teacher={t} canUnmask={can(me, 'teachers:unmask')} />
          </Card>
          <Card
            title="骨干认定"
            extra={
              canWrite && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('recognition')}>
                  新增认定
                </Button>
              )
            }
          >
            <RecognitionsTable recognitions={t.recognitions} />
          </Card>
          <Card title="任职 / 调动记录">
            <AssignmentsTable assignments={t.assignments} />
          </Card>
          <TransferModal teacher={t} open={dialog === 'transfer'} onClose={() => setDialog(null)} onSaved={onSaved} />
          <RecognitionModal teacher={t} open={dialog === 'recognition'} onClose={() => setDialog(null)} onSaved={onSaved} />
        </Flex>
      )}
    </>
  );
}
