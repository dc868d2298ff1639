import { z } from 'zod';
import { LOCALES } from '../i18n/locales';

/** Feed readers send no language cookie: English, or the language in the feed's own address. */
export const feedParamsSchema = z.object({
  lang: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).default('en'),
});
