import 'ws'

declare module 'ws' {
  /** How `Sender.frame` frames a message. */
  interface SenderFrameOptions {
    fin: boolean
    opcode: number
    mask: boolean
    readOnly: boolean
    rsv1: boolean
  }
  /** The frame encoder `ws` uses for every message it sends; exported by `ws`, not described by its types. */
  export const Sender: { frame(data: Buffer, options: SenderFrameOptions): Buffer[] }
}
