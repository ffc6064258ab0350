/**
 * Websocket close codes. 4400-4499 tell the stock provider to stop reconnecting (refused for good);
 * 1013 and 4500+ mean "try again later" (the stock provider reconnects).
 */
export const CloseCode = {
  malformedMessage: 4400,
  /** The session ended (signed out everywhere, or expired). */
  unauthorized: 4401,
  /** Access to this declaration was removed. */
  forbidden: 4403,
  /** A read-only session tried to change the text. */
  readOnly: 4405,
  /** The participant's role changed; the client reopens with its new rights. */
  roleChanged: 4409,
  schemaMismatch: 4426,
  /** The connection sent messages or bytes faster than anyone types, even after being slowed down. */
  tooManyMessages: 4429,
  /** More arrived before the declaration finished loading than a page ever sends then. */
  tooMuchBeforeLoad: 4413,
  /** The person already has as many connections open as one person may. */
  tooManyConnections: 4430,
  /** The update added changes under a writer id another open connection speaks for; reconnecting resyncs. */
  writerConflict: 4509,
  /**
   * The server refused a change (too large, outside the editor schema, or not allowed in the text now). None of it was
   * applied. The client drops its unsent changes, resyncs to the server's text, keeps the person's unsent words as a
   * draft they are shown, and goes on working: a refused change never blocks later ones.
   */
  changeRefused: 4522,
  /** The declaration's stored history is damaged; the server keeps it untouched until it is restored. */
  documentDamaged: 1011,
  serverShuttingDown: 1012,
  tryAgainLater: 1013,
  tooLarge: 1009,
} as const
