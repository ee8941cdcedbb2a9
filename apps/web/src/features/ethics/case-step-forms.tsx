/** The form of each workflow step of an ethics case (the server checks every rule again). */
import {
  ETHICS_MEASURES,
  ETHICS_OUTCOME_LABELS,
  ETHICS_OUTCOMES,
  ETHICS_PENALTIES,
  type EthicsCaseDetail,
  type Page,
  type TeacherSummary,
} from '@zhiping/contracts';
import { addDays, ethicsRulesByVersion } from '@zhiping/domain';
import { Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { RemoteSelect } from '../../components/remote-select.tsx';
import { api } from '../../lib/api-client.ts';
import { todayIso } from '../../lib/format.ts';
import { ethicsApi } from './ethics-api.ts';

const PENALTY_LABELS: Record<string, string> = {
  warning: '警告（6个月）',
  demerit: '记过（12个月）',
  demotion: '降低岗位等级（24个月）',
  dismissal: '撤职（24个月）',
  expulsion: '开除',
};
const MEASURE_LABELS: Record<string, string> = {
  criticism: '批评教育',
  admonition: '诫勉谈话',
  self_review: '责令检查',
  circulated_criticism: '通报批评',
  disqualification: '取消评奖评优、职务晋升、职称评定等资格',
  certificate_revoked: '撤销教师资格',
};

/** Initial values of a step's form. */
export function stepDefaults(action: string, detail: EthicsCaseDetail): Record<string, unknown> {
  const today = todayIso();
  const rules = ethicsRulesByVersion(detail.rulesVersion);
  switch (action) {
    case 'accept':
      return {
        category: detail.suggestedCategory ?? undefined,
        handlerLevel: 'school',
        investigationDue: addDays(today, rules.deadlines.investigationDays),
      };
    case 'submit_findings':
      return { statementDue: addDays(today, rules.deadlines.statementDays) };
    case 'decide':
      return { outcome: 'penalty', measures: [], effectiveOn: today };
    case 'notify':
      return { notifiedOn: today };
    case 'appeal':
      return { appealedOn: today };
    case 'decide_appeal':
      return { result: 'upheld' };
    default:
      return {};
  }
}

async function fetchTeachers(search: string, signal: AbortSignal) {
  const page = await api.get<Page<TeacherSummary>>('/teachers', { q: search || undefined, pageSize: 20 }, signal);
  return page.items.map((t) => ({ value: t.id, label: `${t.name}（${t.schoolName ?? '无任职学校'}）`, schoolId: t.schoolId }));
}

function AcceptFields({ detail }: { detail: EthicsCaseDetail }) {
  const form = Form.useFormInstance();
  const level = Form.useWatch('handlerLevel', form) as 'district' | 'school' | undefined;
  const [teacherSchool, setTeacherSchool] = useState<number | null>(null);
  const schoolOf = useRef(new Map<number, number | null>());
  const [candidates, setCandidates] = useState<{ value: number; label: string; level: string }[]>([]);
  useEffect(() => {
    ethicsApi
      .candidates(detail.id, teacherSchool)
      .then((list) => setCandidates(list.map((c) => ({ value: c.userId, label: c.displayName, level: c.level }))))
      .catch(() => setCandidates([]));
  }, [detail.id, teacherSchool]);
  const rules = ethicsRulesByVersion(detail.rulesVersion);
  return (
    <>
      <Form.Item name="category" label={`违规类别（${rules.version}）`} rules={[{ required: true, message: '请选择违规类别' }]}>
        <Select options={rules.categories.map((c) => ({ value: c.code, label: c.label }))} />
      </Form.Item>
      <Form.Item name="teacherId" label="被反映教师（在教师库中查找）" rules={[{ required: true, message: '请选择被反映教师' }]}>
        <RemoteSelect
          placeholder={`输入姓名搜索，反映中写的是“${detail.reportedName}”`}
          notFoundText="没有找到该教师"
          fetchOptions={async (search, signal) => {
            const list = await fetchTeachers(search || detail.reportedName, signal);
            for (const t of list) schoolOf.current.set(t.value, t.schoolId);
            return list.map((t) => ({ value: t.value, label: t.label }));
          }}
          onChange={(id) => {
            form.setFieldValue('teacherId', id);
            form.setFieldValue('handlerUserId', undefined);
            setTeacherSchool(id === null ? null : (schoolOf.current.get(id) ?? null));
          }}
        />
      </Form.Item>
      <Form.Item name="handlerLevel" label="调查主体">
        <Radio.Group
          onChange={() => form.setFieldValue('handlerUserId', undefined)}
          options={[
            { value: 'school', label: '交教师所在学校调查' },
            { value: 'district', label: '区师德办直接调查' },
          ]}
        />
      </Form.Item>
      <Form.Item name="handlerUserId" label="承办人（仅承办人本人可见该案件）" rules={[{ required: true, message: '请选择承办人' }]}>
        <Select
          placeholder={level === 'school' && teacherSchool === null ? '请先选择教师' : '请选择'}
          options={candidates.filter((c) => c.level === (level ?? 'school'))}
          notFoundContent={level === 'school' ? '该校没有学校管理员账号，请由区师德办调查' : '没有师德办人员账号'}
        />
      </Form.Item>
      <Form.Item name="investigationDue" label="调查期限" rules={[{ required: true, message: '请填写调查期限' }]}>
        <Input type="date" style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item name="note" label="受理意见">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

function DecisionFields({ prefix = '' }: { prefix?: string }) {
  const form = Form.useFormInstance();
  const outcome = Form.useWatch('outcome', form) as string | undefined;
  return (
    <>
      <Form.Item name="outcome" label={`${prefix}处理结果`} rules={[{ required: true, message: '请选择处理结果' }]}>
        <Radio.Group options={ETHICS_OUTCOMES.map((o) => ({ value: o, label: ETHICS_OUTCOME_LABELS[o] }))} />
      </Form.Item>
      {outcome === 'penalty' && (
        <Form.Item name="penalty" label="处分种类（处分期自生效之日起计算）" rules={[{ required: true, message: '请选择处分种类' }]}>
          <Select options={ETHICS_PENALTIES.map((p) => ({ value: p, label: PENALTY_LABELS[p] }))} />
        </Form.Item>
      )}
      {outcome !== 'no_violation' && (
        <Form.Item name="disqualificationMonths" label="取消评奖评优等资格的期限（月，留空为不取消）">
          <InputNumber min={1} max={120} style={{ width: 160 }} />
        </Form.Item>
      )}
    </>
  );
}

/** The fields of a step. */
export function StepFields({ action, detail }: { action: string; detail: EthicsCaseDetail }) {
  switch (action) {
    case 'accept':
      return <AcceptFields detail={detail} />;
    case 'dismiss':
    case 'reinvestigate':
      return (
        <Form.Item
          name="note"
          label={action === 'dismiss' ? '不予受理的理由' : '需补充调查的内容'}
          rules={[{ required: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      );
    case 'submit_findings':
      return (
        <>
          <Form.Item
            name="findings"
            label="调查认定的事实和拟处理意见（将告知当事教师）"
            rules={[{ required: true, message: '请填写调查结论' }]}
          >
            <Input.TextArea rows={5} maxLength={10000} />
          </Form.Item>
          <Form.Item name="statementDue" label="陈述申辩期限" rules={[{ required: true }]}>
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
        </>
      );
    case 'record_statement':
      return (
        <Form.Item
          name="statement"
          label="教师的陈述和申辩（当面听取的记录，或书面材料摘要）"
          rules={[{ required: true, message: '请填写陈述申辩内容' }]}
        >
          <Input.TextArea rows={5} maxLength={10000} />
        </Form.Item>
      );
    case 'decide':
      return (
        <>
          <DecisionFields />
          <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
            {({ getFieldValue }) =>
              getFieldValue('outcome') === 'other_measures' ? (
                <Form.Item name="measures" label="其他处理措施" rules={[{ required: true, message: '请选择至少一项' }]}>
                  <Checkbox.Group options={ETHICS_MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))} />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item name="effectiveOn" label="生效日期" rules={[{ required: true }]}>
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item name="decision" label="处理决定" rules={[{ required: true, message: '请填写处理决定' }]}>
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
        </>
      );
    case 'notify':
      return (
        <>
          <Form.Item
            name="notice"
            label="处理决定告知书（当事教师可在“我的师德事项”中看到）"
            rules={[{ required: true, message: '请填写告知书内容' }]}
          >
            <Input.TextArea rows={5} maxLength={10000} />
          </Form.Item>
          <Form.Item name="notifiedOn" label="送达日期" rules={[{ required: true }]}>
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
        </>
      );
    case 'appeal':
      return (
        <>
          <Form.Item name="appeal" label="申诉理由（书面申诉的摘要）" rules={[{ required: true, message: '请填写申诉理由' }]}>
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
          <Form.Item name="appealedOn" label="申诉日期">
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
        </>
      );
    case 'decide_appeal':
      return (
        <>
          <Form.Item name="result" label="复核结论">
            <Radio.Group
              options={[
                { value: 'upheld', label: '维持' },
                { value: 'changed', label: '变更' },
                { value: 'revoked', label: '撤销' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.result !== b.result}>
            {({ getFieldValue }) => (getFieldValue('result') === 'changed' ? <DecisionFields prefix="变更后的" /> : null)}
          </Form.Item>
          <Form.Item name="text" label="复核决定" rules={[{ required: true, message: '请填写复核决定' }]}>
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
        </>
      );
    case 'close':
      return (
        <Form.Item name="note" label="办结说明（可不填）">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      );
    default:
      return null;
  }
}

/** Sends a step's form to its endpoint. */
export function submitStep(action: string, detail: EthicsCaseDetail, v: Record<string, unknown>): Promise<EthicsCaseDetail> {
  const id = detail.id;
  const expectedVersion = detail.version;
  const s = (k: string) => (v[k] === undefined || v[k] === '' ? undefined : (v[k] as string));
  switch (action) {
    case 'accept':
      return ethicsApi.accept(id, {
        expectedVersion,
        category: s('category')!,
        teacherId: v.teacherId as number,
        handlerLevel: v.handlerLevel as 'district' | 'school',
        handlerUserId: v.handlerUserId as number,
        investigationDue: s('investigationDue')!,
        note: s('note'),
      });
    case 'dismiss':
      return ethicsApi.dismiss(id, { expectedVersion, note: s('note')! });
    case 'reinvestigate':
      return ethicsApi.reinvestigate(id, { expectedVersion, note: s('note')! });
    case 'submit_findings':
      return ethicsApi.findings(id, { expectedVersion, findings: s('findings')!, statementDue: s('statementDue')! });
    case 'record_statement':
      return ethicsApi.statement(id, { expectedVersion, statement: s('statement')! });
    case 'decide':
      return ethicsApi.decide(id, {
        expectedVersion,
        outcome: v.outcome as 'penalty',
        penalty: v.outcome === 'penalty' ? (v.penalty as 'warning') : null,
        measures: v.outcome === 'other_measures' ? ((v.measures as string[]) ?? []) : [],
        disqualificationMonths: v.outcome === 'no_violation' ? null : ((v.disqualificationMonths as number | undefined) ?? null),
        effectiveOn: s('effectiveOn')!,
        decision: s('decision')!,
      });
    case 'notify':
      return ethicsApi.notice(id, { expectedVersion, notice: s('notice')!, notifiedOn: s('notifiedOn')! });
    case 'appeal':
      return ethicsApi.appeal(id, { expectedVersion, appeal: s('appeal')!, appealedOn: s('appealedOn') });
    case 'decide_appeal':
      return ethicsApi.appealDecision(id, {
        expectedVersion,
        result: v.result as 'upheld',
        outcome: v.result === 'changed' ? (v.outcome as 'penalty') : null,
        penalty: v.result === 'changed' && v.outcome === 'penalty' ? (v.penalty as 'warning') : null,
        disqualificationMonths: v.result === 'changed' ? ((v.disqualificationMonths as number | undefined) ?? null) : null,
        text: s('text')!,
      });
    case 'close':
      return ethicsApi.close(id, { expectedVersion, note: s('note') });
    default:
      return Promise.reject(new Error(`unknown action ${action}`));
  }
}
