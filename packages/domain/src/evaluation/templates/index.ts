/** The built-in rubric templates a district copies and edits. */
import type { RubricTemplate } from '../rubric.ts';
import { BOTTOM_LINE_TEMPLATE } from './bottom-line.ts';
import { KINDERGARTEN_CARE_QUALITY_TEMPLATE } from './kindergarten-care-quality.ts';
import { KINDERGARTEN_CONDUCT_TEMPLATE } from './kindergarten-conduct.ts';
import { RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE } from './responsible-inspector.ts';
import { SCHOOL_QUALITY_TEMPLATE } from './school-quality.ts';

export {
  BOTTOM_LINE_TEMPLATE,
  KINDERGARTEN_CARE_QUALITY_TEMPLATE,
  KINDERGARTEN_CONDUCT_TEMPLATE,
  RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE,
  SCHOOL_QUALITY_TEMPLATE,
};

/** All built-in templates, in the order the UI lists them. */
export const BUILT_IN_TEMPLATES: readonly RubricTemplate[] = [
  KINDERGARTEN_CONDUCT_TEMPLATE,
  KINDERGARTEN_CARE_QUALITY_TEMPLATE,
  SCHOOL_QUALITY_TEMPLATE,
  BOTTOM_LINE_TEMPLATE,
  RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE,
];
