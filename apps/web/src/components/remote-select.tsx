/** A select that searches its options on the server as the user types (debounced, stale answers dropped). */
import { Select } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { errorMessage } from '../lib/api-error.ts';

export interface RemoteOption {
  value: number;
  label: string;
}

export interface RemoteSelectProps {
  /** Loads the options matching the search text ('' for the first page). */
  fetchOptions: (search: string, signal: AbortSignal) => Promise<RemoteOption[]>;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder: string;
  /** Shown when the search finds nothing. */
  notFoundText: string;
  allowClear?: boolean;
  style?: CSSProperties;
  /** Shown for the current value before any search (e.g. the name stored on a record). */
  initialLabel?: string | null;
  id?: string;
  'aria-label'?: string;
}

export function RemoteSelect(props: RemoteSelectProps) {
  const { fetchOptions, value, onChange, initialLabel } = props;
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<RemoteOption[]>([]);
  const [isLoading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const fetchRef = useRef(fetchOptions);
  fetchRef.current = fetchOptions;

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      fetchRef
        .current(search.trim(), controller.signal)
        .then((next) => {
          setOptions(next);
          setLoadError(null);
        })
        .catch((e: unknown) => {
          if (controller.signal.aborted) return;
          setOptions([]);
          setLoadError(errorMessage(e));
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search]);

  const withCurrent =
    value && initialLabel && !options.some((o) => o.value === value) ? [{ value, label: initialLabel }, ...options] : options;

  return (
    <Select<number>
      id={props.id}
      aria-label={props['aria-label']}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={withCurrent}
      loading={isLoading}
      allowClear={props.allowClear ?? true}
      placeholder={props.placeholder}
      notFoundContent={isLoading ? '搜索中…' : (loadError ?? props.notFoundText)}
      style={{ minWidth: 220, ...props.style }}
    />
  );
}
