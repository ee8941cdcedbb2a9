/** A filter over the district's inspectors (with their number of responsible schools). */
import { Select } from 'antd';
import { useQuery } from '../../lib/use-query.ts';
import { inspectorsApi } from './inspectors-api.ts';

export function InspectorFilter({ value, onChange }: { value: string | undefined; onChange: (id: number | null) => void }) {
  const inspectors = useQuery('inspectors', (signal) => inspectorsApi.list(signal));
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="全部督学"
      aria-label="督学"
      style={{ width: 200 }}
      value={value ? Number(value) : undefined}
      onChange={(v?: number) => onChange(v ?? null)}
      options={(inspectors.data?.items ?? []).map((i) => ({ value: i.userId, label: `${i.name}（${i.responsibleSchools} 所）` }))}
    />
  );
}
