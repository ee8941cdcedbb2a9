/** Per stage of 优质均衡: the seven CVs against their limits, the passing share, and every school's verdict. */
import type { Assessment, IndicatorValue } from '@zhiping/contracts';
import { Alert, Card, Flex, Table } from 'antd';
import { Link } from 'react-router';
import { stageName, thresholdText, valueText } from '../indicators/indicator-format.ts';
import { StatusTag, verdictStatus } from '../indicators/indicator-status.tsx';

type StageBalance = Assessment['stages'][number];
type SchoolRow = StageBalance['schools'][number];

/** The CV table of a stage: value vs limit. */
function CvTable({ stage }: { stage: StageBalance }) {
  return (
    <Table<IndicatorValue>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={[...stage.cvs, stage.passingShare]}
      columns={[
        { title: '指标', dataIndex: 'name' },
        { title: '值', key: 'v', align: 'right', width: 100, render: (_x, v) => valueText(v) },
        { title: '限值', key: 't', width: 100, render: (_x, v) => thresholdText(v.code, v.threshold) },
        { title: '状态', dataIndex: 'status', width: 110, render: (s: IndicatorValue['status']) => <StatusTag status={s} /> },
      ]}
    />
  );
}

/** Every school of the stage with its verdict on the seven resource indicators. */
function SchoolVerdicts({ stage }: { stage: StageBalance }) {
  return (
    <Table<SchoolRow>
      size="small"
      rowKey="schoolId"
      dataSource={stage.schools}
      pagination={stage.schools.length > 10 ? { pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 所` } : false}
      columns={[
        {
          title: '学校',
          dataIndex: 'schoolName',
          render: (n: string, s) => <Link to={`/indicators/schools/${s.schoolId}`}>{n}</Link>,
        },
        {
          title: '判定',
          key: 'verdict',
          width: 110,
          render: (_x, s) => <StatusTag status={verdictStatus(s.verdict.status)} />,
          filters: [
            { text: '达标', value: 'pass' },
            { text: '未达标', value: 'fail' },
          ],
          onFilter: (value, s) => s.verdict.status === value,
          sorter: (a, b) => Number(a.verdict.status === 'pass') - Number(b.verdict.status === 'pass'),
          defaultSortOrder: 'ascend',
        },
        { title: '达标项数', key: 'met', width: 90, align: 'right', render: (_x, s) => `${s.verdict.metCount}/7` },
        { title: '说明', key: 'reason', render: (_x, s) => s.verdict.reason },
      ]}
    />
  );
}

export function StageBalancePanel({ stages }: { stages: StageBalance[] }) {
  if (stages.length === 0) return <Alert type="info" showIcon title="没有参评的义务教育学校（学段部）" />;
  return (
    <Flex vertical gap={16}>
      {stages.map((s) => (
        <Card
          key={s.stage}
          size="small"
          title={
            <Flex gap={8} align="center">
              {stageName(s.stage)}
              <StatusTag status={s.passed ? 'met' : 'not_met'} />
            </Flex>
          }
        >
          {s.excluded.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`未参评 ${s.excluded.length} 所：${s.excluded.map((e) => `${e.schoolName}（${e.reason}）`).join('；')}`}
            />
          )}
          <Flex vertical gap={12}>
            <CvTable stage={s} />
            <SchoolVerdicts stage={s} />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
