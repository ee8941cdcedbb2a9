/** The pure core of the supervision and evaluation engine (督导评估): rubrics, scoring, consolidation, versions, assignment, rectification, statistics and built-in templates. */
export * from './rubric.ts';
export * from './computed-sources.ts';
export * from './validate-rubric.ts';
export * from './scoring.ts';
export * from './aggregation.ts';
export * from './consolidation.ts';
export * from './versioning.ts';
export * from './conflicts.ts';
export * from './rectification.ts';
export * from './statistics.ts';
export * from './evaluation-workflow.ts';
export * from './templates/index.ts';
