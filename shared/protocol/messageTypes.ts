/** y-websocket message types, plus Kelisim's own control channel. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** JSON control messages (saved acknowledgements); stock clients ignore it. */
  control: 100,
} as const
