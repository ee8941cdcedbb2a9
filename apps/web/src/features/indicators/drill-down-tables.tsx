/** The records behind a school's numerator and denominator: grade rows, the conditions row and the teacher list. */
import type { IndicatorDrillDown } from '@zhiping/contracts';
import { BACKBONE_LEVEL, CERTIFICATE, EDUCATION, IMPORT_TEMPLATES, POST, TEACHING_STAGE } from '@zhiping/domain';
import { Descriptions, Segmented, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { labelOf } from '../../components/code-labels.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { formatNumber } from '../../lib/format.ts';
import { stageName } from './indicator-format.ts';

type Grade = IndicatorDrillDown['grades'][number];
type Teacher = IndicatorDrillDown['teachers'][number];

const GRADE_COLUMNS: ColumnsType<Grade> = [
  { title: '学段', dataIndex: 'stage', render: stageName, width: 80 },
  { title: '年级', dataIndex: 'gradeLabel', width: 90 },
  { title: '班数', dataIndex: 'classes', align: 'right' },
  { title: '在校生', dataIndex: 'students', align: 'right' },
  { title: '女生', dataIndex: 'girls', align: 'right' },
  { title: '招生', dataIndex: 'newEntrants', align: 'right' },
  { title: '毕业生', dataIndex: 'graduates', align: 'right' },
  { title: '转入', dataIndex: 'transfersIn', align: 'right' },
  { title: '转出', dataIndex: 'transfersOut', align: 'right' },
];

/** Grade rows of the year; rows of the indicator's stage are marked. */
export function GradeRowsTable({ grades, stage }: { grades: Grade[]; stage: string | null }) {
  return (
    <Table<Grade>
      size="small"
      rowKey="grade"
      columns={GRADE_COLUMNS}
      dataSource={grades}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(g) => ({ style: stage && g.stage !== stage ? { opacity: 0.5 } : undefined })}
      locale={{ emptyText: <EmptyState description="本学年没有年级统计，请导入“学年学生”" /> }}
    />
  );
}

const CONDITION_LABELS = new Map(IMPORT_TEMPLATES.conditions.columns.map((c) => [String(c.key), c.header]));

/** Label of a conditions column sent in snake_case ('teaching_area' → 教学及辅助用房面积). */
export function conditionLabel(key: string): string {
  const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return CONDITION_LABELS.get(camel) ?? key;
}

/** The 办学条件 row of the year. */
export function ConditionRow({ condition }: { condition: IndicatorDrillDown['condition'] }) {
  if (!condition) return <EmptyState description="本学年没有办学条件数据，请导入“办学条件”" />;
  const items = Object.entries(condition).map(([k, v]) => ({ key: k, label: conditionLabel(k), children: formatNumber(v) }));
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}

const TEACHER_COLUMNS: ColumnsType<Teacher> = [
  { title: '姓名', dataIndex: 'name', width: 90 },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 170 },
  { title: '岗位', dataIndex: 'post', render: (v: string) => labelOf(POST, v) },
  { title: '专任', dataIndex: 'isFullTime', render: (v: boolean) => (v ? '是' : '否'), width: 60 },
  { title: '任教学段', dataIndex: 'teachingStage', render: (v: string | null) => labelOf(TEACHING_STAGE, v) },
  { title: '学科', dataIndex: 'subject', render: (v: string | null) => v ?? '—' },
  { title: '学历', dataIndex: 'education', render: (v: string) => labelOf(EDUCATION, v) },
  { title: '教师资格证', dataIndex: 'certificate', render: (v: string) => labelOf(CERTIFICATE, v) },
  {
    title: '骨干',
    key: 'backbone',
    render: (_v, t) => (t.backboneLevel ? `${labelOf(BACKBONE_LEVEL, t.backboneLevel)}（至 ${t.backboneValidUntil ?? '—'}）` : '—'),
  },
  { title: '计入份额', dataIndex: 'share', align: 'right', render: (v: number) => formatNumber(v) },
  {
    title: '是否计入分子',
    key: 'counted',
    render: (_v, t) => (t.counted ? <Tag color="green">计入</Tag> : <Tag>不计入</Tag>),
    width: 110,
  },
  { title: '理由', dataIndex: 'reason' },
];

/** Staff of the school with whether each counts in the numerator and why (ID numbers masked). */
export function CountedTeachersTable({ teachers }: { teachers: Teacher[] }) {
  const [only, setOnly] = useState<'counted' | 'all'>('counted');
  const shown = only === 'counted' ? teachers.filter((t) => t.counted) : teachers;
  return (
    <>
      <Segmented
        style={{ marginBottom: 8 }}
        value={only}
        onChange={(v) => setOnly(v as 'counted' | 'all')}
        options={[
          { value: 'counted', label: `计入分子（${teachers.filter((t) => t.counted).length}）` },
          { value: 'all', label: `全部教职工（${teachers.length}）` },
        ]}
      />
      <Table<Teacher>
        size="small"
        rowKey="id"
        columns={TEACHER_COLUMNS}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 人` } : false}
        locale={{ emptyText: <EmptyState description="没有计入分子的教师" /> }}
      />
    </>
  );
}
