import type { TeacherSummary } from '@zhiping/contracts';
import { BACKBONE_LEVEL, EDUCATION, GENDER, POST, TITLE } from '@zhiping/domain';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { labelOf, stageLabel } from '../../components/code-labels.ts';

/** Columns of teacher lists; the school column is left out on a school's own page. */
export function teacherColumns(options: { withSchool: boolean }): ColumnsType<TeacherSummary> {
  const columns: ColumnsType<TeacherSummary> = [
    { title: '姓名', dataIndex: 'name', fixed: 'left', render: (name: string, t) => <Link to={`/teachers/${t.id}`}>{name}</Link> },
    { title: '性别', dataIndex: 'gender', render: (v: string) => labelOf(GENDER, v), width: 60 },
    {
      title: '身份证号',
      dataIndex: 'idNumberMasked',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: '学校', dataIndex: 'schoolName', render: (v: string | null) => v ?? '—' },
    { title: '岗位', dataIndex: 'post', render: (v: string) => labelOf(POST, v) },
    { title: '专任', dataIndex: 'isFullTime', render: (v: boolean) => (v ? '是' : '否'), width: 60 },
    { title: '任教学段', dataIndex: 'teachingStage', render: stageLabel },
    { title: '任教学科', dataIndex: 'subject', render: (v: string | null) => v ?? '—' },
    { title: '学历', dataIndex: 'education', render: (v: string) => labelOf(EDUCATION, v) },
    { title: '职称', dataIndex: 'title', render: (v: string) => labelOf(TITLE, v) },
    {
      title: '骨干',
      dataIndex: 'backboneLevel',
      render: (v: string | null) => (v ? <Tag color="gold">{labelOf(BACKBONE_LEVEL, v)}</Tag> : '—'),
    },
  ];
  return options.withSchool ? columns : columns.filter((c) => !('dataIndex' in c) || c.dataIndex !== 'schoolName');
}
