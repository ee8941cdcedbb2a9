export * from './award-rules.ts';
export * from './award-workflow.ts';
export * from './consolidation.ts';
export * from './ranking.ts';
export * from './conflicts.ts';
export * from './drawing.ts';
export * from './publicity.ts';
