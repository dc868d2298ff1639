import type { Locale } from '../locales';
import { mapChangesEn, type MapChangeMessages } from './map-changes-en';
import { mapChangesNb } from './map-changes-nb';

const MESSAGES: Record<Locale, MapChangeMessages> = { en: mapChangesEn, nb: mapChangesNb };

/** The words of changes on the map, apart from the main dictionary like the insight layer's. */
export const mapChangeMessagesFor = (locale: Locale): MapChangeMessages => MESSAGES[locale];
