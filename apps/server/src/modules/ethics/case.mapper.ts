/** Ethics case rows → API shapes (decrypting the fields the caller may read). */
import type { EthicsCaseSummary } from '@zhiping/contracts';
import { ETHICS_CASE_WORKFLOW, categoryLabel, ethicsRulesByVersion, type EthicsCaseState } from '@zhiping/domain';
import type { FieldCrypto } from '../../platform/crypto.ts';
import type { CaseSummaryRow } from './case.repository.ts';

/** The case number people quote, e.g. SD2026-00012. */
export function caseNumber(id: number, receivedOn: string): string {
  return `SD${receivedOn.slice(0, 4)}-${String(id).padStart(5, '0')}`;
}

/** The label of a state. */
export function stateLabel(state: string): string {
  return ETHICS_CASE_WORKFLOW.states[state as EthicsCaseState]?.label ?? state;
}

/** Decrypts an optional field. */
export function open(crypto: FieldCrypto, value: string | null | undefined): string | null {
  return value == null ? null : crypto.decrypt(value);
}

/** One row of a case list. */
export function toCaseSummary(r: CaseSummaryRow & { current_due: string | null }, today: string): EthicsCaseSummary {
  return {
    id: r.id,
    caseNo: caseNumber(r.id, r.received_on),
    source: r.source,
    receivedOn: r.received_on,
    state: r.state,
    stateLabel: stateLabel(r.state),
    category: r.category,
    categoryLabel: categoryLabel(ethicsRulesByVersion(r.rules_version), r.category),
    schoolId: r.school_id,
    schoolName: r.school_name,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name,
    handlerLevel: r.handler_level,
    handlerName: r.handler_level === 'district' ? `区师德办（${r.handler_name ?? ''}）` : r.handler_name,
    currentDue: r.current_due,
    isOverdue: r.current_due !== null && today > r.current_due,
  };
}
