// The digest a page's error carries when Warden cannot reach its database (set on the server by
// pageErrorOf in server/unavailable.ts, where every page reads its viewer), so that the error
// page, which sees only the digest in production, can say what happened instead of the generic
// "Something went wrong".
export const UNAVAILABLE_DIGEST = "WARDEN_DATABASE_UNAVAILABLE";
