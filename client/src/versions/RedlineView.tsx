import type { NegotiationChanges } from '../../../shared/versions/negotiationChanges.js'
import type { Redline, RedlineLink, RedlinePart, RedlineParagraph } from '../../../shared/versions/redline.js'
import './redlineJoins.css'

function Parts({ parts }: { parts: RedlinePart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'inserted' ? (
          <ins key={index}>
            <span className="visually-hidden">[inserted: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={index}>
            <span className="visually-hidden">[deleted: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </>
  )
}

/** What a split or merge did, in words: the other paragraph is named, since the text alone no longer says where it went. */
const linkWords: Record<RedlineLink['kind'], (label: string) => string> = {
  splitFrom: (label) => `Split from ${label}: this text was the end of ${label}`,
  splitInto: (label) => `Split: its end now forms ${label}`,
  mergedFrom: (label) => `Merged: ${label} (old numbering) now ends this paragraph`,
  mergedInto: (label) => `Merged into ${label}: its text now ends ${label}`,
}

function badges(paragraph: RedlineParagraph): string[] {
  const found: string[] = []
  if (paragraph.link) found.push(linkWords[paragraph.link.kind](paragraph.link.label))
  if (paragraph.status === 'added') found.push('Added')
  if (paragraph.status === 'deleted') found.push('Deleted')
  if (paragraph.status === 'changed') found.push('Changed')
  if (paragraph.moved) found.push('Moved')
  if (paragraph.oldLabel && paragraph.newLabel && paragraph.oldLabel !== paragraph.newLabel) found.push(`Renumbered: ${paragraph.oldLabel} → ${paragraph.newLabel}`)
  return found
}

/** A redline and, from the two versions' snapshots, how the negotiation state moved. */
export type ComparedVersions = Redline & { negotiation?: NegotiationChanges }

/** A redline as lawyers read it: insertions underlined, deletions struck through, each also marked in words. */
export function RedlineView({ redline, title }: { redline: ComparedVersions; title: string }) {
  return (
    <section aria-labelledby="redline-heading" className="redline">
      <h2 id="redline-heading">{title}</h2>
      <p className="redline__summary">
        <strong>Summary:</strong> {redline.summary}
      </p>
      {redline.negotiation && redline.negotiation.sentences.length > 0 && (
        <>
          <h3>Negotiation state</h3>
          <ul aria-label="Changes in the negotiation state">
            {redline.negotiation.sentences.map((sentence) => (
              <li key={sentence} dir="auto">
                {sentence}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="redline__legend">
        <ins>inserted</ins> · <del>deleted</del>
      </p>
      <h3 className="declaration-title">
        <Parts parts={redline.titleParts} />
      </h3>
      {redline.paragraphs.map((paragraph) => (
        <div key={`${paragraph.id}-${paragraph.status}`} className={`redline__paragraph redline__paragraph--${paragraph.status}`}>
          <p className="redline__label">
            <strong>{paragraph.newLabel ?? paragraph.oldLabel}</strong> {badges(paragraph).map((badge) => <span key={badge} className="redline__badge">{badge}</span>)}
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
