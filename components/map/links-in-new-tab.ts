import { createContext } from 'react';

/** True inside the embed: the full site refuses to be framed, so its links open in a new tab. */
export const LinksInNewTab = createContext(false);
