/** Year, stage, street and sponsor filters of district values; street and sponsor only for district users. */
import { SPONSOR } from '@zhiping/domain';
import { Flex, Select } from 'antd';
import { optionsOf, STAGE_OPTIONS } from '../../components/code-labels.ts';
import { schoolYearLabel } from '../../lib/format.ts';
import type { ListParams } from '../../lib/use-list-params.ts';
import { useStreets } from '../schools/use-streets.ts';
import type { IndicatorFilters } from './indicators-api.ts';

/** The filters as the API takes them, read from the URL. */
export function filtersOf(params: ListParams): IndicatorFilters {
  const f = params.filters;
  return {
    year: f.year ? Number(f.year) : undefined,
    stage: f.stage || undefined,
    streetId: f.streetId ? Number(f.streetId) : undefined,
    sponsor: f.sponsor || undefined,
  };
}

export function IndicatorFilterBar(props: { params: ListParams; years: number[]; currentYear?: number; isDistrict: boolean }) {
  const streets = useStreets();
  const { filters, setFilters } = props.params;
  return (
    <Flex wrap gap={8} align="center">
      <Select
        aria-label="学年"
        style={{ width: 160 }}
        value={filters.year ? Number(filters.year) : props.currentYear}
        onChange={(v: number) => setFilters({ year: v })}
        options={props.years.map((y) => ({ value: y, label: schoolYearLabel(y) }))}
      />
      <Select
        aria-label="学段"
        placeholder="全部学段"
        allowClear
        value={filters.stage}
        onChange={(v?: string) => setFilters({ stage: v })}
        options={STAGE_OPTIONS}
        style={{ width: 120 }}
      />
      {props.isDistrict && (
        <>
          <Select
            aria-label="街镇"
            placeholder="全部街镇"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.streetId ? Number(filters.streetId) : undefined}
            onChange={(v?: number) => setFilters({ streetId: v })}
            options={streets.map((s) => ({ value: s.id, label: s.name }))}
            style={{ width: 140 }}
          />
          <Select
            aria-label="公办/民办"
            placeholder="公办和民办"
            allowClear
            value={filters.sponsor}
            onChange={(v?: string) => setFilters({ sponsor: v })}
            options={optionsOf(SPONSOR)}
            style={{ width: 130 }}
          />
        </>
      )}
    </Flex>
  );
}
