/** The on-site visit schedule: auto-scheduling, Word download, and a print layout (print CSS hides the app shell). */
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Typography } from 'antd';
import { DownloadButton } from '../../components/export-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PrintArea } from '../../components/print-area.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { campaignsApi } from './evaluations-api.ts';
import { stateLabel } from './workflow-progress.tsx';

export function CampaignSchedulePanel({ campaignId, canManage }: { campaignId: number; canManage: boolean }) {
  const { message } = App.useApp();
  const q = useQuery(`schedule:${campaignId}`, (signal) => campaignsApi.schedule(campaignId, signal));
  const auto = async () => {
    try {
      await campaignsApi.autoSchedule(campaignId);
      message.success('已排定日程');
      q.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }} className="no-print">
        {canManage && (
          <Button type="primary" onClick={() => void auto()} disabled={!q.data || q.data.unscheduled === 0}>
            自动排定（{q.data?.unscheduled ?? 0} 所未定日期）
          </Button>
        )}
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印日程
        </Button>
        <DownloadButton path={`/campaigns/${campaignId}/schedule.docx`} fileName="现场评估日程.docx" label="下载Word" />
      </Flex>
      <PrintArea>
        <Typography.Title level={4} className="print-only">
          {q.data?.campaignName} · 现场评估日程
        </Typography.Title>
        <Table
          size="small"
          rowKey="evaluationId"
          loading={q.isLoading}
          dataSource={q.data?.rows ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '日期', render: (_, r) => formatDate(r.date) },
            { title: '学校', dataIndex: 'schoolName' },
            { title: '地址', dataIndex: 'address' },
            { title: '组长', render: (_, r) => r.leadName ?? '—' },
            { title: '成员', render: (_, r) => r.memberNames.join('、') || '—' },
            { title: '阶段', render: (_, r) => stateLabel(r.state) },
          ]}
        />
      </PrintArea>
    </>
  );
}
