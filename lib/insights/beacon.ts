/*
 * The view beacon: a few lines run by the public pages (components/layout/
 * view-beacon.tsx) that report a page reached by a link inside the site.
 * Such a page is drawn by the framework from data it fetched beforehand
 * (a prefetch, never counted), so no request for the page reaches the
 * server and the proxy cannot count it. The beacon sends the new address,
 * and nothing else, to the site itself (`/views`): no cookie, no storage, no
 * identifier. Pages loaded as documents are counted by proxy.ts, not here,
 * so nothing counts twice. No imports: the route and the component share it.
 */
export const VIEW_BEACON_PATH = "/views";

// The framework moves between pages with history.pushState, and back and forward fire popstate.
// Written as plain ES5 in one line: it runs before the framework's scripts, on every browser.
export const VIEW_BEACON_SCRIPT = `(function(){if(window.__clinicViews||!navigator.sendBeacon)return;window.__clinicViews=1;var last=location.pathname;function sent(){var p=location.pathname;if(p===last)return;last=p;navigator.sendBeacon("${VIEW_BEACON_PATH}",p)}var push=history.pushState;history.pushState=function(){var r=push.apply(this,arguments);sent();return r};addEventListener("popstate",sent)})();`;

/** The longest body the beacon sends: a page address. */
export const VIEW_BEACON_MAX_BYTES = 200;
