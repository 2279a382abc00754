/** The API's version; it matches the newest heading of docs/api-changelog.md (a test checks). */
export const API_VERSION = '2.0.0-beta.7';
