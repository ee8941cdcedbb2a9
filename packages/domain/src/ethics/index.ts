export * from './rules.ts';
export * from './periods.ts';
export * from './ethics-workflow.ts';
