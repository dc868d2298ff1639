import type { Locale } from '../locales';
import { feedsEn, type FeedMessages } from './feeds-en';
import { feedsNb } from './feeds-nb';

export type { FeedMessages };

const MESSAGES: Record<Locale, FeedMessages> = { en: feedsEn, nb: feedsNb };

/** The Atom feeds' words, apart from the main dictionary: feed readers get them by ?lang=, not the cookie. */
export const feedMessagesFor = (locale: Locale): FeedMessages => MESSAGES[locale];
