import { MIN_COLOR_CONTRAST, MIN_COLOR_DISTANCE, type ColorAdvice, type ColorProblem } from '../../../shared/delegations/delegationColor.js'

/** One sentence per problem; the numbers say how far off the colour is, so colour is never the only cue. */
function problemText(problem: ColorProblem): string {
  if (problem.kind === 'low-contrast') return `White names are hard to read on it: contrast ${problem.contrast.toFixed(1)}:1, needs ${MIN_COLOR_CONTRAST}:1.`
  return `It looks like the colour of ${problem.delegation.name} (${problem.delegation.color}): difference ${Math.round(problem.distance)}, needs ${MIN_COLOR_DISTANCE}.`
}

/** Warns about a delegation colour that is too close to another or too light, and offers a distinct one. */
export function ColorAdviceNote({ advice, onUse }: { advice: ColorAdvice; onUse: (color: string) => void }) {
  return (
    <div aria-live="polite">
      {advice.problems.length > 0 && (
        <div className="warning color-advice">
          <ul>
            {advice.problems.map((problem) => (
              <li key={problem.kind === 'low-contrast' ? 'contrast' : problem.delegation.code} dir="auto">
                {problemText(problem)}
              </li>
            ))}
          </ul>
          {advice.suggestion ? (
            <p>
              <span className="swatch" style={{ backgroundColor: advice.suggestion }} aria-hidden="true" /> Suggested: {advice.suggestion}{' '}
              <button type="button" onClick={() => onUse(advice.suggestion!)}>
                Use {advice.suggestion}
              </button>
            </p>
          ) : (
            <p>No colour is left that stands apart from all the others; the names beside each colour tell them apart.</p>
          )}
        </div>
      )}
    </div>
  )
}
