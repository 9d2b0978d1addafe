/*
 * What a paste left out, counted so the editor can say so in words: a
 * person who pasted two photos should learn they did not come, and how to
 * add them, rather than find out after publishing.
 */

export interface Dropped {
  /** Pictures (<img>, <svg>, Word's drawings): a page's images are uploaded with their alt text. */
  images: number;
  /** Embedded players and frames (video, audio, iframe, object). */
  embeds: number;
  /** Links to something other than a web page, an email address or a page of this site. */
  links: number;
  /** Word comments and their marks. */
  comments: number;
  /** Text that tracked changes mark as deleted. */
  deletions: number;
}

export const nothingDropped = (): Dropped => ({
  images: 0,
  embeds: 0,
  links: 0,
  comments: 0,
  deletions: 0,
});

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * One sentence per kind of thing left out, for the editor to show after a
 * paste; empty when everything came across.
 */
export function describeDropped(dropped: Dropped): string[] {
  const lines: string[] = [];
  if (dropped.images > 0)
    lines.push(
      `${plural(dropped.images, "image was", "images were")} not pasted: add ${dropped.images === 1 ? "it" : "them"} with Add an image, so each has alt text.`,
    );
  if (dropped.embeds > 0)
    lines.push(
      `${plural(dropped.embeds, "video or embedded frame was", "videos or embedded frames were")} not pasted: pages cannot embed them.`,
    );
  if (dropped.links > 0)
    lines.push(
      `${plural(dropped.links, "link was", "links were")} kept as plain text: only web addresses (https://…), email addresses and this site's pages can be links.`,
    );
  if (dropped.comments > 0)
    lines.push(`${plural(dropped.comments, "comment was", "comments were")} left out.`);
  if (dropped.deletions > 0)
    lines.push(
      `Text marked as deleted in tracked changes was left out (${plural(dropped.deletions, "place", "places")}).`,
    );
  return lines;
}
