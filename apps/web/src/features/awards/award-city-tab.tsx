/** Recommendation to the city (up to the quota, from the final list) and the city's result per application. */
import type { AwardCallDetail } from '@zhiping/contracts';
import { Alert, App, Button, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { GradeTag } from './award-tags.tsx';
import { awardsApi } from './awards-api.ts';

const RESULTS = [
  { value: 'first', label: '市级一等奖' },
  { value: 'second', label: '市级二等奖' },
  { value: 'third', label: '市级三等奖' },
  { value: 'none', label: '未获奖' },
];
const RESULT_OF_LABEL = Object.fromEntries(RESULTS.map((r) => [r.label, r.value]));

export function CityTab({ call, onChange }: { call: AwardCallDetail; onChange: () => void }) {
  const { message } = App.useApp();
  const q = useQuery(`award-notice:${call.id}:${call.version}:city`, (signal) => awardsApi.notice(call.id, signal));
  const [selected, setSelected] = useState<number[]>([]);
  const [results, setResults] = useState<Record<number, string>>({});
  const items = (q.data?.items ?? []).filter((i) => i.rank !== null && !i.excludedReason);
  useEffect(() => {
    if (!q.data) return;
    const ranked = q.data.items.filter((i) => i.rank !== null && !i.excludedReason);
    const current = ranked.filter((i) => i.isRecommended).map((i) => i.applicationId);
    setSelected(current.length > 0 ? current : ranked.slice(0, call.rules.cityQuota).map((i) => i.applicationId));
    setResults(
      Object.fromEntries(ranked.filter((i) => i.cityResultLabel).map((i) => [i.applicationId, RESULT_OF_LABEL[i.cityResultLabel!]!])),
    );
  }, [q.data, call.rules.cityQuota]);
  const canSelect = call.canManage && call.state === 'final';
  const canRecord = call.canManage && call.state === 'recommended';
  const saveSelection = async () => {
    try {
      await awardsApi.recommend(call.id, selected);
      message.success(`已选定推荐 ${selected.length} 项，请点击上方“推荐参评市级”`);
      q.reload();
      onChange();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const saveResults = async () => {
    try {
      const list = Object.entries(results).map(([id, result]) => ({ applicationId: Number(id), result }));
      await awardsApi.cityResults(call.id, list);
      message.success(`已登记 ${list.length} 项市级结果`);
      q.reload();
      onChange();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const shown = canSelect ? items : items.filter((i) => i.isRecommended);
  return (
    <>
      <ErrorAlert error={q.error} onRetry={q.reload} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`推荐参评市级成果奖名额 ${call.rules.cityQuota} 项`}
        description={
          canSelect
            ? '默认按名次选定，可调整后保存，再点击上方“推荐参评市级”。'
            : canRecord
              ? '市级评审结果公布后，逐项登记结果并保存；全部登记后点击“登记市级结果并办结”。'
              : undefined
        }
      />
      <Table
        size="small"
        rowKey="applicationId"
        loading={q.isLoading}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={
          canSelect
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), getCheckboxProps: () => ({}) }
            : undefined
        }
        columns={[
          { title: '名次', dataIndex: 'rank' },
          { title: '成果名称', dataIndex: 'title' },
          { title: '主持人', dataIndex: 'leadName' },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '区级', render: (_, i) => <GradeTag label={i.gradeLabel} /> },
          {
            title: '市级结果',
            render: (_, i) =>
              canRecord ? (
                <Select
                  style={{ width: 140 }}
                  placeholder="登记结果"
                  value={results[i.applicationId]}
                  options={RESULTS}
                  aria-label={`市级结果 ${i.title}`}
                  onChange={(v) => setResults({ ...results, [i.applicationId]: v })}
                />
              ) : (
                (i.cityResultLabel && <Tag color={i.cityResultLabel === '未获奖' ? 'default' : 'red'}>{i.cityResultLabel}</Tag>) ||
                (i.isRecommended ? '已推荐，待市级结果' : '')
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {canSelect && (
          <Button
            type="primary"
            disabled={selected.length === 0 || selected.length > call.rules.cityQuota}
            onClick={() => void saveSelection()}
          >
            保存推荐名单（{selected.length}/{call.rules.cityQuota}）
          </Button>
        )}
        {canRecord && (
          <Button type="primary" disabled={Object.keys(results).length === 0} onClick={() => void saveResults()}>
            保存市级结果
          </Button>
        )}
      </Space>
    </>
  );
}
