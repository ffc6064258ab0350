import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { Identity } from '../../../shared/api/schemas.js'
import type { ThreadView } from '../../../shared/comments/commentSchemas.js'
import { labelledClausesOf } from '../../../shared/editor/ClauseNumbering.js'
import { can, type Role } from '../../../shared/roles.js'
import type { ControlChannel } from '../sync/ControlChannel.js'
import { anchorRange } from './anchorPositions.js'
import { updateHighlights } from './CommentHighlights.js'
import { MentionsList, unreadMentions } from './MentionsList.js'
import { TargetSelect, useTargetChoice, type ClauseOption } from './TargetChoice.js'
import { ThreadCard } from './ThreadCard.js'
import { useFollowText } from './useFollowText.js'
import { useThreads } from './useThreads.js'
import { DelegationFilter, delegationsIn } from '../filters/DelegationFilter.js'
import { ErrorAlert } from '../layout/ErrorAlert.js'
import { useAction } from '../layout/useAction.js'

interface CommentsPanelProps {
  editor: Editor
  declaration: string
  channel: ControlChannel
  identity: Identity
  role: Role
  /** Called when a thread's place in the text is shown, so a panel covering the text can step aside. */
  onShowInText?: () => void
}

type StatusFilter = 'open' | 'resolved' | 'all'

/** Threads in document order with filters, the form for a new one, and unread mentions. */
export function CommentsPanel({ editor, declaration, channel, identity, role, onShowInText }: CommentsPanelProps) {
  const threads = useThreads(declaration, channel)
  const [focused, setFocused] = useState<string | null>(null)
  const [status, setStatus] = useState<StatusFilter>('open')
  const [delegation, setDelegation] = useState('')
  const [paragraph, setParagraph] = useState('')
  const id = useId()
  const canComment = can(role, 'comment.write')
  const { t } = useTranslation()

  // Re-read labels and anchor positions whenever the text changes.
  const clauses = useEditorState({ editor, selector: ({ editor: current }) => labelledClausesOf(current.state).map(({ id: clauseId, label, node }) => ({ clauseId, label, text: node.textContent })) })
  const order = useMemo(() => new Map(clauses.map((clause, index) => [clause.clauseId, { index, label: clause.label }])), [clauses])

  useEffect(() => {
    updateHighlights(editor, { threads: threads.threads, activeThreadId: focused, onActivate: setFocused, countWords: (count) => t('comments.inParagraph', { count }) })
  }, [editor, threads.threads, focused, t])

  const positioned = threads.threads
    .map((thread) => ({ thread, place: order.get(thread.clauseId), range: thread.anchor ? anchorRange(editor, thread.anchor) : null }))
    .sort((a, b) => (a.place?.index ?? Infinity) - (b.place?.index ?? Infinity) || (a.range?.from ?? 0) - (b.range?.from ?? 0))
  const visible = positioned.filter(
    ({ thread, place }) =>
      (status === 'all' || thread.status === status) &&
      (!delegation || thread.createdBy.delegation.code === delegation) &&
      (!paragraph || place?.label === paragraph),
  )
  const panel = useRef<HTMLElement>(null)
  useFollowText(editor, panel, visible.map(({ thread, place }) => ({ id: thread.id, label: place?.label })))
  const delegations = delegationsIn(threads.threads, (thread) => thread.createdBy.delegation)
  const unread = unreadMentions(threads.threads, identity, threads.mentionsReadAt)

  const showInText = (thread: ThreadView) => {
    onShowInText?.()
    setFocused(thread.id)
    const range = thread.anchor ? anchorRange(editor, thread.anchor) : null
    if (range && editor.isEditable) editor.chain().setTextSelection(range).focus().run()
    const clause = order.get(thread.clauseId)
    const target = editor.view.dom.querySelector(range ? `[data-thread-id="${thread.id}"]` : `.clause[data-label="${clause?.label ?? ''}"]`)
    target?.scrollIntoView({ block: 'center' })
  }

  return (
    <section ref={panel} className="comments" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('comments.heading', { count: threads.threads.filter((thread) => thread.status === 'open').length })}</h2>
      <MentionsList unread={unread} onOpen={(threadId) => setFocused(threadId)} onRead={() => void threads.markMentionsRead()} />
      {canComment && <NewThreadForm editor={editor} clauses={clauses} onCreate={threads.create} />}
      <fieldset className="comments__filters">
        <legend>{t('comments.show')}</legend>
        <label htmlFor={`${id}-status`}>{t('comments.status')}</label>
        <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
          <option value="open">{t('comments.open')}</option>
          <option value="resolved">{t('comments.resolved')}</option>
          <option value="all">{t('comments.all')}</option>
        </select>
        <DelegationFilter id={`${id}-delegation`} value={delegation} delegations={delegations} onChange={setDelegation} />
        <label htmlFor={`${id}-paragraph`}>{t('comments.paragraph')}</label>
        <select id={`${id}-paragraph`} value={paragraph} onChange={(event) => setParagraph(event.target.value)}>
          <option value="">{t('comments.allParagraphs')}</option>
          {clauses.map((clause) => (
            <option key={clause.label} value={clause.label}>
              {clause.label}
            </option>
          ))}
        </select>
      </fieldset>
      <p className="comments__hint">
        <Trans t={t} i18nKey="comments.hint" components={{ kbd: <kbd /> }} />
      </p>
      {threads.error && <p role="alert">{threads.error}</p>}
      {visible.length === 0 && <p>{t('comments.none')}</p>}
      {visible.map(({ thread, place, range }) => (
        <ThreadCard
          key={thread.id}
          thread={thread}
          label={place?.label ?? ''}
          textRemoved={thread.anchor !== null && range === null && place !== undefined}
          identity={identity}
          canComment={canComment}
          canModerate={can(role, 'comment.moderate')}
          focused={focused === thread.id}
          onShowInText={place ? () => showInText(thread) : null}
          onReply={(body) => threads.reply(thread.id, body)}
          onEdit={(commentId, body) => threads.edit(thread.id, commentId, body)}
          onDelete={(commentId) => threads.remove(thread.id, commentId)}
          onResolve={(resolved) => threads.setResolved(thread.id, resolved)}
        />
      ))}
    </section>
  )
}

interface NewThreadFormProps {
  editor: Editor
  clauses: ClauseOption[]
  onCreate: (body: { clauseId: string; anchor?: unknown; body: string }) => Promise<void>
}

/** Opens a thread on the selected words, or on a whole paragraph chosen from a list. */
function NewThreadForm({ editor, clauses, onCreate }: NewThreadFormProps) {
  const { target, choice, setChoice, place } = useTargetChoice(editor)
  const [body, setBody] = useState('')
  const { error, setError, run } = useAction()
  const id = useId()
  const { t } = useTranslation()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!place) return setError(t('comments.new.noTarget'))
    run(onCreate({ ...place, body }), () => setBody(''))
  }

  return (
    <form onSubmit={handleSubmit} className="comments__new">
      <TargetSelect
        id={`${id}-target`}
        label={t('comments.new.target')}
        choice={choice}
        target={target}
        clauses={clauses}
        onChange={setChoice}
        selected={(label, quote) => t('comments.new.selected', { label, quote })}
        atCursor={(label) => t('comments.new.atCursor', { label })}
        none={t('comments.new.noSelection')}
        paragraph={(label, text) => t('comments.new.paragraph', { label, text })}
      />
      <label htmlFor={`${id}-body`}>{t('comments.new.body')}</label>
      <textarea id={`${id}-body`} dir="auto" value={body} onChange={(event) => setBody(event.target.value)} rows={3} maxLength={4000} required />
      <ErrorAlert error={error} />
      <button type="submit">{t('comments.new.submit')}</button>
    </form>
  )
}
