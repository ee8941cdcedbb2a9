/** /assessments/:kind — the 优质均衡 or 学前普及普惠 self-assessment of a school year, with entries and exports. */
import type { AssessmentItem, AssessmentKind } from '@zhiping/contracts';
import { Card, Select, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { schoolYearLabel } from '../../lib/format.ts';
import { canAtDistrict } from '../../lib/permissions.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { isNoStatistics, NoStatisticsState } from '../indicators/no-statistics.tsx';
import { fetchDistrict } from '../overview/overview-api.ts';
import { AssessmentItemsTable } from './assessment-items-table.tsx';
import { AssessmentSummary } from './assessment-summary.tsx';
import { ASSESSMENT_TITLES, fetchAssessment } from './assessments-api.ts';
import { ManualItemModal } from './manual-item-modal.tsx';
import { StageBalancePanel } from './stage-balance.tsx';
import { SurveyCard } from './survey-card.tsx';
import { WhatIfPanel } from './what-if-panel.tsx';

export default function AssessmentPage() {
  const kind: AssessmentKind = useParams().kind === 'preschool' ? 'preschool' : 'balanced';
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const year = search.get('year') ? Number(search.get('year')) : undefined;
  const [deciding, setDeciding] = useState<AssessmentItem | null>(null);
  const district = useQuery('district', fetchDistrict);
  const q = useQuery(`assessment:${kind}:${year ?? ''}`, (signal) => fetchAssessment(kind, year, signal));
  const canEdit = canAtDistrict(me, 'base:write');
  const title = `${ASSESSMENT_TITLES[kind]}督导评估`;
  if (isNoStatistics(q.error)) return <NoStatisticsState title={title} />;
  const d = q.data;
  const file = d ? `${ASSESSMENT_TITLES[kind]}自评-${d.year}学年` : '';

  const tabs = d
    ? [
        {
          key: 'items',
          label: `评估条目（${d.items.length}）`,
          children: (
            <AssessmentItemsTable kind={kind} year={d.year} items={d.items} canEdit={canEdit} onDecide={setDeciding} onChanged={q.reload} />
          ),
        },
        ...(kind === 'balanced'
          ? [
              { key: 'stages', label: '差异系数与各校判定', children: <StageBalancePanel stages={d.stages} /> },
              { key: 'what-if', label: '达标模拟', children: <WhatIfPanel year={d.year} /> },
            ]
          : []),
        {
          key: 'survey',
          label: '社会认可度',
          children: <SurveyCard kind={kind} year={d.year} survey={d.survey} canEdit={canEdit} onSaved={q.reload} />,
        },
      ]
    : [];

  return (
    <>
      <PageHeader
        title={title}
        subTitle={d ? `${d.title} · ${schoolYearLabel(d.year)} · 统计日期 ${d.asOf}` : undefined}
        extra={
          d && (
            <>
              <Select
                aria-label="学年"
                style={{ width: 160 }}
                value={d.year}
                onChange={(y: number) => setSearch({ year: String(y) }, { replace: true })}
                options={(district.data?.years ?? [d.year]).map((y) => ({ value: y, label: schoolYearLabel(y) }))}
              />
              <DownloadButton path={`/assessments/${kind}/${d.year}/export.xlsx`} fileName={`${file}.xlsx`} label="导出评估表（Excel）" />
              <DownloadButton path={`/assessments/${kind}/${d.year}/export.docx`} fileName={`${file}.docx`} label="导出报告（Word）" />
            </>
          )
        }
      />
      <ErrorAlert error={q.error} onRetry={q.reload} />
      {!d && q.isLoading && <Spin style={{ display: 'block', margin: '60px auto' }} />}
      {d && (
        <Spin spinning={q.isLoading}>
          <AssessmentSummary data={d} />
          <Card size="small" style={{ marginTop: 16 }}>
            <Tabs items={tabs} />
          </Card>
          <ManualItemModal
            kind={kind}
            year={d.year}
            item={deciding}
            onClose={() => setDeciding(null)}
            onSaved={() => {
              setDeciding(null);
              q.reload();
            }}
          />
        </Spin>
      )}
    </>
  );
}
