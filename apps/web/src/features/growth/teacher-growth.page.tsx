/** A teacher's growth page: /my-growth (the teacher themself) and /teachers/:id/growth (district and school users). */
import { Col, Descriptions, Row, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { TeacherAwardsCard } from '../awards/award-cards.tsx';
import { TeacherTrainingCard } from '../training/training-cards.tsx';
import { growthApi } from './growth-api.ts';
import { ExpertTeamCard, RecognitionCard, SelectionCard, StudioMembershipCard, TestResultCard } from './teacher-growth-cards.tsx';

export default function TeacherGrowthPage() {
  const param = useParams().id;
  const id = param === undefined ? null : Number(param);
  const q = useQuery(`growth-teacher:${id ?? 'me'}`, (signal) => (id === null ? growthApi.me(signal) : growthApi.teacher(id, signal)));
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const g = q.data;
  const t = g.teacher;
  return (
    <>
      <PageHeader
        title={id === null ? '我的成长' : `${t.name} · 成长档案`}
        subTitle="培训学时、研修、工作室、考核与获奖，均来自区里已有的记录，无需教师另行填报"
        extra={id !== null ? <Link to={`/teachers/${t.id}`}>查看教师档案</Link> : undefined}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="姓名">{t.name}</Descriptions.Item>
        <Descriptions.Item label="学校">{t.schoolName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="学科">{t.subject ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="职称">{t.title}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <TeacherTrainingCard teacherId={t.id} />
        </Col>
        <Col xs={24} xl={12}>
          <TestResultCard g={g} />
        </Col>
        <Col xs={24} xl={12}>
          <StudioMembershipCard g={g} />
        </Col>
        <Col xs={24} xl={12}>
          <SelectionCard g={g} />
        </Col>
        <Col xs={24} xl={12}>
          <TeacherAwardsCard teacherId={t.id} />
        </Col>
        <Col xs={24} xl={12}>
          <RecognitionCard g={g} />
        </Col>
        {g.expertTeams.length > 0 && (
          <Col xs={24} xl={12}>
            <ExpertTeamCard g={g} />
          </Col>
        )}
      </Row>
    </>
  );
}
