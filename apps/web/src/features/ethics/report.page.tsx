/**
 * 师德师风问题反映 (public, no sign-in): named or anonymous, with attachments. The page fetches a
 * proof-of-work challenge when it opens and solves it while the person writes; the answer is a
 * tracking code and a password shown once.
 */
import { ETHICS_PUBLIC_LIMITS, type PublicChallenge, type PublicReportReceipt } from '@zhiping/contracts';
import { Alert, Button, Descriptions, Form, Input, Radio, Result, Select, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { PublicLayout } from './public-layout.tsx';
import { publicApi, solveChallenge } from './public-api.ts';

interface FormValues {
  isAnonymous: boolean;
  reporterName?: string;
  reporterContact?: string;
  teacherName: string;
  schoolId?: number;
  occurredOn?: string;
  category?: string;
  content: string;
  website?: string;
}

interface Solving {
  challenge: PublicChallenge;
  issuedAt: number;
  nonce: Promise<string>;
}

export default function ReportPage() {
  const [form] = Form.useForm<FormValues>();
  const options = useQuery('public-ethics-options', () => publicApi.options());
  const solving = useRef<Solving | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [isSubmitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<PublicReportReceipt | null>(null);
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const isAnonymous = Form.useWatch('isAnonymous', form) ?? true;

  const startChallenge = () => {
    let cancelled = false;
    const started = publicApi.challenge().then((challenge) => {
      const nonce = solveChallenge(challenge.token, challenge.bits, () => cancelled);
      nonce.catch(() => undefined);
      solving.current = { challenge, issuedAt: Date.now(), nonce };
    });
    started.catch((e: unknown) => setError(e));
    return () => {
      cancelled = true;
    };
  };
  useEffect(startChallenge, []);

  const submit = async (values: FormValues) => {
    setSubmitting(true);
    setError(null);
    try {
      if (!solving.current) await new Promise((r) => setTimeout(r, 500));
      const s = solving.current;
      if (!s) throw new Error('页面尚未准备好，请稍后再提交');
      const nonce = await s.nonce;
      const wait = s.challenge.minFillSeconds * 1000 - (Date.now() - s.issuedAt);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const result = await publicApi.report({
        challenge: s.challenge.token,
        nonce,
        website: values.website ?? '',
        isAnonymous: values.isAnonymous,
        ...(values.isAnonymous ? {} : { reporterName: values.reporterName, reporterContact: values.reporterContact }),
        teacherName: values.teacherName,
        schoolId: values.schoolId ?? null,
        occurredOn: values.occurredOn || null,
        category: values.category ?? null,
        content: values.content,
      });
      const failed: string[] = [];
      for (const f of files) {
        if (!f.originFileObj) continue;
        try {
          await publicApi.upload({ code: result.trackingCode, password: result.password }, f.originFileObj);
        } catch (e) {
          failed.push(`${f.name}（${e instanceof Error ? e.message : '上传失败'}）`);
        }
      }
      if (failed.length) setUploadProblem(`以下附件未能上传，可凭查询码在“查询办理进展”中补传：${failed.join('；')}`);
      setReceipt(result);
    } catch (e) {
      setError(e);
      // A used or expired challenge cannot be reused: fetch a fresh one for the next attempt.
      solving.current = null;
      startChallenge();
    } finally {
      setSubmitting(false);
    }
  };

  if (receipt) {
    return (
      <PublicLayout title="师德师风问题反映">
        <Result status="success" title="反映已提交" subTitle="请立即记下查询码和密码。密码只显示这一次，系统不保存明文，遗失后无法找回。" />
        <Descriptions bordered column={1} size="middle" data-testid="receipt">
          <Descriptions.Item label="受理编号">{receipt.caseNo}</Descriptions.Item>
          <Descriptions.Item label="查询码">
            <Typography.Text copyable strong data-testid="tracking-code">
              {receipt.trackingCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="查询密码">
            <Typography.Text copyable strong data-testid="tracking-password">
              {receipt.password}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="提交日期">{receipt.receivedOn}</Descriptions.Item>
        </Descriptions>
        {uploadProblem && <Alert type="warning" showIcon style={{ marginTop: 12 }} message={uploadProblem} />}
        <div style={{ marginTop: 16 }}>
          <Link to="/report/track">
            <Button type="primary">查询办理进展</Button>
          </Link>
        </div>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title="师德师风问题反映">
      <Typography.Paragraph>
        如发现教师有违反《新时代中小学教师职业行为十项准则》的行为，可在此反映。可以匿名；匿名反映将获得查询码和密码，用于查看办理进展、回答承办人的询问。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<FormValues> form={form} layout="vertical" initialValues={{ isAnonymous: true }} onFinish={submit} disabled={isSubmitting}>
        <Form.Item name="isAnonymous" label="反映方式">
          <Radio.Group
            options={[
              { value: true, label: '匿名反映' },
              { value: false, label: '实名反映（身份仅承办人可见）' },
            ]}
          />
        </Form.Item>
        {!isAnonymous && (
          <>
            <Form.Item name="reporterName" label="您的姓名" rules={[{ required: true, message: '实名反映请填写姓名' }, { max: 50 }]}>
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="reporterContact"
              label="联系方式（电话或邮箱）"
              rules={[{ required: true, message: '实名反映请填写联系方式' }, { max: 100 }]}
            >
              <Input autoComplete="tel" />
            </Form.Item>
          </>
        )}
        <Form.Item name="teacherName" label="被反映教师姓名" rules={[{ required: true, message: '请填写被反映教师姓名' }, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="schoolId" label="所在学校">
          <Select
            showSearch
            allowClear
            placeholder="请选择（可输入学校名称搜索）"
            optionFilterProp="label"
            loading={options.isLoading}
            options={options.data?.schools.map((s) => ({ value: s.id, label: s.name })) ?? []}
          />
        </Form.Item>
        <Form.Item name="category" label="问题类别（不确定可不选）">
          <Select
            allowClear
            placeholder="请选择"
            options={options.data?.categories.map((c) => ({ value: c.code, label: c.label })) ?? []}
          />
        </Form.Item>
        <Form.Item name="occurredOn" label="发生日期（大致即可）">
          <Input type="date" style={{ maxWidth: 220 }} />
        </Form.Item>
        <Form.Item
          name="content"
          label="反映内容"
          rules={[
            { required: true, message: '请具体描述反映的问题' },
            { min: 10, message: '请具体描述反映的问题（至少 10 个字）' },
            { max: ETHICS_PUBLIC_LIMITS.contentMaxChars },
          ]}
        >
          <Input.TextArea
            rows={6}
            showCount
            maxLength={ETHICS_PUBLIC_LIMITS.contentMaxChars}
            placeholder="时间、地点、经过、涉及的学生或家长（可不写姓名）等"
          />
        </Form.Item>
        {/* Honeypot: hidden from people and screen readers; bots fill it. */}
        <div aria-hidden="true" style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>
          <Form.Item name="website" label="网站">
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item
          label={`附件（最多 ${ETHICS_PUBLIC_LIMITS.maxFiles} 个，单个不超过 ${ETHICS_PUBLIC_LIMITS.maxFileBytes / 1024 / 1024} MB；JPG、PNG、PDF、MP3、MP4、TXT）`}
        >
          <Upload
            multiple
            fileList={files}
            accept={ETHICS_PUBLIC_LIMITS.contentTypes.join(',')}
            beforeUpload={(file) => {
              if (file.size > ETHICS_PUBLIC_LIMITS.maxFileBytes) return Upload.LIST_IGNORE;
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList.slice(0, ETHICS_PUBLIC_LIMITS.maxFiles))}
          >
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isSubmitting}>
          提交反映
        </Button>
      </Form>
    </PublicLayout>
  );
}
