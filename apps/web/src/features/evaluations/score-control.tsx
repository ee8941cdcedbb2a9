/** The scoring control of one check point, by method: big buttons for touch, a stepper for wide point ranges. */
import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import type { ScoreValue, TemplateScoringMethod } from '@zhiping/contracts';
import { Button, Flex, InputNumber, Radio, Typography } from 'antd';

export interface ScoreControlProps {
  method: TemplateScoringMethod;
  value: ScoreValue | null;
  onChange: (value: ScoreValue | null) => void;
  disabled?: boolean;
  /** For computed check points: the value the server computed, if any. */
  computedText?: string | null;
}

const touch = {
  minHeight: 48,
  minWidth: 56,
  fontSize: 18,
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
} as const;

export function ScoreControl({ method, value, onChange, disabled, computedText }: ScoreControlProps) {
  switch (method.kind) {
    case 'points': {
      const current = value?.kind === 'points' ? value.points : null;
      const count = Math.round((method.max - method.min) / method.step) + 1;
      if (count <= 11) {
        const options = Array.from({ length: count }, (_, i) => +(method.min + i * method.step).toFixed(4));
        return (
          <Radio.Group value={current} disabled={disabled} onChange={(e) => onChange({ kind: 'points', points: e.target.value as number })}>
            <Flex wrap gap={8}>
              {options.map((p) => (
                <Radio.Button key={p} value={p} style={touch}>
                  {p}
                </Radio.Button>
              ))}
            </Flex>
          </Radio.Group>
        );
      }
      const set = (p: number) => onChange({ kind: 'points', points: Math.min(method.max, Math.max(method.min, p)) });
      return (
        <Flex gap={8} align="center" wrap>
          <Button
            aria-label="减分"
            icon={<MinusOutlined />}
            style={touch}
            disabled={disabled}
            onClick={() => set((current ?? method.max) - method.step)}
          />
          <InputNumber
            aria-label="得分"
            size="large"
            min={method.min}
            max={method.max}
            step={method.step}
            value={current}
            disabled={disabled}
            inputMode="decimal"
            style={{ width: 120, fontSize: 20 }}
            onChange={(v) => onChange(v === null ? null : { kind: 'points', points: Number(v) })}
          />
          <Button
            aria-label="加分"
            icon={<PlusOutlined />}
            style={touch}
            disabled={disabled}
            onClick={() => set((current ?? method.min) + method.step)}
          />
          <Button style={touch} disabled={disabled} onClick={() => set(method.max)}>
            满分 {method.max}
          </Button>
        </Flex>
      );
    }
    case 'levels':
      return (
        <Radio.Group
          value={value?.kind === 'level' ? value.label : null}
          disabled={disabled}
          onChange={(e) => onChange({ kind: 'level', label: e.target.value as string })}
          style={{ width: '100%' }}
        >
          <Flex vertical gap={8}>
            {method.levels.map((l) => (
              <Radio.Button key={l.label} value={l.label} style={{ ...touch, height: 'auto', padding: '8px 12px', lineHeight: 1.4 }}>
                <strong>{l.label}</strong>（{l.points} 分）{l.description ? ` ${l.description}` : ''}
              </Radio.Button>
            ))}
          </Flex>
        </Radio.Group>
      );
    case 'yes_no':
      return (
        <Radio.Group
          value={value?.kind === 'yes_no' ? value.yes : null}
          disabled={disabled}
          onChange={(e) => onChange({ kind: 'yes_no', yes: e.target.value as boolean })}
        >
          <Flex gap={8}>
            <Radio.Button value={true} style={{ ...touch, minWidth: 110 }}>
              {method.yesLabel ?? '是'}（{method.yesPoints}分）
            </Radio.Button>
            <Radio.Button value={false} style={{ ...touch, minWidth: 110 }}>
              {method.noLabel ?? '否'}（{method.noPoints}分）
            </Radio.Button>
          </Flex>
        </Radio.Group>
      );
    case 'computed':
      return (
        <Typography.Text type="secondary">
          由系统根据基础数据计算（{method.source}）：{computedText ?? '提交评分表时自动填入'}
        </Typography.Text>
      );
  }
}
