/** Cards of a teacher's growth page: studios, expert teams, selections, test results and recognitions. */
import type { TeacherGrowth } from '@zhiping/contracts';
import { TEST_AREAS } from '@zhiping/domain';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { BarChart } from '../../components/bar-chart.tsx';
import { formatDate } from '../../lib/format.ts';

export function StudioMembershipCard({ g }: { g: TeacherGrowth }) {
  return (
    <Card title="名师工作室" size="small">
      {g.studios.length === 0 ? (
        <Empty description="尚未加入名师工作室。工作室由区教师科设立，成员由主持人推荐、教师科确认。" />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={g.studios}
          columns={[
            { title: '工作室', render: (_, s) => <Link to={`/growth/studios/${s.id}`}>{s.name}</Link> },
            { title: '类型', dataIndex: 'kindLabel' },
            {
              title: '身份',
              render: (_, s) => (s.isHost ? <Tag color="gold">主持人</Tag> : s.leftOn ? <Tag>已退出</Tag> : <Tag color="blue">成员</Tag>),
            },
            { title: '加入', render: (_, s) => formatDate(s.joinedOn) },
            { title: '参加活动', dataIndex: 'activitiesAttended', align: 'right' },
            { title: '成果', dataIndex: 'outputs', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}

export function ExpertTeamCard({ g }: { g: TeacherGrowth }) {
  if (g.expertTeams.length === 0) return null;
  return (
    <Card title="专家团队帮扶" size="small">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={g.expertTeams}
        columns={[
          { title: '团队', render: (_, t) => <Link to={`/growth/teams/${t.id}`}>{t.name}</Link> },
          { title: '结对学校', dataIndex: 'pairedSchoolName' },
          { title: '身份', render: (_, t) => (t.isLead ? <Tag color="gold">负责人</Tag> : <Tag>成员</Tag>) },
          { title: '帮扶次数', dataIndex: 'visits', align: 'right' },
        ]}
      />
    </Card>
  );
}

export function SelectionCard({ g }: { g: TeacherGrowth }) {
  return (
    <Card title="示范课与教学能手" size="small">
      {g.selections.length === 0 ? (
        <Empty description="没有申报记录。评选开放期间，可在“示范课与教学能手”中本人申报，或由学校推荐。" />
      ) : (
        <Table
          size="small"
          rowKey="roundId"
          pagination={false}
          dataSource={g.selections}
          columns={[
            { title: '年度', dataIndex: 'year' },
            { title: '类别', dataIndex: 'kindLabel' },
            { title: '课题', render: (_, s) => s.title || '—' },
            {
              title: '结果',
              render: (_, s) =>
                s.roundState !== 'published' ? <Tag>评选中</Tag> : s.isSelected ? <Tag color="green">入选</Tag> : <Tag>未入选</Tag>,
            },
            { title: '综合得分', render: (_, s) => s.finalScore ?? '—', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}

export function TestResultCard({ g }: { g: TeacherGrowth }) {
  if (!g.testsVisible) {
    return (
      <Card title="专业知识和能力考核" size="small">
        <Typography.Text type="secondary">考核结果仅教师本人、所在学校和区教师科可以查看。</Typography.Text>
      </Card>
    );
  }
  const latest = g.tests.at(-1);
  return (
    <Card title="专业知识和能力考核" size="small">
      {g.tests.length === 0 ? (
        <Empty description="尚无考核成绩。成绩由区教师科在每年考核后导入。" />
      ) : (
        <>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={g.tests}
            columns={[
              { title: '年度', dataIndex: 'year' },
              { title: '学科', dataIndex: 'subject' },
              { title: '总分', dataIndex: 'total', align: 'right' },
              { title: '本校平均', render: (_, x) => x.schoolMean ?? '—', align: 'right' },
              {
                title: '较上次',
                align: 'right',
                render: (_, x) =>
                  x.change === null ? (
                    '—'
                  ) : (
                    <span style={{ color: x.change >= 0 ? '#389e0d' : '#cf1322' }}>{x.change > 0 ? `+${x.change}` : x.change}</span>
                  ),
              },
            ]}
          />
          {latest && (
            <BarChart
              ariaLabel="最近一次考核各分项得分率"
              height={220}
              isHorizontal
              categories={TEST_AREAS.filter((a) => latest.parts[a.key] !== undefined).map((a) => a.key)}
              series={[
                {
                  name: `${latest.year} 年得分率（%）`,
                  values: TEST_AREAS.filter((a) => latest.parts[a.key] !== undefined).map(
                    (a) => Math.round((latest.parts[a.key]! / a.max) * 1000) / 10,
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}

export function RecognitionCard({ g }: { g: TeacherGrowth }) {
  return (
    <Card title="骨干教师等认定" size="small">
      {g.recognitions.length === 0 ? (
        <Empty description="没有骨干教师等认定记录（由区教师科在教师档案中登记）。" />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={g.recognitions}
          columns={[
            { title: '级别', dataIndex: 'level' },
            { title: '学科', render: (_, r) => r.subject ?? '—' },
            { title: '认定单位', dataIndex: 'issuer' },
            { title: '认定日期', render: (_, r) => formatDate(r.issuedOn) },
            { title: '有效期至', render: (_, r) => (r.validUntil ? formatDate(r.validUntil) : '长期') },
          ]}
        />
      )}
    </Card>
  );
}
