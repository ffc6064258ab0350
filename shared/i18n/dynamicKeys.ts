/**
 * Per namespace, the key prefixes (ending in `.`) whose keys the code picks at run time, so no `t('…'` names them.
 * Keep it short: a literal key in a `switch` is checked by the catalogue test, a prefix here is not.
 */
export const dynamicKeyPrefixes: Readonly<Record<string, readonly string[]>> = {
  /** Month names by number, 1 to 12. */
  client: ['date.month.'],
  /** A closed amendment's status, zod issue kinds (issueMessage.ts), and body-parser failures by their type (errorHandlers.ts). */
  server: ['amendment_closed.', 'validation.', 'bad_path', 'bad_request', 'body_unreadable', 'entity_parse_failed', 'entity_too_large'],
  /** A delegation's signature status (exportData.ts). */
  exports: ['status.signed'],
  /** A silence's outcome (verifySilence.ts), a signature's kind and a log entry's fault (verifyEvidence.ts), and which file failed to read (verifyMain.ts). */
  verify: ['detail.outcomeWrong.', 'detail.outcomeNotRecorded.', 'detail.validSignature', 'detail.altered', 'detail.missing', 'detail.unlinked', 'notBundle', 'notKeyList'],
}
