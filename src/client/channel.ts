// The channel a person came by, read from the page's own address (the kit's links carry
// utm_source and utm_content), for the form token request and the submission: no cookie, no
// storage (docs/adr/020-reach-without-cookies.md). The collector keeps it only if the campaign
// gives out that link; anything else counts as direct.
import { FIELD } from "../forms/fields.js";

/** "mastodon:endspurt", or "" when the address has no channel. */
export function channelFromAddress(search: string = location.search): string {
  const params = new URLSearchParams(search);
  const source = params.get("utm_source");
  const content = params.get("utm_content");
  return source && content ? `${source}:${content}` : "";
}

/** The token URL with the channel as `via`, so the collector can count the form as opened for it. */
export function tokenUrlWithChannel(tokenUrl: string, channel: string): string {
  if (!channel) return tokenUrl;
  return `${tokenUrl}${tokenUrl.includes("?") ? "&" : "?"}${FIELD.via.slice(1)}=${encodeURIComponent(channel)}`;
}
