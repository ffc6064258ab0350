import { problemCode, type MessageValues, type ServerMessageKey } from '../../../shared/i18n/messageKeys.js'
import { serverMessage } from '../i18n/serverI18n.js'

/** An API failure: its HTTP status, the `server` catalogue key of its message, and the values that message names. */
export class ApiProblem extends Error {
  /** The stable code clients act on: the key up to any `.variant`, unless given. */
  readonly code: string

  constructor(
    readonly status: number,
    readonly key: ServerMessageKey,
    readonly values: MessageValues = {},
    code?: string,
  ) {
    // The English sentence is what logs and stack traces show; people get theirs from the error handler.
    super(serverMessage('en', { key, values }))
    this.code = code ?? problemCode(key)
  }
}
