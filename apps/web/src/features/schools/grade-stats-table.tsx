/** Per-grade statistics of one school year, ordered as GRADES, with a 合计 row. */
import type { GradeStat } from '@zhiping/contracts';
import { findGrade, GRADES } from '@zhiping/domain';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EmptyState } from '../../components/empty-state.tsx';
import { formatCount } from '../../lib/format.ts';

type NumericKey = Exclude<keyof GradeStat, 'grade' | 'gradeLabel'>;

const NUMERIC: { key: NumericKey; title: string }[] = [
  { key: 'classes', title: '班数' },
  { key: 'students', title: '在校生' },
  { key: 'girls', title: '其中女生' },
  { key: 'newEntrants', title: '招生' },
  { key: 'graduates', title: '毕业生' },
  { key: 'transfersIn', title: '转入' },
  { key: 'transfersOut', title: '转出' },
  { key: 'migrantChildren', title: '随迁子女' },
  { key: 'disabledStudents', title: '残疾学生' },
];

const COLUMNS: ColumnsType<GradeStat> = [
  { title: '年级', dataIndex: 'grade', render: (code: string, g) => findGrade(code)?.label ?? g.gradeLabel, fixed: 'left', width: 110 },
  ...NUMERIC.map(({ key, title }) => ({ title, dataIndex: key, align: 'right' as const, render: formatCount })),
];

const order = (code: string) => GRADES.findIndex((g) => g.code === code);

export function GradeStatsTable({ grades }: { grades: GradeStat[] }) {
  const sorted = [...grades].sort((a, b) => order(a.grade) - order(b.grade));
  return (
    <Table<GradeStat>
      size="small"
      rowKey="grade"
      columns={COLUMNS}
      dataSource={sorted}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState description="本学年没有分年级学生数据，可在“数据导入”中导入“学年学生”" /> }}
      summary={(rows) =>
        rows.length > 0 && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            {NUMERIC.map(({ key }, i) => (
              <Table.Summary.Cell key={key} index={i + 1} align="right">
                <Typography.Text strong>{formatCount(rows.reduce((n, r) => n + r[key], 0))}</Typography.Text>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )
      }
    />
  );
}
