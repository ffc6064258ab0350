/** The largest websocket frame the server reads; a larger one closes the socket with 1009. */
export const MAX_FRAME_BYTES = 1024 * 1024

/**
 * The largest piece a client sends changes in: well under the frame limit, so the frame's own bytes and an estimate
 * that comes out a little short still fit, and one piece never holds the server up for long.
 */
export const MAX_PIECE_BYTES = 256 * 1024
