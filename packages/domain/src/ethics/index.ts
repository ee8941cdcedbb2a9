export * from './rules.ts';
export * from './periods.ts';
