/** Every module's routes with their prefix under /api/v1. Add a module here. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportRoutes } from './imports/export.routes.ts';
import { importRoutes } from './imports/import.routes.ts';
import { districtRoutes, schoolRoutes } from './schools/school.routes.ts';
import { teacherRoutes } from './teachers/teacher.routes.ts';
import { populationRoutes } from './population/population.routes.ts';
import { userRoutes } from './users/user.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { groupRoutes } from './groups/group.routes.ts';
import { indicatorRoutes, schoolIndicatorRoutes } from './indicators/indicator.routes.ts';
import { assessmentRoutes } from './assessments/assessment.routes.ts';
import { dataQualityRoutes } from './data-quality/data-quality.routes.ts';
import { templateRoutes } from './evaluations/template.routes.ts';
import { campaignRoutes } from './evaluations/campaign.routes.ts';
import { evaluationRoutes } from './evaluations/evaluation.routes.ts';
import { scoringRoutes } from './evaluations/scoring.routes.ts';
import { rectificationRoutes } from './rectification/rectification.routes.ts';
import { inspectorRoutes } from './inspectors/inspector.routes.ts';
import { trainingRoutes } from './training/training.routes.ts';
// routes import: training
import { growthRoutes } from './growth/growth.routes.ts';
// routes import: growth
import { awardRoutes } from './awards/award.routes.ts';
// routes import: awards
// routes import: rotation
import { rotationRoutes } from './rotation/rotation.routes.ts';
// routes import: ethics
import { ethicsRoutes } from './ethics/ethics.routes.ts';
import { publicEthicsRoutes } from './ethics/public.routes.ts';

export const MODULE_ROUTES: [string, FastifyPluginAsyncZod][] = [
  ['/imports', importRoutes],
  ['/exports', exportRoutes],
  ['/district', districtRoutes],
  ['/schools', schoolRoutes],
  ['/teachers', teacherRoutes],
  ['/population', populationRoutes],
  ['/users', userRoutes],
  ['/audit', auditRoutes],
  ['/groups', groupRoutes],
  ['/indicators', indicatorRoutes],
  ['/schools', schoolIndicatorRoutes],
  ['/assessments', assessmentRoutes],
  ['/data-quality', dataQualityRoutes],
  ['/evaluation-templates', templateRoutes],
  ['/campaigns', campaignRoutes],
  ['/evaluations', evaluationRoutes],
  ['/evaluations', scoringRoutes],
  ['/rectifications', rectificationRoutes],
  ['/inspectors', inspectorRoutes],
  ['/training', trainingRoutes],
  // routes: training
  ['/growth', growthRoutes],
  // routes: growth
  ['/awards', awardRoutes],
  // routes: awards
  // routes: rotation
  ['/rotation', rotationRoutes],
  // routes: ethics
  ['/ethics', ethicsRoutes],
  ['/public/ethics', publicEthicsRoutes],
];
