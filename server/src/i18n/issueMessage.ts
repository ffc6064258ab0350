import type { z } from 'zod'
import type { Message, ServerMessageKey } from '../../../shared/i18n/messageKeys.js'
import { isServerMessageKey } from './serverI18n.js'

const expectedTypes: Partial<Record<string, ServerMessageKey>> = {
  string: 'validation.expected.string',
  number: 'validation.expected.number',
  boolean: 'validation.expected.boolean',
  object: 'validation.expected.object',
  array: 'validation.expected.array',
}

/** What is wrong with one value, as a `server` catalogue message; needs the issue's input (parse with `reportInput`). */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  // Shared schemas give a catalogue key as the message where the check alone does not say enough; refinements put their limit in `params.count`.
  if (isServerMessageKey(issue.message)) {
    const count: unknown = issue.code === 'custom' ? issue.params?.count : undefined
    return { key: issue.message, values: typeof count === 'number' ? { count } : {} }
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { key: 'validation.required' }
      return { key: expectedTypes[issue.expected] ?? 'validation.expected.other' }
    case 'too_small':
      if (issue.origin === 'string') return { key: 'validation.too_short', values: { count: Number(issue.minimum) } }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.too_few', values: { count: Number(issue.minimum) } }
      return { key: 'validation.too_small', values: { limit: String(issue.minimum) } }
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.too_long', values: { count: Number(issue.maximum) } }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.too_many', values: { count: Number(issue.maximum) } }
      return { key: 'validation.too_big', values: { limit: String(issue.maximum) } }
    case 'invalid_format':
      return { key: 'validation.invalid_format' }
    case 'invalid_value':
      return { key: 'validation.invalid_value', values: { values: issue.values.map(String).join(', ') } }
    case 'unrecognized_keys':
      return { key: 'validation.unrecognized_keys', values: { keys: issue.keys.join(', ') } }
    case 'invalid_union':
      return { key: 'validation.invalid_union' }
    default:
      return { key: 'validation.invalid' }
  }
}

/** The first problem of a failed parse, naming where it is when it is not the whole value. */
export function firstIssueMessage(error: z.ZodError): Message {
  const issue = error.issues[0]
  if (!issue) return { key: 'invalid_body.whole', values: { problem: { key: 'validation.invalid' } } }
  const problem = issueMessage(issue)
  return issue.path.length > 0 ? { key: 'invalid_body.field', values: { field: issue.path.join('.'), problem } } : { key: 'invalid_body.whole', values: { problem } }
}
