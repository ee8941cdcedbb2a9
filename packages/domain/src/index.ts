export * from './codes/stages.ts';
export * from './codes/school-types.ts';
export * from './codes/regions.ts';
export * from './codes/enums.ts';
export * from './people/id-number.ts';
export * from './imports/rows.ts';
export * from './imports/cells.ts';
export * from './imports/code-domains.ts';
export * from './imports/templates.ts';
export * from './imports/row-reader.ts';
export * from './imports/validate-row.ts';
export * from './imports/validate-teachers.ts';
export * from './imports/format-row.ts';
export * from './workflow/workflow.ts';
export * from './demo/index.ts';
export * from './indicators/index.ts';
export * from './evaluation/index.ts';
export * from './training/index.ts';
// domain: training
export * from './growth/index.ts';
// domain: growth
export * from './awards/index.ts';
// domain: awards
// domain: rotation
export * from './rotation/index.ts';
// domain: ethics
export * from './ethics/index.ts';
