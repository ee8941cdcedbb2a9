/**
 * The one workflow mechanism (after OpenEMIS): a record type declares its states and transitions, each
 * transition names the capacities allowed to take it ("school_admin of this school", "lead inspector",
 * "district reviewer" — the consuming area's policy decides which capacities an actor has). The server
 * stores the current state and a log of every transition; a send-back is a transition like any other,
 * so it leaves a trace.
 */

/** One state of a workflow. */
export interface WorkflowState {
  label: string;
  /** No transition leaves a final state. */
  isFinal?: boolean;
}

/** One allowed move between states. */
export interface WorkflowTransition<S extends string, A extends string> {
  action: A;
  label: string;
  from: readonly S[];
  to: S;
  /** Capacities that may take this transition. */
  allowed: readonly string[];
  /** A note (reason) is required, e.g. for send-backs and rejections. */
  requiresNote?: boolean;
  /** Marks a send-back (退回) for display and reporting. */
  isSendBack?: boolean;
}

/** A workflow definition. */
export interface WorkflowDefinition<S extends string = string, A extends string = string> {
  key: string;
  name: string;
  initial: S;
  states: Record<S, WorkflowState>;
  transitions: readonly WorkflowTransition<S, A>[];
}

/** The outcome of asking for a transition. */
export type TransitionCheck<S extends string> =
  | { ok: true; to: S; requiresNote: boolean }
  | { ok: false; reason: 'unknown_action' | 'wrong_state' | 'not_allowed' | 'final_state'; message: string };

/** Checks a definition for unknown states, duplicate actions from one state and transitions out of final states. */
export function validateDefinition<S extends string, A extends string>(def: WorkflowDefinition<S, A>): string[] {
  const problems: string[] = [];
  const states = Object.keys(def.states) as S[];
  if (!states.includes(def.initial)) problems.push(`initial state ${def.initial} is not declared`);
  const seen = new Set<string>();
  for (const t of def.transitions) {
    for (const s of [...t.from, t.to]) if (!states.includes(s)) problems.push(`transition ${t.action} names unknown state ${s}`);
    for (const f of t.from) {
      if (def.states[f]?.isFinal) problems.push(`transition ${t.action} leaves final state ${f}`);
      const key = `${f}:${t.action}`;
      if (seen.has(key)) problems.push(`action ${t.action} is declared twice from ${f}`);
      seen.add(key);
    }
    if (t.allowed.length === 0) problems.push(`transition ${t.action} allows nobody`);
  }
  return problems;
}

/** The transitions an actor with these capacities may take from a state. */
export function availableTransitions<S extends string, A extends string>(
  def: WorkflowDefinition<S, A>,
  state: S,
  capacities: readonly string[],
): WorkflowTransition<S, A>[] {
  if (def.states[state]?.isFinal) return [];
  return def.transitions.filter((t) => t.from.includes(state) && t.allowed.some((c) => capacities.includes(c)));
}

/** Decides whether an action may be taken from a state by an actor with these capacities. */
export function checkTransition<S extends string, A extends string>(
  def: WorkflowDefinition<S, A>,
  state: S,
  action: string,
  capacities: readonly string[],
): TransitionCheck<S> {
  const candidates = def.transitions.filter((t) => t.action === action);
  if (candidates.length === 0) return { ok: false, reason: 'unknown_action', message: `未知操作：${action}` };
  if (def.states[state]?.isFinal)
    return { ok: false, reason: 'final_state', message: `当前状态“${def.states[state].label}”已办结，不能再操作` };
  const t = candidates.find((c) => c.from.includes(state));
  if (!t)
    return { ok: false, reason: 'wrong_state', message: `当前状态“${def.states[state]?.label ?? state}”不能执行“${candidates[0]!.label}”` };
  if (!t.allowed.some((c) => capacities.includes(c))) return { ok: false, reason: 'not_allowed', message: `无权执行“${t.label}”` };
  return { ok: true, to: t.to, requiresNote: !!t.requiresNote };
}
