export * from './codes.ts';
export {
  addYears as addTrainingYears,
  cycleContaining,
  cycleDays,
  cycleNumbered,
  latestEndedCycle,
  proratedHours,
  servedShare,
  type CycleLayout,
  type TrainingCycle,
} from './cycle.ts';
export * from './compliance.ts';
export * from './completion-row.ts';
