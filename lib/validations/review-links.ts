/*
 * "Share this draft for review": what the editor's share panel shows and the
 * action answers. Browser-safe: the panel (components/staff/share/) reads it.
 */
export const REVIEW_LINK_DAYS = 7;
export const REVIEW_PATH = "/review";

export interface ReviewLinkShown {
  id: string;
  sharedBy: string;
  /** When it stops working, in the clinic's time zone. */
  expires: string;
}

export interface ReviewLinksState {
  /** Counts answers, so the same message twice is announced twice. */
  answer: number;
  links: ReviewLinkShown[];
  /** A link just made: shown this once, never stored. */
  created?: { url: string; expires: string; fromDraft: boolean };
  notice?: string;
  error?: string;
}
