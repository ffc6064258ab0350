import type { TFunction } from 'i18next'
import { Trans, useTranslation } from 'react-i18next'
import type { RedlineAttribution } from '../../../shared/negotiation/redlineAttribution.js'
import type { NegotiationChanges } from '../../../shared/versions/negotiationChanges.js'
import type { Redline, RedlinePart, RedlineParagraph } from '../../../shared/versions/redline.js'
import { redlineSummary, summaryLine } from '../../../shared/versions/redlineSummary.js'
import { useMessageText } from '../i18n/messageText.js'
import './redlineJoins.css'

function Parts({ parts }: { parts: RedlinePart[] }) {
  const { t } = useTranslation()
  const hidden = <span className="visually-hidden" />
  return (
    <>
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'inserted' ? (
          <ins key={index}>
            <Trans t={t} i18nKey="versions.redline.inserted" components={{ hidden, text: <>{part.text}</> }} />
          </ins>
        ) : (
          <del key={index}>
            <Trans t={t} i18nKey="versions.redline.deleted" components={{ hidden, text: <>{part.text}</> }} />
          </del>
        ),
      )}
    </>
  )
}

/** What a split or merge did, in words: the other paragraph is named, since the text alone no longer says where it went. */
function linkWords(t: TFunction, paragraph: RedlineParagraph): string | null {
  const link = paragraph.link
  if (!link) return null
  switch (link.kind) {
    case 'splitFrom':
      return t('versions.redline.splitFrom', { label: link.label })
    case 'splitInto':
      return t('versions.redline.splitInto', { label: link.label })
    case 'mergedFrom':
      return t('versions.redline.mergedFrom', { label: link.label })
    case 'mergedInto':
      return t('versions.redline.mergedInto', { label: link.label })
  }
}

function badges(t: TFunction, paragraph: RedlineParagraph): string[] {
  const found: string[] = []
  const link = linkWords(t, paragraph)
  if (link) found.push(link)
  if (paragraph.status === 'added') found.push(t('versions.redline.badgeAdded'))
  if (paragraph.status === 'deleted') found.push(t('versions.redline.badgeDeleted'))
  if (paragraph.status === 'changed') found.push(t('versions.redline.badgeChanged'))
  if (paragraph.moved) found.push(t('versions.redline.badgeMoved'))
  if (paragraph.oldLabel && paragraph.newLabel && paragraph.oldLabel !== paragraph.newLabel) found.push(t('versions.redline.badgeRenumbered', { from: paragraph.oldLabel, to: paragraph.newLabel }))
  return found
}

/** A redline, how the negotiation state moved (from the two versions' snapshots), and the accepted amendments behind its changes. */
export type ComparedVersions = Redline & { negotiation?: NegotiationChanges; accepted?: RedlineAttribution[] }

/** A redline as lawyers read it: insertions underlined, deletions struck through, each also marked in words. */
export function RedlineView({ redline, title }: { redline: ComparedVersions; title: string }) {
  const { t, i18n } = useTranslation()
  const words = useMessageText()
  const summary = summaryLine(redlineSummary(redline).map(words), t('versions.redline.noChanges', { ns: 'exports' }), i18n.resolvedLanguage ?? 'en')
  return (
    <section aria-labelledby="redline-heading" className="redline">
      <h2 id="redline-heading">{title}</h2>
      <p className="redline__summary">
        <strong>{t('versions.redline.summary')}</strong> {summary}
      </p>
      {redline.negotiation && redline.negotiation.messages.length > 0 && (
        <>
          <h3>{t('versions.redline.negotiationHeading')}</h3>
          <ul aria-label={t('versions.redline.negotiationList')}>
            {redline.negotiation.messages.map((message, index) => (
              <li key={index}>
                <bdi>{words(message)}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
      {redline.accepted && redline.accepted.length > 0 && (
        <>
          <h3>{t('versions.redline.acceptedHeading')}</h3>
          <ul>
            {redline.accepted.map((line, index) => (
              <li key={index}>
                <bdi>{words(line.message)}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="redline__legend">
        <Trans t={t} i18nKey="versions.redline.legend" components={{ ins: <ins />, del: <del /> }} />
      </p>
      <h3 className="declaration-title" dir="auto">
        <Parts parts={redline.titleParts} />
      </h3>
      {redline.paragraphs.map((paragraph) => (
        <div key={`${paragraph.id}-${paragraph.status}`} className={`redline__paragraph redline__paragraph--${paragraph.status}`}>
          <p className="redline__label">
            <strong>{paragraph.newLabel ?? paragraph.oldLabel}</strong>{' '}
            {badges(t, paragraph).map((badge) => (
              <span key={badge} className="redline__badge">
                {badge}
              </span>
            ))}
          </p>
          {paragraph.parts.length > 0 && (
            <p dir="auto">
              <Parts parts={paragraph.parts} />
            </p>
          )}
        </div>
      ))}
    </section>
  )
}
