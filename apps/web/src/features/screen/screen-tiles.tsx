/** Tiles of the big screen: large figures and key indicators in the dark theme. */
import type { IndicatorValue } from '@zhiping/contracts';
import type { ReactNode } from 'react';
import { stageName, thresholdText, valueText } from '../indicators/indicator-format.ts';
import { STATUS_META } from '../indicators/indicator-status.tsx';

export const PANEL_STYLE = {
  background: 'rgba(22, 50, 92, 0.55)',
  border: '1px solid rgba(76, 201, 240, 0.35)',
  borderRadius: 8,
  padding: '12px 16px',
} as const;

const SCREEN_STATUS_COLORS: Record<IndicatorValue['status'], string> = {
  met: '#52c41a',
  not_met: '#ff4d4f',
  no_threshold: '#bfbfbf',
  no_data: '#faad14',
};

/** A big number with its label. */
export function FigureTile({ label, value, unit }: { label: string; value: ReactNode; unit: string }) {
  return (
    <div style={{ ...PANEL_STYLE, textAlign: 'center' }}>
      <div style={{ color: '#9ec5fe', fontSize: 16 }}>{label}</div>
      <div style={{ color: '#fff', fontSize: 40, fontWeight: 700, lineHeight: 1.2 }}>
        {value}
        <span style={{ fontSize: 16, marginLeft: 4, color: '#9ec5fe' }}>{unit}</span>
      </div>
    </div>
  );
}

/** A key indicator: value coloured by status, with the status word and icon (never colour alone). */
export function IndicatorTile({ value: v }: { value: IndicatorValue }) {
  const color = SCREEN_STATUS_COLORS[v.status];
  return (
    <div style={{ ...PANEL_STYLE, borderLeft: `4px solid ${color}` }} data-testid="screen-indicator">
      <div style={{ color: '#9ec5fe', fontSize: 14, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {v.name}
        {v.stage ? `（${stageName(v.stage)}）` : ''}
      </div>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 10 }}>
        <span style={{ color, fontSize: 34, fontWeight: 700 }}>{valueText(v)}</span>
        <span style={{ color, fontSize: 15 }}>
          {STATUS_META[v.status].icon} {STATUS_META[v.status].label}
        </span>
      </div>
      <div style={{ color: '#8aa4c8', fontSize: 13 }}>
        {v.threshold ? `标准 ${thresholdText(v.code, v.threshold)}` : (v.reason ?? '无适用标准')}
      </div>
    </div>
  );
}
