import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { Identity } from '../../../shared/api/schemas.js'
import type { CommentView, ThreadView } from '../../../shared/comments/commentSchemas.js'
import { useDateTime } from '../i18n/useDateTime.js'
import { ErrorAlert } from '../layout/ErrorAlert.js'
import { SpokenLabel } from '../layout/SpokenLabel.js'
import { useAction } from '../layout/useAction.js'

interface ThreadCardProps {
  thread: ThreadView
  label: string
  textRemoved: boolean
  identity: Identity
  canComment: boolean
  canModerate: boolean
  focused: boolean
  onShowInText: (() => void) | null
  onReply: (body: string) => Promise<void>
  onEdit: (commentId: string, body: string) => Promise<void>
  onDelete: (commentId: string) => Promise<void>
  onResolve: (resolved: boolean) => Promise<void>
}

/** One thread: where it points, its comments, and what this person may do with it. All text is shown as text. */
export function ThreadCard(props: ThreadCardProps) {
  const { thread, label, textRemoved, identity, canComment, canModerate, focused } = props
  const ref = useRef<HTMLElement>(null)
  const [reply, setReply] = useState('')
  const { error, run } = useAction()
  const id = useId()
  const { t } = useTranslation()

  useEffect(() => {
    if (focused) {
      ref.current?.scrollIntoView({ block: 'nearest' })
      ref.current?.focus()
    }
  }, [focused])

  const handleReply = (event: FormEvent) => {
    event.preventDefault()
    run(props.onReply(reply), () => setReply(''))
  }

  const mayResolve = canComment && (thread.createdBy.id === identity.id || canModerate)
  return (
    <article ref={ref} tabIndex={-1} className={`thread thread--${thread.status}${focused ? ' thread--focused' : ''}`} aria-labelledby={`${id}-title`} data-thread={thread.id}>
      <h3 id={`${id}-title`} className="thread__title">
        {thread.status === 'resolved' ? t('comments.thread.resolvedTitle', { label: label || t('comments.thread.removed') }) : t('comments.thread.openTitle', { label: label || t('comments.thread.removed') })}
      </h3>
      <blockquote className="thread__quote">
        {thread.anchor ? <>“<bdi dir="auto">{thread.quote}</bdi>”</> : t('comments.thread.wholeParagraph')}
        {textRemoved && <strong className="thread__removed"> {t('comments.thread.textRemoved')}</strong>}
      </blockquote>
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} mine={comment.author.id === identity.id && canComment} onEdit={(body) => props.onEdit(comment.id, body)} onDelete={() => props.onDelete(comment.id)} />
        ))}
      </ol>
      <div className="thread__actions">
        {props.onShowInText && (
          <button type="button" onClick={props.onShowInText}>
            {t('comments.thread.showInText')}
          </button>
        )}
        {mayResolve && (
          <button type="button" onClick={() => run(props.onResolve(thread.status === 'open'))}>
            {thread.status === 'open' ? t('comments.thread.resolve') : t('comments.thread.reopen')}
          </button>
        )}
      </div>
      {canComment && thread.status === 'open' && (
        <form onSubmit={handleReply} className="thread__reply">
          <label htmlFor={`${id}-reply`}>{t('comments.thread.reply')}</label>
          <textarea id={`${id}-reply`} dir="auto" value={reply} onChange={(event) => setReply(event.target.value)} rows={2} maxLength={4000} required />
          <button type="submit">{t('comments.thread.send')}</button>
        </form>
      )}
      <ErrorAlert error={error} />
    </article>
  )
}

function CommentItem({ comment, mine, onEdit, onDelete }: { comment: CommentView; mine: boolean; onEdit: (body: string) => Promise<void>; onDelete: () => Promise<void> }) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(comment.body)
  const id = useId()
  const { t } = useTranslation()
  const dateTime = useDateTime()
  if (comment.deleted) {
    return (
      <li className="comment comment--deleted">
        <em>
          <Trans t={t} i18nKey="comments.thread.deleted" components={{ name: <bdi dir="auto">{comment.author.name}</bdi> }} />
        </em>
      </li>
    )
  }
  return (
    <li className="comment">
      <p className="comment__meta">
        <strong dir="auto">{comment.author.name}</strong> (<span dir="auto">{comment.author.delegation.name}</span>) · <time dateTime={comment.createdAt}>{dateTime(comment.createdAt)}</time>
        {comment.editedAt && ` · ${t('comments.thread.edited')}`}
      </p>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void onEdit(draft).then(() => setEditing(false))
          }}
        >
          <label htmlFor={`${id}-edit`}>{t('comments.thread.editLabel')}</label>
          <textarea id={`${id}-edit`} dir="auto" value={draft} onChange={(event) => setDraft(event.target.value)} rows={3} maxLength={4000} required />
          <button type="submit">{t('comments.thread.save')}</button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('dialog.cancel')}
          </button>
        </form>
      ) : (
        <p className="comment__body" dir="auto">{comment.body}</p>
      )}
      {mine && !editing && (
        <div className="comment__actions">
          <button type="button" onClick={() => setEditing(true)}>
            <SpokenLabel shown={t('comments.thread.edit')} spoken={t('comments.thread.editSpoken')} />
          </button>
          <button type="button" onClick={() => void onDelete()}>
            <SpokenLabel shown={t('comments.thread.delete')} spoken={t('comments.thread.deleteSpoken')} />
          </button>
        </div>
      )}
    </li>
  )
}
