/** Most @mentions one comment may carry. */
export const MAX_MENTIONS = 20

/** `@login` (lowercase) or `@CODE` (a delegation's capital letters), not inside a word or an e-mail address. */
const mentionPattern = /(?<![\p{L}\p{N}_.@-])@([a-z0-9][a-z0-9._-]{1,39}|[A-Z]{2,8})(?![\p{L}\p{N}_-])/gu

/** The distinct tokens mentioned in a comment body, in order. */
export function mentionTokens(body: string): string[] {
  const tokens: string[] = []
  for (const match of body.matchAll(mentionPattern)) {
    const token = match[1]!.replace(/[.]+$/, '')
    if (!tokens.includes(token)) tokens.push(token)
  }
  return tokens
}

/** Whether a body mentions no more than MAX_MENTIONS people and delegations. */
export function withinMentionLimit(body: string): boolean {
  return mentionTokens(body).length <= MAX_MENTIONS
}
