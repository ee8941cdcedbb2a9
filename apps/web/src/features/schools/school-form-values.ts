/** Conversion between the school form's values (dayjs dates, undefined) and the API's shapes. */
import type { SchoolDetail, SchoolInput } from '@zhiping/contracts';
import dayjs, { type Dayjs } from 'dayjs';

export interface SchoolFormValues {
  code?: string;
  name: string;
  typeCode: string;
  sponsor: 'public' | 'private';
  isInclusive?: boolean;
  urbanRuralCode: string;
  streetId?: number | null;
  address?: string;
  longitude?: number | null;
  latitude?: number | null;
  openedOn?: Dayjs | null;
}

/** YYYY-MM-DD of a picked date, or null. */
export function isoOf(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

/** The form values as SchoolInput (without the code for updates). */
export function toSchoolInput(v: SchoolFormValues): Omit<SchoolInput, 'code'> {
  return {
    name: v.name,
    typeCode: v.typeCode,
    sponsor: v.sponsor,
    isInclusive: v.isInclusive ?? false,
    urbanRuralCode: v.urbanRuralCode,
    streetId: v.streetId ?? null,
    address: v.address ?? '',
    longitude: v.longitude ?? null,
    latitude: v.latitude ?? null,
    openedOn: isoOf(v.openedOn),
  };
}

/** Form values of an existing school. */
export function formValuesOf(s: SchoolDetail): SchoolFormValues {
  return {
    name: s.name,
    typeCode: s.typeCode,
    sponsor: s.sponsor,
    isInclusive: s.isInclusive,
    urbanRuralCode: s.urbanRuralCode,
    streetId: s.streetId,
    address: s.address,
    longitude: s.longitude,
    latitude: s.latitude,
    openedOn: s.openedOn ? dayjs(s.openedOn) : null,
  };
}
