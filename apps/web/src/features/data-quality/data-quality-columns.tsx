import type { DataQualityFailure, DataQualitySummary } from '@zhiping/contracts';
import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { SeverityTag, type Severity } from './data-quality-labels.tsx';

/** Columns of the failures list. */
export const FAILURE_COLUMNS: ColumnsType<DataQualityFailure> = [
  { title: '严重程度', dataIndex: 'severity', width: 100, render: (s: Severity) => <SeverityTag severity={s} /> },
  {
    title: '学校',
    dataIndex: 'schoolName',
    render: (n: string | null, f) => (f.schoolId ? <Link to={`/schools/${f.schoolId}`}>{n}</Link> : '全区'),
  },
  { title: '对象', dataIndex: 'entity' },
  { title: '规则', dataIndex: 'ruleName' },
  { title: '问题', dataIndex: 'message' },
  { title: '实际值', dataIndex: 'leftValue', align: 'right', render: formatNumber },
  { title: '比较值', dataIndex: 'rightValue', align: 'right', render: formatNumber },
];

type SchoolCount = DataQualitySummary['bySchool'][number];

/** Columns of the per-school counts; 查看 filters the list to the school. */
export function schoolCountColumns(onPick: (schoolId: number) => void): ColumnsType<SchoolCount> {
  return [
    { title: '学校', dataIndex: 'schoolName', width: 200, render: (n: string | null) => n ?? '全区' },
    { title: '错误', dataIndex: 'error', align: 'right', width: 70 },
    { title: '警告', dataIndex: 'warning', align: 'right', width: 70 },
    { title: '提示', dataIndex: 'info', align: 'right', width: 70 },
    {
      title: '',
      key: 'pick',
      width: 70,
      render: (_x, s) =>
        s.schoolId !== null && (
          <Button type="link" size="small" onClick={() => onPick(s.schoolId!)}>
            查看
          </Button>
        ),
    },
  ];
}
