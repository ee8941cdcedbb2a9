export * from './labels.ts';
export * from './consolidation.ts';
export * from './selection.ts';
export * from './test-analysis.ts';
export * from './targets.ts';
