export * from './rules.ts';
export * from './model.ts';
export * from './optimizer.ts';
export * from './exact.ts';
export * from './workflow.ts';
export * from './synthetic.ts';
