/** A message the client sent that the server refuses; the connection closes with its code and reason. */
export class ProtocolViolation extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason)
  }
}
