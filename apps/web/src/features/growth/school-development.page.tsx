/** /teacher-development/schools/:id: a school's teacher-development page (school administrators reach their own via /my-teacher-development). */
import { Card, Col, Descriptions, Result, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { Link, Navigate, useParams } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { SchoolTrainingCard } from '../training/training-cards.tsx';
import { growthSchoolId } from './growth-access.ts';
import { growthApi } from './growth-api.ts';

/** /my-teacher-development: a school administrator's own school page. */
export function OwnSchoolDevelopmentRedirect() {
  const schoolId = growthSchoolId(useMe());
  if (schoolId === null)
    return <Result status="info" title="您的账号不属于某一所学校" subTitle="区级用户请从“教师发展看板”查看各校情况。" />;
  return <Navigate to={`/teacher-development/schools/${schoolId}`} replace />;
}

export default function SchoolDevelopmentPage() {
  const id = Number(useParams().id);
  const q = useQuery(`growth-school:${id}`, (signal) => growthApi.school(id, signal));
  if (q.error && !q.data) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const s = q.data;
  return (
    <>
      <PageHeader
        title={`${s.school.name} · 教师发展`}
        subTitle="本校教师的培训、工作室、专家帮扶、评选和年度考核"
        extra={<Link to={`/teachers?schoolId=${s.school.id}`}>本校教师名单</Link>}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="城乡分类">
          {s.school.urbanRuralLabel} {s.school.isRural && <Tag color="green">农村学校</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="专任教师">{s.teachers} 人</Descriptions.Item>
        <Descriptions.Item label="持有效骨干等认定">{s.backbone} 人</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <SchoolTrainingCard schoolId={s.school.id} />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="专业知识和能力考核">
            {!s.test.visible ? (
              <Typography.Text type="secondary">考核结果仅教师本人、所在学校和区教师科可以查看。</Typography.Text>
            ) : s.test.year === null ? (
              <Typography.Text type="secondary">尚无考核成绩。成绩由区教师科在每年考核后导入。</Typography.Text>
            ) : (
              <>
                <Row gutter={12}>
                  <Col span={6}>
                    <Statistic title={`${s.test.year} 年参考`} value={s.test.tested} suffix="人" />
                  </Col>
                  <Col span={6}>
                    <Statistic title="本校平均" value={s.test.mean ?? '—'} />
                  </Col>
                  <Col span={6}>
                    <Statistic title="全区平均" value={s.test.districtMean ?? '—'} />
                  </Col>
                  <Col span={6}>
                    <Statistic
                      title="较上年（同一批教师）"
                      value={s.test.change ?? '—'}
                      valueStyle={{ color: (s.test.change ?? 0) >= 0 ? '#389e0d' : '#cf1322' }}
                    />
                  </Col>
                </Row>
                <BarChart
                  ariaLabel="各分项得分率（最低的排在前）"
                  height={200}
                  isHorizontal
                  categories={s.test.areas.filter((a) => a.percent !== null).map((a) => a.area)}
                  series={[{ name: '得分率（%）', values: s.test.areas.filter((a) => a.percent !== null).map((a) => a.percent!) }]}
                />
                <Link to={`/growth/tests?schoolId=${s.school.id}`}>查看本校考核分析</Link>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="名师工作室">
            <Row gutter={12}>
              <Col span={8}>
                <Statistic title="本校主持" value={s.studios.hosted} suffix="个" />
              </Col>
              <Col span={8}>
                <Statistic title="本校教师任成员" value={s.studios.memberships} suffix="人次" />
              </Col>
              <Col span={8}>
                <Statistic title="本校帮扶专家" value={s.experts} suffix="人" />
              </Col>
            </Row>
            {s.studios.names.length > 0 && (
              <div style={{ marginTop: 8 }}>
                {s.studios.names.map((n) => (
                  <Tag key={n}>{n}</Tag>
                ))}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="示范课与教学能手">
            {s.selections.length === 0 ? (
              <Typography.Text type="secondary">
                本校尚无申报。评选开放期间，学校管理员可在“示范课与教学能手”中推荐本校教师。
              </Typography.Text>
            ) : (
              <Table
                size="small"
                rowKey={(r) => `${r.year}${r.kindLabel}`}
                pagination={false}
                dataSource={s.selections}
                columns={[
                  { title: '年度', dataIndex: 'year' },
                  { title: '类别', dataIndex: 'kindLabel' },
                  { title: '申报', dataIndex: 'applied', align: 'right' },
                  { title: '入选', dataIndex: 'selected', align: 'right' },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title="结对帮扶本校的专家团队">
            {s.helpingTeams.length === 0 ? (
              <Typography.Text type="secondary">本校没有结对的专家团队。</Typography.Text>
            ) : (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={s.helpingTeams}
                columns={[
                  { title: '团队', render: (_, t) => <Link to={`/growth/teams/${t.id}`}>{t.name}</Link> },
                  { title: '负责人', render: (_, t) => `${t.lead.name}（${t.lead.schoolName ?? '—'}）` },
                  { title: '结对原因', dataIndex: 'pairingReasonLabel' },
                  { title: '结对开始', render: (_, t) => formatDate(t.startedOn) },
                  { title: '帮扶次数', dataIndex: 'visits', align: 'right' },
                  { title: '最近帮扶', render: (_, t) => formatDate(t.lastVisitOn) },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
