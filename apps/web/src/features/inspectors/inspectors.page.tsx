/** 责任督学: schools per inspector, the visit calendar and the visit records (挂牌督导). */
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useMe } from '../auth/auth-context.tsx';
import { isInspector, isSupervisionDistrict, isSupervisor } from '../evaluations/supervision-access.ts';
import { CalendarTab } from './calendar-tab.tsx';
import { ResponsibilitiesTab } from './responsibilities-tab.tsx';
import { RosterTab } from './roster-tab.tsx';
import { VisitsTab } from './visits-tab.tsx';

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
          ...(isSupervisionDistrict(me) || isInspector(me)
            ? [{ key: 'roster', label: '督学名册', children: <RosterTab canManage={isSupervisor(me)} /> }]
            : []),
        ]}
      />
    </>
  );
}
