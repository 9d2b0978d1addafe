/*
 * The request page's follow-up form (status and private note, saved
 * together) as the client holds it: the server answers a refused or failed
 * save with the typed values and a message, so nothing typed is lost.
 */
export interface FollowUpState {
  status: string;
  note: string;
  error?: string;
  /** Counts answers, so the form shows the values of the newest one. */
  answer: number;
}
