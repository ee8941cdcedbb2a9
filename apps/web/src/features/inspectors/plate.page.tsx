/** The school's 挂牌督导 plate (public card): inspector, contact and duties, printable on A4 or A5. */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PrintArea } from '../../components/print-area.tsx';
import { formatDate } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { inspectorsApi } from './inspectors-api.ts';

export default function PlatePage() {
  const schoolId = Number(useParams().schoolId);
  const [size, setSize] = useState<'A4' | 'A5'>('A4');
  const q = useQuery(`card:${schoolId}`, (signal) => inspectorsApi.publicCard(schoolId, signal));
  if (q.error) return <ErrorAlert error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Skeleton active />;
  const c = q.data;
  return (
    <>
      <Flex gap={8} className="no-print" style={{ marginBottom: 16 }}>
        <Segmented value={size} onChange={(v) => setSize(v as 'A4' | 'A5')} options={['A4', 'A5']} />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印公示牌
        </Button>
      </Flex>
      <PrintArea pageSize={size}>
        <div
          style={{
            maxWidth: size === 'A4' ? 720 : 520,
            margin: '0 auto',
            border: '6px double #b71c1c',
            padding: 32,
            textAlign: 'center',
            fontFamily: 'serif',
            background: '#fff',
          }}
        >
          <div style={{ fontSize: size === 'A4' ? 36 : 26, color: '#b71c1c', fontWeight: 700, letterSpacing: 4 }}>
            责任督学挂牌督导公示牌
          </div>
          <div style={{ fontSize: 22, margin: '16px 0' }}>{c.schoolName}</div>
          <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 18, textAlign: 'left' }}>
            <tbody>
              <tr>
                <th style={{ width: 120, padding: 8, borderBottom: '1px solid #ddd' }}>责任督学</th>
                <td style={{ padding: 8, borderBottom: '1px solid #ddd' }}>{c.inspectorName ?? '待指定'}</td>
              </tr>
              <tr>
                <th style={{ padding: 8, borderBottom: '1px solid #ddd' }}>职务</th>
                <td style={{ padding: 8, borderBottom: '1px solid #ddd' }}>{c.title || '—'}</td>
              </tr>
              <tr>
                <th style={{ padding: 8, borderBottom: '1px solid #ddd' }}>联系电话</th>
                <td style={{ padding: 8, borderBottom: '1px solid #ddd' }}>{c.phone || '—'}</td>
              </tr>
              <tr>
                <th style={{ padding: 8, verticalAlign: 'top' }}>督导职责</th>
                <td style={{ padding: 8 }}>
                  <ol style={{ margin: 0, paddingLeft: 20 }}>
                    {c.duties.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ol>
                </td>
              </tr>
            </tbody>
          </table>
          <div style={{ marginTop: 24, textAlign: 'right', fontSize: 16 }}>
            {c.issuer}
            {c.since ? ` · ${formatDate(c.since)}起` : ''}
          </div>
        </div>
      </PrintArea>
    </>
  );
}
