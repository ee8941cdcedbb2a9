import { z } from 'zod';

export const PopulationQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  basis: z.enum(['registered', 'resident']).optional(),
});

export const PopulationRow = z.object({
  regionCode: z.string(),
  regionName: z.string().nullable(),
  year: z.number().int(),
  age: z.number().int(),
  basis: z.enum(['registered', 'resident']),
  count: z.number().int(),
  source: z.string(),
});
export type PopulationRow = z.infer<typeof PopulationRow>;
