/** Holds the signed-in user for the whole app and wires the API client's session hooks. */
import type { Me } from '@zhiping/contracts';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken, setSessionHooks } from '../../lib/api-client.ts';
import { fetchMe, logout as logoutRequest } from './auth-api.ts';

interface AuthValue {
  /** The user, or null when signed out. */
  me: Me | null;
  /** False until the start-up probe of /auth/me has answered. */
  isReady: boolean;
  /** A start-up failure other than "not signed in" (server down). */
  startError: unknown;
  setMe: (me: Me | null) => void;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Provides the current user; probes /auth/me once at start-up. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(null);
  const [isReady, setReady] = useState(false);
  const [startError, setStartError] = useState<unknown>(undefined);

  const setMe = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMeState(next);
  }, []);

  useEffect(() => {
    setSessionHooks({
      onUnauthenticated: () => setMe(null),
      onMustChangePassword: () => setMeState((m) => (m ? { ...m, mustChangePassword: true } : m)),
    });
    fetchMe()
      .then((m) => setMe(m))
      .catch((e: unknown) => setStartError(e))
      .finally(() => setReady(true));
  }, [setMe]);

  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } finally {
      setMe(null);
    }
  }, [setMe]);

  const value = useMemo(() => ({ me, isReady, startError, setMe, logout }), [me, isReady, startError, setMe, logout]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

/** The auth state; use inside AuthProvider. */
export function useAuth(): AuthValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in user; use only on pages behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe used without a signed-in user');
  return me;
}
