/** Labels and option lists of school organisations (the code lists themselves live in @zhiping/contracts). */
import { GROUP_KIND_LABELS, GROUP_KINDS, GroupInput, MEMBER_ROLE_LABELS, type GroupKind, type GroupMember } from '@zhiping/contracts';
import { STAGE_LABELS, type Stage } from '@zhiping/domain';

/** Stages a group may cover: the school stages plus 义务教育 (a 九年一贯 group). */
export type GroupStage = NonNullable<GroupInput['stage']>;
export const GROUP_STAGE_OPTIONS = GroupInput.shape.stage
  .unwrap()
  .unwrap()
  .options.map((value) => ({ value, label: groupStageLabel(value) }));

/** Label of a group's stage; '—' when it spans every stage. */
export function groupStageLabel(stage: string | null): string {
  if (!stage) return '—';
  if (stage === 'compulsory') return '义务教育';
  return STAGE_LABELS[stage as Stage] ?? stage;
}

export const GROUP_KIND_OPTIONS = GROUP_KINDS.map((value) => ({ value, label: GROUP_KIND_LABELS[value] }));

/** Member roles allowed in a kind: 核心校/成员校, or 帮扶校/受援校 in a pairing. */
export function memberRolesOf(kind: GroupKind): GroupMember['role'][] {
  return kind === 'pairing' ? ['helper', 'helped'] : ['core', 'member'];
}

/** Title of the 核心校 column: 帮扶校 for pairings. */
export function coreRoleTitle(kind: GroupKind | undefined): string {
  if (kind === 'pairing') return MEMBER_ROLE_LABELS.helper;
  return kind ? MEMBER_ROLE_LABELS.core : '核心校 / 帮扶校';
}

export type MembershipState = 'current' | 'ended' | 'future';

/** Where a dated membership stands on a day (valid_from ≤ day < valid_to). */
export function membershipState(m: Pick<GroupMember, 'validFrom' | 'validTo'>, day: string): MembershipState {
  if (m.validFrom > day) return 'future';
  if (m.validTo !== null && m.validTo <= day) return 'ended';
  return 'current';
}
