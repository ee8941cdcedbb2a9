/**
 * The indicator engine's pure core: definitions, versioned thresholds, the weighted CV, the
 * one-through split, every indicator computation, the two county assessments and the what-if plans.
 */
export * from './types.ts';
export * from './sources.ts';
export * from './catalog-balanced.ts';
export * from './catalog-compulsory.ts';
export * from './catalog-other.ts';
export * from './catalog.ts';
export * from './thresholds.ts';
export * from './compute.ts';
export * from './format.ts';
export * from './cv.ts';
export * from './split.ts';
export * from './balanced.ts';
export * from './balanced-stage.ts';
export * from './class-size.ts';
export * from './compulsory.ts';
export * from './retention.ts';
export * from './population.ts';
export * from './preschool.ts';
export * from './high-school.ts';
export * from './teachers.ts';
export * from './teacher-development.ts';
export * from './organisation.ts';
export * from './assessment-items.ts';
export * from './assessment.ts';
export * from './what-if.ts';
export * from './district-plan.ts';
