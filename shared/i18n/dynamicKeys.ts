/**
 * Per namespace, the key prefixes (ending in `.`) whose keys the code picks at run time, so no `t('…'` names them.
 * Keep it short: a literal key in a `switch` is checked by the catalogue test, a prefix here is not.
 */
export const dynamicKeyPrefixes: Readonly<Record<string, readonly string[]>> = {
  /** Month names by number, 1 to 12. */
  client: ['date.month.'],
}
