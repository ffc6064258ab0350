import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { MIN_COLOR_CONTRAST, MIN_COLOR_DISTANCE, type ColorAdvice, type ColorProblem } from '../../../shared/delegations/delegationColor.js'

/** One sentence per problem; the numbers say how far off the colour is, so colour is never the only cue. */
function problemText(t: TFunction, problem: ColorProblem): string {
  if (problem.kind === 'low-contrast') return t('delegations.lowContrast', { contrast: problem.contrast.toFixed(1), needed: MIN_COLOR_CONTRAST })
  return t('delegations.tooClose', { delegation: problem.delegation.name, color: problem.delegation.color, distance: Math.round(problem.distance), needed: MIN_COLOR_DISTANCE })
}

/** Warns about a delegation colour that is too close to another or too light, and offers a distinct one. */
export function ColorAdviceNote({ advice, onUse }: { advice: ColorAdvice; onUse: (color: string) => void }) {
  const { t } = useTranslation()
  return (
    <div aria-live="polite">
      {advice.problems.length > 0 && (
        <div className="warning color-advice">
          <ul>
            {advice.problems.map((problem) => (
              <li key={problem.kind === 'low-contrast' ? 'contrast' : problem.delegation.code} dir="auto">
                {problemText(t, problem)}
              </li>
            ))}
          </ul>
          {advice.suggestion ? (
            <p>
              <span className="swatch" style={{ backgroundColor: advice.suggestion }} aria-hidden="true" /> {t('delegations.suggested', { color: advice.suggestion })}{' '}
              <button type="button" onClick={() => onUse(advice.suggestion!)}>
                {t('delegations.useColor', { color: advice.suggestion })}
              </button>
            </p>
          ) : (
            <p>{t('delegations.noColorLeft')}</p>
          )}
        </div>
      )}
    </div>
  )
}
