import type { TeacherDetail } from '@zhiping/contracts';
import { BACKBONE_LEVEL, CERTIFICATE, EDUCATION, GENDER, POST, STAFFING, TITLE } from '@zhiping/domain';
import { Descriptions } from 'antd';
import { Link } from 'react-router';
import { labelOf, stageLabel } from '../../components/code-labels.ts';
import { formatDate } from '../../lib/format.ts';
import { SensitiveReveal } from './sensitive-reveal.tsx';

/** The teacher's fields; the ID number is masked until revealed. */
export function TeacherInfo({ teacher: t, canUnmask }: { teacher: TeacherDetail; canUnmask: boolean }) {
  const items = [
    {
      key: 'id',
      label: '身份证号',
      span: { xs: 1, sm: 2, lg: 3 },
      children: <SensitiveReveal teacherId={t.id} masked={t.idNumberMasked} canUnmask={canUnmask} />,
    },
    { key: 'name', label: '姓名', children: t.name },
    { key: 'gender', label: '性别', children: labelOf(GENDER, t.gender) },
    { key: 'birth', label: '出生日期', children: formatDate(t.birthDate) },
    { key: 'phone', label: '手机号', children: t.phoneMasked ?? '—' },
    { key: 'school', label: '学校', children: t.schoolId ? <Link to={`/schools/${t.schoolId}`}>{t.schoolName}</Link> : '—' },
    { key: 'joined', label: '调入本校日期', children: formatDate(t.joinedSchoolOn) },
    { key: 'post', label: '岗位类别', children: labelOf(POST, t.post) },
    { key: 'fullTime', label: '是否专任教师', children: t.isFullTime ? '是' : '否' },
    { key: 'stage', label: '任教学段', children: stageLabel(t.teachingStage) },
    { key: 'subject', label: '任教学科', children: t.subject ?? '—' },
    { key: 'education', label: '最高学历', children: labelOf(EDUCATION, t.education) },
    { key: 'title', label: '专业技术职务', children: labelOf(TITLE, t.title) },
    { key: 'certificate', label: '教师资格证', children: labelOf(CERTIFICATE, t.certificate) },
    { key: 'staffing', label: '编制情况', children: labelOf(STAFFING, t.staffing) },
    { key: 'backbone', label: '骨干教师级别', children: labelOf(BACKBONE_LEVEL, t.backboneLevel) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}
