import type { Locale } from '../locales';
import { insightsEn, type InsightMessages } from './insights-en';
import { insightsNb } from './insights-nb';

export type { InsightMessages };

const MESSAGES: Record<Locale, InsightMessages> = { en: insightsEn, nb: insightsNb };

/** The insight layer's words, kept apart from the main dictionary so each can grow on its own. */
export const insightMessagesFor = (locale: Locale): InsightMessages => MESSAGES[locale];
