/** The most bytes (UTF-8) a websocket close reason may hold (RFC 6455: 125 bytes of payload less the 2-byte code). */
export const MAX_CLOSE_REASON_BYTES = 123

const encoder = new TextEncoder()

/**
 * A close reason that fits the frame: short English for logs (the client words what happened by the close code), cut
 * at a character boundary and marked with "..." when a detail made it longer, since a longer one makes `ws` throw.
 */
export function fitCloseReason(reason: string): string {
  if (encoder.encode(reason).length <= MAX_CLOSE_REASON_BYTES) return reason
  let cut = ''
  for (const character of reason) {
    if (encoder.encode(`${cut}${character}...`).length > MAX_CLOSE_REASON_BYTES) break
    cut += character
  }
  return `${cut}...`
}
