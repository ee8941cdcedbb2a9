/** 责任督学: schools per inspector, the visit calendar and the visit records (挂牌督导). */
import type { Visit } from '@zhiping/contracts';
import { Table, Tabs, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isSupervisor } from '../evaluations/supervision-access.ts';
import { CalendarTab } from './calendar-tab.tsx';
import { inspectorsApi } from './inspectors-api.ts';
import { ResponsibilitiesTab } from './responsibilities-tab.tsx';

function VisitsTab() {
  const q = useQuery('visits', (signal) => inspectorsApi.visits({ pageSize: 50 }, signal));
  return (
    <Table<Visit>
      size="small"
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (v) => (
          <>
            {v.summary && <p>小结：{v.summary}</p>}
            {v.items
              .filter((i) => !i.yes)
              .map((i) => (
                <div key={i.code}>
                  <Tag color="red">{i.areaTitle}</Tag>
                  {i.title}：{i.note}
                </div>
              ))}
            {v.followUps.map((f) => (
              <div key={f.rectificationId}>
                跟踪整改 #{f.rectificationId}：{f.note}
              </div>
            ))}
          </>
        ),
      }}
      columns={[
        { title: '日期', render: (_, v) => formatDate(v.visitDate) },
        { title: '学校', dataIndex: 'schoolName' },
        { title: '督学', dataIndex: 'inspectorName' },
        { title: '结论', render: (_, v) => <Tag color={v.problemCount > 0 ? 'orange' : 'green'}>{v.verdictLabel}</Tag> },
        { title: '问题数', dataIndex: 'problemCount' },
        { title: '立整改', render: (_, v) => v.rectificationIds.length },
      ]}
    />
  );
}

export default function InspectorsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  return (
    <>
      <PageHeader title="责任督学" subTitle="每名责任督学负责约5所学校，按周期开展常规督导；问题立为整改事项并在下次督导时跟踪" />
      <Tabs
        activeKey={params.get('tab') ?? 'schools'}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'schools', label: '责任学校', children: <ResponsibilitiesTab canManage={isSupervisor(me)} /> },
          { key: 'calendar', label: '督导日历', children: <CalendarTab /> },
          { key: 'visits', label: '督导记录', children: <VisitsTab /> },
        ]}
      />
    </>
  );
}
