/** The origin of the text change an accepted amendment makes: the redline and observers can tell it from typing. */
export class AmendmentOrigin {
  constructor(readonly label: string) {}
}
