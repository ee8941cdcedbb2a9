/** The demo district generator (pure): see generate.ts. */
export { generateDemoDistrict, DEMO_SEED, type DemoDistrict } from './generate.ts';
export { DEMO_DISTRICT_NAME, DEMO_REGION_CODE, type DemoSchool, type DemoStreet, type StreetKind } from './layout.ts';
export { DEMO_YEARS } from './enrolment.ts';
export { DEMO_REFERENCE_DATE } from './teachers.ts';
export { DEMO_ACCOUNT_SCHOOL, type DemoAccount, type DemoRole } from './accounts.ts';
export type { DemoRecognition, DemoTransfer } from './careers.ts';
export type { DemoGap } from './conditions.ts';
