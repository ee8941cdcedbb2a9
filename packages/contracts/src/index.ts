import './locale.ts';
export * from './errors.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './permissions.ts';
export * from './schools.ts';
export * from './teachers.ts';
export * from './population.ts';
export * from './users.ts';
export * from './imports.ts';
export * from './groups.ts';
export * from './indicators.ts';
export * from './evaluations.ts';
export * from './training.ts';
// contracts: training
export * from './growth.ts';
// contracts: growth
export * from './awards.ts';
// contracts: awards
// contracts: rotation
export * from './rotation.ts';
// contracts: ethics
export * from './ethics.ts';
