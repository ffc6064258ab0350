import { NegotiationRefusal } from '../../../shared/negotiation/amendmentRules.js'
import { ApiProblem } from './ApiProblem.js'

/** Runs a step of a negotiation service, turning a rule's refusal into the API's answer. */
export async function refusalsAnswered<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    if (error instanceof NegotiationRefusal) throw new ApiProblem(error.status, error.key, error.values)
    throw error
  }
}
