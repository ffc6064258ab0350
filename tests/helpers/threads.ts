import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { api } from './api.js'
import { clause } from './pages.js'
import { startSession } from './sessions.js'

/** Opens a thread on a whole paragraph shown on this page, through the API, as another delegate (Nigeria's editor). */
export async function commentOnParagraph(page: Page, baseUrl: string, label: string, body: string): Promise<void> {
  const clauseId = await clause(page, label).getAttribute('data-clause-id')
  const token = await startSession(baseUrl, 'editor-nga')
  const answer = await api(baseUrl, 'POST', '/api/declarations/almaty-declaration/threads', { token, body: { clauseId, body } })
  expect(answer.status).toBe(201)
}
