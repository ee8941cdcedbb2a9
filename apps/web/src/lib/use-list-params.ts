import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** List state kept in the URL, so filters and the page survive a visit to a detail page. */
export interface ListParams {
  /** Current filter values (strings; absent filters are missing). */
  filters: Record<string, string>;
  page: number;
  pageSize: number;
  /** Sets or clears filters and goes back to page 1. */
  setFilters: (patch: Record<string, string | number | boolean | null | undefined>) => void;
  setPage: (page: number, pageSize: number) => void;
  /** A stable string of the whole state, for useQuery keys. */
  key: string;
}

/** Reads and writes paging and filters in the query string. */
export function useListParams(defaultPageSize = 20): ListParams {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: Record<string, string> = {};
    params.forEach((value, name) => {
      if (name !== 'page' && name !== 'pageSize') out[name] = value;
    });
    return out;
  }, [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.max(1, Number(params.get('pageSize')) || defaultPageSize);

  const setFilters = useCallback(
    (patch: Record<string, string | number | boolean | null | undefined>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '' || value === false) next.delete(name);
            else next.set(name, String(value));
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('page', String(nextPage));
          next.set('pageSize', String(nextSize));
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { filters, page, pageSize, setFilters, setPage, key: params.toString() };
}
