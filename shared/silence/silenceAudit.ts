/** The audit actions of a silence procedure; each names the silence in `details.silence`, a break also its id in `details.breakId`. */
export const SilenceAuditAction = { opened: 'silence_opened', break: 'silence_break', decided: 'silence_decided' } as const

/** What makes an audit entry of a silence unique: recorded once, whatever crashes or races happen. */
export function silenceAuditKey(action: string, details: Record<string, unknown>): string {
  return `${action}:${String(details.silence)}:${String(details.breakId ?? '')}`
}
