/**
 * A button's short visible words and the whole sentence a screen reader hears instead ("Remove" / "Remove Emily
 * Carter"), each one translated sentence rather than words glued around a name.
 */
export function SpokenLabel({ shown, spoken }: { shown: string; spoken: string }) {
  return (
    <>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{spoken}</span>
    </>
  )
}
