import type { ImportJob } from '@zhiping/contracts';
import { useEffect, useState } from 'react';
import { fetchImportJob, isJobActive } from './imports-api.ts';

const POLL_MS = 1000;

/**
 * Follows one import job: starts from the job the server returned (upload, commit or history) and
 * polls GET /imports/:id while the server is parsing or committing.
 */
export function useImportJob(initial: ImportJob | null) {
  const [job, setJob] = useState<ImportJob | null>(initial);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    setJob(initial);
    setError(undefined);
  }, [initial]);

  const jobId = job?.id;
  const isActive = job ? isJobActive(job) : false;
  useEffect(() => {
    if (!jobId || !isActive) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      timer = setTimeout(() => {
        fetchImportJob(jobId, controller.signal)
          .then((next) => {
            setJob(next);
            setError(undefined);
            if (isJobActive(next)) poll();
          })
          .catch((e: unknown) => {
            if (controller.signal.aborted) return;
            setError(e);
            poll();
          });
      }, POLL_MS);
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, isActive]);

  return { job, setJob, error };
}
