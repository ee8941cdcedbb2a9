/** 督导记录: the visible visit records, paged and filtered on the server (school, inspector, period), exportable to xlsx. */
import type { Visit } from '@zhiping/contracts';
import { DatePicker, Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import { PagedTable } from '../../components/paged-table.tsx';
import { SchoolSelect } from '../../components/school-select.tsx';
import { formatDate } from '../../lib/format.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useQuery } from '../../lib/use-query.ts';
import { inspectorsApi } from './inspectors-api.ts';
import { ExportXlsxButton } from './export-xlsx-button.tsx';
import { InspectorFilter } from './inspector-filter.tsx';

export function VisitsTab() {
  const lp = useListParams();
  const filters = {
    schoolId: lp.filters.schoolId,
    inspectorId: lp.filters.inspectorId,
    from: lp.filters.from,
    to: lp.filters.to,
  };
  const q = useQuery(`visits:${lp.key}`, (signal) => inspectorsApi.visits({ page: lp.page, pageSize: lp.pageSize, ...filters }, signal));
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <SchoolSelect
          value={filters.schoolId ? Number(filters.schoolId) : null}
          onChange={(v) => lp.setFilters({ schoolId: v })}
          placeholder="全部学校"
          style={{ width: 240 }}
        />
        <InspectorFilter value={filters.inspectorId} onChange={(v) => lp.setFilters({ inspectorId: v })} />
        <DatePicker.RangePicker
          aria-label="督导日期"
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(r) => lp.setFilters({ from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })}
        />
        <ExportXlsxButton
          fileName="督导记录.xlsx"
          sheetName="督导记录"
          fetchPage={(page, pageSize) => inspectorsApi.visits({ page, pageSize, ...filters })}
          columns={[
            { title: '督导日期', value: (v: Visit) => v.visitDate },
            { title: '学校', value: (v: Visit) => v.schoolName },
            { title: '责任督学', value: (v: Visit) => v.inspectorName },
            { title: '结论', value: (v: Visit) => v.verdictLabel },
            { title: '问题数', value: (v: Visit) => v.problemCount },
            { title: '立整改', value: (v: Visit) => v.rectificationIds.length },
            {
              title: '存在问题',
              value: (v: Visit) =>
                v.items
                  .filter((i) => !i.yes)
                  .map((i) => `${i.title}${i.note ? `：${i.note}` : ''}`)
                  .join('；'),
            },
            { title: '小结', value: (v: Visit) => v.summary },
          ]}
        />
      </Flex>
      <PagedTable<Visit>
        data={q.data}
        isLoading={q.isLoading}
        error={q.error}
        onRetry={q.reload}
        page={lp.page}
        pageSize={lp.pageSize}
        onPageChange={lp.setPage}
        rowKey="id"
        empty="没有符合条件的督导记录。在“责任学校”中点击“记录督导”录入一次常规督导。"
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
    </>
  );
}
