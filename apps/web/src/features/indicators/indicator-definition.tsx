/** The definition of an indicator as the catalog states it: formula, source document, unit, thresholds by stage. */
import type { IndicatorCatalog } from '@zhiping/contracts';
import { Descriptions, Tag, Typography } from 'antd';
import { stageName, thresholdSource, thresholdText } from './indicator-format.ts';

type Definition = IndicatorCatalog['items'][number];

const CONFIDENCE: Record<Definition['confidence'], string> = { V: '已核实', P: '部分核实', U: '待核实' };

export function IndicatorDefinitionInfo({ def }: { def: Definition }) {
  const items = [
    { key: 'definition', label: '定义', children: def.definition, span: 'filled' as const },
    {
      key: 'source',
      label: '来源文件',
      children: `${def.source.document}${def.source.article ? ` ${def.source.article}` : ''}`,
      span: 'filled' as const,
    },
    { key: 'numerator', label: '分子', children: def.numeratorLabel },
    { key: 'denominator', label: '分母', children: def.denominatorLabel },
    { key: 'direction', label: '方向', children: def.direction === 'min' ? '越高越好（下限）' : '越低越好（上限）' },
    { key: 'stages', label: '适用学段', children: def.stages.map(stageName).join('、') || '—' },
    { key: 'confidence', label: '口径核实', children: <Tag>{CONFIDENCE[def.confidence]}</Tag> },
    {
      key: 'computed',
      label: '数据来源',
      children: def.computedFromData ? '由基础数据计算' : '由督导评估人工认定',
    },
    {
      key: 'thresholds',
      label: '现行标准',
      span: 'filled' as const,
      children: def.thresholds.some((t) => t.threshold) ? (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {def.thresholds.map((t) =>
            t.threshold ? (
              <li key={t.stage ?? 'all'}>
                {t.stage ? `${stageName(t.stage)}：` : ''}
                <strong>{thresholdText(def.code, t.threshold)}</strong>（{thresholdSource(t.threshold)}，自 {t.threshold.effectiveFrom} 起）
              </li>
            ) : null,
          )}
        </ul>
      ) : (
        '无适用标准（只监测，不判定达标）'
      ),
    },
  ];
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      {def.note && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          说明：{def.note}
        </Typography.Paragraph>
      )}
    </>
  );
}
