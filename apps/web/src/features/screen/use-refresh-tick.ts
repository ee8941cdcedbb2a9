import { useEffect, useState } from 'react';

/** A counter that goes up every `ms` milliseconds (drives the big screen's auto-refresh) and the time of the last tick. */
export function useRefreshTick(ms: number): { tick: number; at: Date } {
  const [state, setState] = useState({ tick: 0, at: new Date() });
  useEffect(() => {
    const timer = setInterval(() => setState((s) => ({ tick: s.tick + 1, at: new Date() })), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return state;
}
