import { colorProblemText, type ColorAdvice } from '../../../shared/delegations/delegationColor.js'

/** Warns about a delegation colour that is too close to another or too light, and offers a distinct one. */
export function ColorAdviceNote({ advice, onUse }: { advice: ColorAdvice; onUse: (color: string) => void }) {
  return (
    <div aria-live="polite">
      {advice.problems.length > 0 && (
        <div className="warning color-advice">
          <ul>
            {advice.problems.map((problem) => (
              <li key={problem.kind === 'low-contrast' ? 'contrast' : problem.delegation.code} dir="auto">
                {colorProblemText(problem)}
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
