/** 人口: population by single year of age, with year / 口径 / region filters, a bar chart and export. */
import { POPULATION_BASIS } from '@zhiping/domain';
import { Card, Flex, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { BarChart } from '../../components/bar-chart.tsx';
import { labelOf, optionsOf } from '../../components/code-labels.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DownloadButton } from '../../components/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatCount } from '../../lib/format.ts';
import { can } from '../../lib/permissions.ts';
import { useQuery } from '../../lib/use-query.ts';
import { useMe } from '../auth/auth-context.tsx';
import { fetchPopulation } from './population-api.ts';
import { pivotByAge, regionsOf, type AgeRow } from './population-pivot.ts';

const BASES = ['registered', 'resident'] as const;

export default function PopulationPage() {
  const me = useMe();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [basis, setBasis] = useState<string | undefined>(undefined);
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const population = useQuery(`population:${year ?? ''}:${basis ?? ''}`, (signal) => fetchPopulation({ year, basis }, signal));
  const items = useMemo(() => population.data?.items ?? [], [population.data]);
  const years = population.data?.years ?? [];
  // Without a chosen year, show the latest one (the answer may hold several years).
  const shownYear = year ?? (years.length > 0 ? Math.max(...years) : items[0]?.year);
  const yearItems = useMemo(() => items.filter((r) => r.year === shownYear), [items, shownYear]);
  const regions = useMemo(() => regionsOf(yearItems), [yearItems]);
  const rows = useMemo(() => pivotByAge(yearItems.filter((r) => !regionCode || r.regionCode === regionCode)), [yearItems, regionCode]);
  const shownBases = useMemo(() => BASES.filter((b) => (basis ? b === basis : rows.some((r) => r[b] !== null))), [basis, rows]);
  const chart = useMemo(
    () => ({
      categories: rows.map((r) => `${r.age}岁`),
      series: shownBases.map((b) => ({ name: labelOf(POPULATION_BASIS, b), values: rows.map((r) => r[b] ?? 0) })),
    }),
    [rows, shownBases],
  );
  const columns = [
    { title: '年龄', dataIndex: 'age', render: (a: number) => `${a}岁` },
    ...shownBases.map((b) => ({
      title: `${labelOf(POPULATION_BASIS, b)}人口`,
      dataIndex: b,
      align: 'right' as const,
      render: formatCount,
    })),
  ];

  return (
    <>
      <PageHeader
        title="人口"
        subTitle="分年龄人口，用于学位需求测算"
        extra={can(me, 'exports:run') && <DownloadButton path="/exports/population" fileName="人口.xlsx" query={{ year: shownYear }} />}
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Select
            aria-label="年份"
            placeholder="年份"
            value={shownYear}
            onChange={setYear}
            style={{ width: 140 }}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
          />
          <Select
            aria-label="口径"
            placeholder="口径（全部）"
            allowClear
            value={basis}
            onChange={setBasis}
            options={optionsOf(POPULATION_BASIS)}
            style={{ width: 140 }}
          />
          {regions.length > 1 && (
            <Select
              aria-label="地区"
              placeholder="地区（全部）"
              allowClear
              value={regionCode}
              onChange={setRegionCode}
              style={{ width: 160 }}
              options={regions.map((r) => ({ value: r.code, label: r.name }))}
            />
          )}
        </Flex>
        <ErrorAlert error={population.error} onRetry={population.reload} />
        {rows.length > 0 && <BarChart {...chart} height={320} ariaLabel="分年龄人口柱状图" />}
        <Table<AgeRow>
          size="small"
          rowKey="age"
          columns={columns}
          dataSource={rows}
          loading={population.isLoading}
          pagination={false}
          scroll={{ x: 'max-content', y: 480 }}
          style={{ marginTop: 16 }}
          locale={{
            emptyText: population.isLoading ? (
              ' '
            ) : (
              <EmptyState description="还没有人口数据。请在“数据导入”中选择“人口”，下载模板填写后上传。" />
            ),
          }}
        />
      </Card>
    </>
  );
}
