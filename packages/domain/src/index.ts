export * from './codes/stages.ts';
export * from './codes/school-types.ts';
export * from './codes/regions.ts';
export * from './codes/enums.ts';
export * from './people/id-number.ts';
export * from './imports/rows.ts';
