import type { Locale } from '../locales';
import { en, type Messages } from './en';
import { nb } from './nb';

export type { Messages };

const MESSAGES: Record<Locale, Messages> = { en, nb };

export const messagesFor = (locale: Locale): Messages => MESSAGES[locale];
