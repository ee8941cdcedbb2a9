/** Routes, split by page with React.lazy so each page's code (and ECharts) loads on demand. */
import type { Permission } from '@zhiping/contracts';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './features/shell/app-layout.tsx';
import { RequireAuth, RequirePermission } from './features/shell/require-auth.tsx';

const LoginPage = lazy(() => import('./features/auth/login.page.tsx'));
const ChangePasswordPage = lazy(() => import('./features/auth/change-password.page.tsx'));
const HomeRedirect = lazy(() => import('./features/shell/home-redirect.tsx'));
const NotFoundPage = lazy(() => import('./features/shell/not-found.page.tsx'));
const SchoolListPage = lazy(() => import('./features/schools/school-list.page.tsx'));
const SchoolDetailPage = lazy(() => import('./features/schools/school-detail.page.tsx'));
const TeacherListPage = lazy(() => import('./features/teachers/teacher-list.page.tsx'));
const TeacherDetailPage = lazy(() => import('./features/teachers/teacher-detail.page.tsx'));
const GroupListPage = lazy(() => import('./features/groups/group-list.page.tsx'));
const GroupDetailPage = lazy(() => import('./features/groups/group-detail.page.tsx'));
const IndicatorOverviewPage = lazy(() => import('./features/indicators/indicator-overview.page.tsx'));
const IndicatorPage = lazy(() => import('./features/indicators/indicator.page.tsx'));
const DrillDownPage = lazy(() => import('./features/indicators/drill-down.page.tsx'));
const SchoolIndicatorsPage = lazy(() => import('./features/indicators/school-indicators.page.tsx'));
const OwnSchoolRedirect = lazy(() => import('./features/shell/own-school-redirect.tsx'));
const AssessmentPage = lazy(() => import('./features/assessments/assessment.page.tsx'));
const DataQualityPage = lazy(() => import('./features/data-quality/data-quality.page.tsx'));
const ScreenPage = lazy(() => import('./features/screen/screen.page.tsx'));
const PopulationPage = lazy(() => import('./features/population/population.page.tsx'));
const ImportsPage = lazy(() => import('./features/imports/imports.page.tsx'));
const UsersPage = lazy(() => import('./features/users/users.page.tsx'));
const AuditPage = lazy(() => import('./features/audit/audit.page.tsx'));
const TemplateListPage = lazy(() => import('./features/evaluations/template-list.page.tsx'));
const TemplateDetailPage = lazy(() => import('./features/evaluations/template-detail.page.tsx'));
const CampaignListPage = lazy(() => import('./features/evaluations/campaign-list.page.tsx'));
const CampaignDetailPage = lazy(() => import('./features/evaluations/campaign-detail.page.tsx'));
const EvaluationListPage = lazy(() => import('./features/evaluations/evaluation-list.page.tsx'));
const EvaluationDetailPage = lazy(() => import('./features/evaluations/evaluation-detail.page.tsx'));
const ScoringPage = lazy(() => import('./features/evaluations/scoring.page.tsx'));
const ConsolidationPage = lazy(() => import('./features/evaluations/consolidation.page.tsx'));
const ResultPage = lazy(() => import('./features/evaluations/result.page.tsx'));
const RectificationListPage = lazy(() => import('./features/rectification/rectification-list.page.tsx'));
const RectificationDetailPage = lazy(() => import('./features/rectification/rectification-detail.page.tsx'));
const InspectorsPage = lazy(() => import('./features/inspectors/inspectors.page.tsx'));
const VisitRecordPage = lazy(() => import('./features/inspectors/visit-record.page.tsx'));
const PlatePage = lazy(() => import('./features/inspectors/plate.page.tsx'));
const TrainingCompliancePage = lazy(() => import('./features/training/compliance.page.tsx'));
const TrainingCourseListPage = lazy(() => import('./features/training/course-list.page.tsx'));
const TrainingCourseDetailPage = lazy(() => import('./features/training/course-detail.page.tsx'));
const TrainingSessionDetailPage = lazy(() => import('./features/training/session-detail.page.tsx'));
const TrainingImportPage = lazy(() => import('./features/training/completion-import.page.tsx'));
const TrainingOutsidePage = lazy(() => import('./features/training/outside-list.page.tsx'));
const MyTrainingPage = lazy(() => import('./features/training/my-training.page.tsx'));
const TrainingRulesPage = lazy(() => import('./features/training/rules.page.tsx'));
// pages: training
const GrowthTeacherGrowthPage = lazy(() => import('./features/growth/teacher-growth.page.tsx'));
const GrowthDashboardPage = lazy(() => import('./features/growth/district-dashboard.page.tsx'));
const GrowthSchoolDevelopmentPage = lazy(() => import('./features/growth/school-development.page.tsx'));
const GrowthOwnSchoolDevelopmentPage = lazy(() =>
  import('./features/growth/school-development.page.tsx').then((m) => ({ default: m.OwnSchoolDevelopmentRedirect })),
);
const GrowthStudioListPage = lazy(() => import('./features/growth/studio-list.page.tsx'));
const GrowthStudioDetailPage = lazy(() => import('./features/growth/studio-detail.page.tsx'));
const GrowthTeamListPage = lazy(() => import('./features/growth/team-list.page.tsx'));
const GrowthTeamDetailPage = lazy(() => import('./features/growth/team-detail.page.tsx'));
const GrowthRoundListPage = lazy(() => import('./features/growth/round-list.page.tsx'));
const GrowthRoundDetailPage = lazy(() => import('./features/growth/round-detail.page.tsx'));
const GrowthTestAnalysisPage = lazy(() => import('./features/growth/test-analysis.page.tsx'));
// pages: growth
const AwardCallListPage = lazy(() => import('./features/awards/award-call-list.page.tsx'));
const AwardCallFormPage = lazy(() => import('./features/awards/award-call-form.page.tsx'));
const AwardCallDetailPage = lazy(() => import('./features/awards/award-call-detail.page.tsx'));
const AwardApplicationFormPage = lazy(() => import('./features/awards/award-application-form.page.tsx'));
const AwardApplicationDetailPage = lazy(() => import('./features/awards/award-application-detail.page.tsx'));
const AwardReviewsPage = lazy(() => import('./features/awards/award-reviews.page.tsx'));
const AwardReviewSheetPage = lazy(() => import('./features/awards/award-review-sheet.page.tsx'));
// pages: awards
// pages: rotation
const RotationRulesPage = lazy(() => import('./features/rotation/rules.page.tsx'));
const RotationEligiblePage = lazy(() => import('./features/rotation/eligible.page.tsx'));
const RotationPlansPage = lazy(() => import('./features/rotation/plans.page.tsx'));
const RotationPlanDetailPage = lazy(() => import('./features/rotation/plan-detail.page.tsx'));
const RotationReportsPage = lazy(() => import('./features/rotation/reports.page.tsx'));
const RotationSchoolReviewPage = lazy(() => import('./features/rotation/school-review.page.tsx'));
const MyRotationPage = lazy(() => import('./features/rotation/my-rotation.page.tsx'));
// pages: ethics
const EthicsReportPage = lazy(() => import('./features/ethics/report.page.tsx'));
const EthicsTrackPage = lazy(() => import('./features/ethics/track.page.tsx'));
const EthicsCaseListPage = lazy(() => import('./features/ethics/case-list.page.tsx'));
const EthicsCaseDetailPage = lazy(() => import('./features/ethics/case-detail.page.tsx'));
const EthicsMonitoringPage = lazy(() => import('./features/ethics/monitoring.page.tsx'));
const EthicsReviewsPage = lazy(() => import('./features/ethics/reviews.page.tsx'));
const EthicsMyMattersPage = lazy(() => import('./features/ethics/my-matters.page.tsx'));
// pages: supervision

/** A guarded page route; district-only pages need the permission through a district-wide role. */
function page(path: string, Page: LazyExoticComponent<ComponentType>, anyOf: readonly Permission[], isDistrictOnly = false): RouteObject {
  return {
    path,
    element: (
      <RequirePermission anyOf={anyOf} isDistrictOnly={isDistrictOnly}>
        <Page />
      </RequirePermission>
    ),
  };
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  // Public ethics reporting channel (no sign-in).
  { path: '/report', element: <EthicsReportPage /> },
  { path: '/report/track', element: <EthicsTrackPage /> },
  {
    element: <RequireAuth />,
    children: [
      page('/screen', ScreenPage, ['base:read'], true),
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          page('/indicators', IndicatorOverviewPage, ['base:read']),
          page('/indicators/schools/:id', SchoolIndicatorsPage, ['base:read']),
          page('/indicators/:code', IndicatorPage, ['base:read']),
          page('/indicators/:code/schools/:schoolId', DrillDownPage, ['base:read']),
          page('/my-school', OwnSchoolRedirect, ['base:read']),
          page('/assessments/:kind', AssessmentPage, ['base:read'], true),
          page('/data-quality', DataQualityPage, ['base:read']),
          page('/schools', SchoolListPage, ['base:read']),
          page('/schools/:id', SchoolDetailPage, ['base:read']),
          page('/teachers', TeacherListPage, ['teachers:read']),
          page('/teachers/:id', TeacherDetailPage, ['teachers:read']),
          page('/groups', GroupListPage, ['base:read']),
          page('/groups/:id', GroupDetailPage, ['base:read']),
          page('/population', PopulationPage, ['base:read']),
          page('/imports', ImportsPage, ['imports:run']),
          page('/users', UsersPage, ['users:manage', 'roles:assign']),
          page('/audit', AuditPage, ['audit:read']),
          page('/evaluation-templates', TemplateListPage, ['base:read'], true),
          page('/evaluation-templates/:id', TemplateDetailPage, ['base:read']),
          page('/campaigns', CampaignListPage, ['base:read'], true),
          page('/campaigns/:id', CampaignDetailPage, ['base:read'], true),
          page('/evaluations', EvaluationListPage, ['base:read']),
          page('/evaluations/:id', EvaluationDetailPage, ['base:read']),
          page('/evaluations/:id/sheets/:sheet', ScoringPage, ['base:read']),
          page('/evaluations/:id/consolidation', ConsolidationPage, ['base:read']),
          page('/evaluations/:id/result', ResultPage, ['base:read']),
          page('/rectifications', RectificationListPage, ['base:read']),
          page('/rectifications/:id', RectificationDetailPage, ['base:read']),
          page('/inspectors', InspectorsPage, ['base:read'], true),
          page('/inspectors/visits/new', VisitRecordPage, ['base:read'], true),
          page('/inspectors/plate/:schoolId', PlatePage, ['base:read']),
          page('/training/compliance', TrainingCompliancePage, ['base:read']),
          page('/training/courses', TrainingCourseListPage, ['base:read']),
          page('/training/courses/:id', TrainingCourseDetailPage, ['base:read']),
          page('/training/sessions/:id', TrainingSessionDetailPage, ['base:read']),
          page('/training/import', TrainingImportPage, ['base:read']),
          page('/training/outside', TrainingOutsidePage, ['base:read']),
          page('/training/rules', TrainingRulesPage, ['base:read']),
          page('/my-training', MyTrainingPage, ['teachers:read']),
          // routes: training
          page('/my-growth', GrowthTeacherGrowthPage, ['teachers:read']),
          page('/teachers/:id/growth', GrowthTeacherGrowthPage, ['teachers:read']),
          page('/teacher-development', GrowthDashboardPage, ['base:read'], true),
          page('/teacher-development/schools/:id', GrowthSchoolDevelopmentPage, ['base:read']),
          page('/my-teacher-development', GrowthOwnSchoolDevelopmentPage, ['base:read']),
          page('/growth/studios', GrowthStudioListPage, ['teachers:read']),
          page('/growth/studios/:id', GrowthStudioDetailPage, ['teachers:read']),
          page('/growth/teams', GrowthTeamListPage, ['teachers:read']),
          page('/growth/teams/:id', GrowthTeamDetailPage, ['teachers:read']),
          page('/growth/rounds', GrowthRoundListPage, ['teachers:read']),
          page('/growth/rounds/:id', GrowthRoundDetailPage, ['teachers:read']),
          page('/growth/tests', GrowthTestAnalysisPage, ['teachers:read']),
          // routes: growth
          page('/awards', AwardCallListPage, ['base:read', 'teachers:read']),
          page('/awards/calls/new', AwardCallFormPage, ['base:read'], true),
          page('/awards/calls/:id/edit', AwardCallFormPage, ['base:read'], true),
          page('/awards/calls/:id/apply', AwardApplicationFormPage, ['base:read']),
          page('/awards/calls/:id', AwardCallDetailPage, ['base:read', 'teachers:read']),
          page('/awards/applications/:applicationId', AwardApplicationDetailPage, ['base:read', 'teachers:read']),
          page('/awards/applications/:applicationId/edit', AwardApplicationFormPage, ['base:read']),
          page('/awards/reviews', AwardReviewsPage, ['base:read', 'teachers:read']),
          page('/awards/reviews/:id', AwardReviewSheetPage, ['base:read', 'teachers:read']),
          // routes: awards
          // routes: rotation
          page('/rotation/rules', RotationRulesPage, ['base:read'], true),
          page('/rotation/eligible', RotationEligiblePage, ['base:read']),
          page('/rotation/plans', RotationPlansPage, ['base:read'], true),
          page('/rotation/plans/:id', RotationPlanDetailPage, ['base:read'], true),
          page('/rotation/reports', RotationReportsPage, ['base:read'], true),
          page('/rotation/review', RotationSchoolReviewPage, ['base:read']),
          page('/my-rotation', MyRotationPage, ['teachers:read']),
          // routes: ethics
          page('/ethics/cases', EthicsCaseListPage, ['base:read']),
          page('/ethics/cases/:id', EthicsCaseDetailPage, ['base:read']),
          page('/ethics/monitoring', EthicsMonitoringPage, ['base:read'], true),
          page('/ethics/reviews', EthicsReviewsPage, ['base:read']),
          page('/ethics/my-matters', EthicsMyMattersPage, ['teachers:read']),
          // routes: supervision
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
