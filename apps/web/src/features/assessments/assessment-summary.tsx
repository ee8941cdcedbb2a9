/** The verdict of an assessment, its parts, and every failing item with why (and what cannot be decided yet). */
import type { Assessment } from '@zhiping/contracts';
import { Alert, Card, Col, Collapse, Flex, Row, Typography } from 'antd';
import { StatusTag, verdictStatus } from '../indicators/indicator-status.tsx';

const VERDICT_TYPE = { met: 'success', not_met: 'error', incomplete: 'warning' } as const;
const VERDICT_TITLE = { met: '达标', not_met: '未达标', incomplete: '尚不完整' } as const;

export function AssessmentSummary({ data }: { data: Assessment }) {
  return (
    <Flex vertical gap={16}>
      <Alert type={VERDICT_TYPE[data.verdict]} showIcon title={`总体结论：${VERDICT_TITLE[data.verdict]}`} description={data.summary} />
      <Row gutter={[12, 12]}>
        {data.parts.map((p) => (
          <Col key={p.part} xs={12} md={8} xl={Math.max(4, Math.floor(24 / data.parts.length))}>
            <Card size="small">
              <Typography.Text type="secondary">{p.label}</Typography.Text>
              <Flex align="baseline" gap={8} wrap>
                <span style={{ fontSize: 22, fontWeight: 600 }}>
                  {p.met}/{p.total}
                </span>
                <StatusTag status={verdictStatus(p.status)} />
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={`未达标条目（${data.failing.length}）`} data-testid="failing-items">
        {data.failing.length === 0 ? (
          <Typography.Text type="secondary">没有未达标的条目</Typography.Text>
        ) : (
          <Collapse
            size="small"
            items={data.failing.map((f) => ({
              key: f.itemNo,
              label: (
                <div>
                  <StatusTag status="not_met" />
                  <strong>{f.name}</strong>
                  <Typography.Paragraph type="danger" style={{ margin: '4px 0 0', fontSize: 13 }} ellipsis={{ rows: 2, tooltip: f.reason }}>
                    {f.reason}
                  </Typography.Paragraph>
                </div>
              ),
              extra: f.details.length ? <span style={{ whiteSpace: 'nowrap' }}>{f.details.length} 条明细</span> : undefined,
              children: (
                <>
                  <Typography.Paragraph>{f.reason}</Typography.Paragraph>
                  {f.details.length > 0 && (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {f.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  )}
                </>
              ),
            }))}
          />
        )}
      </Card>
      {data.missing.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'missing',
              label: `无法判定（${data.missing.length}）：没有可计算的数据，需区级人员在“评估条目”中人工判定并上传佐证材料`,
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {data.missing.map((m) => (
                    <li key={m.itemNo}>
                      {m.name}（{m.reason}）
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
