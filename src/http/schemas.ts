import { z } from 'zod';

/** Shared field schemas, so every module validates the same thing the same way. */
export const id = z.string().regex(/^[0-9a-f-]{36}$/i, 'must be an id this API gave out');
export const idParams = z.strictObject({ id });
export const languageTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as ar or en-GB');
export const httpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2048);
export const timestamp = z.iso.datetime({ offset: true });
export const text = (max: number) => z.string().trim().min(1).max(max);
