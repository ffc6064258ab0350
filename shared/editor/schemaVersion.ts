/** Bumped whenever the editor schema changes; clients with another version are refused. */
export const EDITOR_SCHEMA_VERSION = 1
