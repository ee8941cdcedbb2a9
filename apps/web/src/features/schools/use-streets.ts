import type { Street } from '@zhiping/contracts';
import { useQuery } from '../../lib/use-query.ts';
import { fetchDistrict } from './schools-api.ts';

/** The streets (街镇) of the district, for filters and forms. */
export function useStreets(): Street[] {
  const { data } = useQuery('district', fetchDistrict);
  return data?.streets ?? [];
}
