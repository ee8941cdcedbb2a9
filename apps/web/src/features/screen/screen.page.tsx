/**
 * 数据大屏: a full-screen display for the bureau's screen — dark theme, large figures, key indicators and
 * charts, refreshed every minute.
 */
import { CompressOutlined, ExpandOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Space, theme } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EChart, type EChartsOption } from '../../components/echart.tsx';
import { formatCount, schoolYearLabel } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { fetchIndicators, fetchTrend } from '../indicators/indicators-api.ts';
import { countByStatus, pickKeyValues } from '../indicators/key-indicators.ts';
import { trendOption } from '../indicators/trend-option.ts';
import { fetchDistrict, fetchOverview } from '../overview/overview-api.ts';
import { FigureTile, IndicatorTile, PANEL_STYLE } from './screen-tiles.tsx';
import { useRefreshTick } from './use-refresh-tick.ts';

const REFRESH_MS = 60_000;

export default function ScreenPage() {
  const navigate = useNavigate();
  const { tick, at } = useRefreshTick(REFRESH_MS);
  const district = useQuery('district', fetchDistrict);
  const overview = useQuery(`screen-overview:${tick}`, (signal) => fetchOverview(undefined, signal));
  const list = useQuery(`screen-indicators:${tick}`, (signal) => fetchIndicators({}, signal));
  const trend = useQuery(`screen-trend:${tick}`, (signal) =>
    fetchTrend({ code: 'balanced.schools_passing_share', stage: 'primary' }, signal),
  );
  const o = overview.data;
  const keyValues = useMemo(() => (list.data ? pickKeyValues(list.data.items).slice(0, 8) : []), [list.data]);
  const counts = list.data ? countByStatus(list.data.items) : null;
  const stageOption = useMemo<EChartsOption | null>(
    () =>
      o
        ? {
            backgroundColor: 'transparent',
            grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: o.studentsByStage.map((s) => s.label), axisLabel: { color: '#cfe3ff', fontSize: 14 } },
            yAxis: { type: 'value', axisLabel: { color: '#8aa4c8' }, splitLine: { lineStyle: { color: 'rgba(255,255,255,0.08)' } } },
            series: [
              {
                type: 'bar',
                data: o.studentsByStage.map((s) => s.students),
                barMaxWidth: 36,
                itemStyle: { color: '#4cc9f0' },
                label: { show: true, position: 'top', color: '#fff' },
              },
            ],
          }
        : null,
    [o],
  );
  const trendOpt = useMemo(() => (trend.data ? trendOption(trend.data, { isDark: true }) : null), [trend.data]);
  const isFull = typeof document !== 'undefined' && document.fullscreenElement !== null;

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div
        style={{ minHeight: '100vh', background: 'radial-gradient(circle at top, #12305c 0%, #07142b 70%)', color: '#fff', padding: 20 }}
      >
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
          <div>
            <div style={{ fontSize: 30, fontWeight: 700, letterSpacing: 2 }}>{district.data?.name ?? ''}教育数据大屏</div>
            <div style={{ color: '#8aa4c8' }}>
              {list.data ? `${schoolYearLabel(list.data.year)} · 统计日期 ${list.data.asOf}` : '正在加载…'} · 每分钟自动刷新，最近刷新{' '}
              {dayjs(at).format('HH:mm:ss')}
            </div>
          </div>
          <Space>
            <Button
              icon={isFull ? <CompressOutlined /> : <ExpandOutlined />}
              onClick={() =>
                void (isFull ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined)
              }
            >
              {isFull ? '退出全屏' : '全屏'}
            </Button>
            <Button icon={<RollbackOutlined />} onClick={() => navigate('/indicators')}>
              返回
            </Button>
          </Space>
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: 12, marginBottom: 12 }}>
          <FigureTile label="学校" value={formatCount(o?.schoolCount)} unit="所" />
          <FigureTile label="在校生" value={formatCount(o?.studentsByStage.reduce((n, s) => n + s.students, 0))} unit="人" />
          <FigureTile label="专任教师" value={formatCount(o?.fullTimeTeacherCount)} unit="人" />
          <FigureTile label="指标达标" value={counts ? `${counts.met}/${counts.met + counts.not_met}` : '—'} unit="项" />
          <FigureTile label="未达标指标" value={counts ? counts.not_met : '—'} unit="项" />
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 12, marginBottom: 12 }}>
          {keyValues.map((v) => (
            <IndicatorTile key={`${v.code}|${v.stage ?? ''}`} value={v} />
          ))}
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 12 }}>
          <div style={PANEL_STYLE}>
            <div style={{ fontSize: 18, marginBottom: 8 }}>各学段在校生</div>
            {stageOption && <EChart option={stageOption} height={260} theme="dark" ariaLabel="各学段在校生人数" />}
          </div>
          <div style={PANEL_STYLE}>
            <div style={{ fontSize: 18, marginBottom: 8 }}>小学资源配置达标学校占比（近五年）</div>
            {trendOpt ? (
              <EChart option={trendOpt} height={260} theme="dark" ariaLabel="小学资源配置达标学校占比近五年趋势" />
            ) : (
              <div style={{ height: 260, color: '#8aa4c8' }}>{trend.error ? '趋势暂不可用' : '正在计算近五年数据…'}</div>
            )}
          </div>
        </div>
      </div>
    </ConfigProvider>
  );
}
