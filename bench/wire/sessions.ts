// The scripted sessions: the same 20 interactions per view against both apps. Steps are data, run in
// the page (see browser-session.ts), so the click-to-DOM timing never crosses the DevTools protocol.

export type Step =
  | { click: string; nth?: number }
  | { type: string; text: string } // one interaction per character (an `input` event each)
  | { clear: string }
  | { select: string; value: string }
  | { key: string } // keydown + keyup on the window
  | { submit: string }; // click the form's submit button

export interface ViewSession {
  path: string;
  id: string; // example-app view id
  components?: string[]; // ids of child components whose events are routed to them with phx-target
  steps: Step[];
}

/** Expands typing steps into one interaction per character. */
export function interactions(steps: Step[]): Step[] {
  return steps.flatMap((s): Step[] => ("type" in s ? [...s.text].map((ch) => ({ type: s.type, text: ch })) : [s]));
}

const inc = { click: 'button[phx-click="increment"]' };
const note = (n: number) => ({ click: "#notes article button", nth: n });
const tab = (n: number) => ({ click: '[phx-click="select-tab"]', nth: n });
const q = (n: number) => ({ click: '[phx-click="toggle-question"]', nth: n });
const goTo = (n: number) => ({ click: '[phx-click="go-to"]', nth: n });
const shift = (name: string) => ({ click: `[phx-click="filter"][phx-value-shift="${name}"]` });
const details = (n: number) => ({ click: '[phx-click="select"]', nth: n });
const checkIn = (n: number) => ({ click: '[phx-click="check-in"]', nth: n });
const theme = (name: string) => ({ click: `[phx-click="set-theme"][phx-value-theme="${name}"]` });
const compact = { click: '[phx-click="toggle-compact"]' };
const savePrefs = { click: '[phx-click="save"]' };
const expand = (n: number) => ({ click: '[phx-click="expand"]', nth: n });
// /inventory's live_patch links: the column headers sort, Previous/Next page, the page sizes
const sortBy = (n: number) => ({ click: "#inventory th a", nth: n });
const next = { click: "nav.pages a:last-child" }; // Next (when there is a next page)
const prev = { click: "nav.pages a:first-child" }; // Previous (when there is a previous page)
const perPage = (n: number) => ({ click: "nav.pages + p a", nth: n });
const contact = { click: '[phx-click="toggle-contact"]' };
const picker = { click: '.shift-picker [phx-click="toggle"]' };
const choose = (name: string) => ({ click: `[phx-click="choose"][phx-value-shift="${name}"]` });
const confirm = { click: '[phx-click="confirm"]' };
const shelf = (name: string) => ({ click: `[phx-click="filter-location"][phx-value-location="${name}"]` });
const hideEmpty = { click: '[phx-click="toggle-empty"]' };
const restock = { click: '[phx-click="restock"]' };
const range = (name: string) => ({ click: `[phx-click="set-range"][phx-value-range="${name}"]` });

export const SESSIONS: ViewSession[] = [
  {
    path: "/counter",
    id: "src/views/counter.ts#counterLiveView",
    steps: [inc, inc, inc, inc, inc, inc, { click: '[phx-click="set-step"]', nth: 1 }, inc, inc, inc, inc,
      { click: 'button[phx-click="decrement"]' }, { click: 'button[phx-click="decrement"]' }, { click: 'button[phx-click="decrement"]' },
      { click: '[phx-click="set-step"]', nth: 2 }, inc, inc, { click: 'button[phx-click="reset"]' }, { click: '[phx-click="set-step"]', nth: 0 }, inc],
  },
  {
    path: "/help",
    id: "src/views/faq.ts#faqView",
    steps: [q(0), q(1), q(1), tab(1), q(0), q(1), tab(2), q(0), { click: '[phx-click="open-contact"]' }, { key: "Escape" },
      tab(0), q(1), { click: '[phx-click="open-contact"]' }, { click: '.panel button[phx-click="close-contact"]' }, tab(1), q(1), q(0), tab(2), q(1), tab(0)],
  },
  {
    path: "/orientation",
    id: "src/views/slides.ts#slideDeckView",
    steps: [{ key: "ArrowRight" }, { key: "ArrowRight" }, { key: "ArrowRight" }, { key: "ArrowLeft" }, { key: "?" }, { key: "Escape" },
      goTo(0), { key: "ArrowRight" }, { key: "l" }, goTo(3), { key: "ArrowLeft" }, { key: "h" }, { key: "?" }, { key: "Escape" },
      goTo(1), { key: "ArrowRight" }, { key: "ArrowRight" }, { key: "ArrowLeft" }, goTo(0), { key: "l" }],
  },
  {
    path: "/signup",
    id: "src/views/volunteerSignup.ts#volunteerSignupView",
    // a valid volunteer, so the save reaches the server on both sides (the migrated form validates in the browser first)
    steps: [{ click: '[phx-click="toggle-tips"]' }, { type: "#input_name", text: "Ada" }, { type: "#input_email", text: "a@b.co" },
      { select: "#shift", value: "evening" }, { type: "#input_phone", text: "5550101" }, { submit: "form" }, { click: '[phx-click="toggle-tips"]' }],
  },
  {
    path: "/search",
    id: "src/views/productSearch.ts#productSearchView",
    steps: [{ type: 'input[name="query"]', text: "apples" }, { submit: "#product-search" }, { clear: 'input[name="query"]' },
      { type: 'input[name="query"]', text: "dai" }, { submit: "#product-search" }, { clear: 'input[name="query"]' },
      { type: 'input[name="query"]', text: "rice" }, { submit: "#product-search" }, { clear: 'input[name="query"]' }, { submit: "#product-search" }],
  },
  {
    path: "/delivery-area",
    id: "src/views/cityAutocomplete.ts#cityAutocompleteView",
    steps: [{ type: "#city", text: "Ber" }, { click: '[phx-click="pick"]' }, { clear: "#city" }, { type: "#city", text: "Ma" },
      { click: '[phx-click="pick"]', nth: 1 }, { clear: "#city" }, { type: "#city", text: "Bos" }, { click: '[phx-click="pick"]' },
      { clear: "#city" }, { type: "#city", text: "Pr" }, { click: '[phx-click="pick"]' }, { clear: "#city" }, { type: "#city", text: "Lo" }],
  },
  {
    path: "/release-notes",
    id: "src/views/releaseNotes.ts#releaseNotesView",
    steps: [note(0), note(1), note(2), { click: "h1 + p button", nth: 0 }, { click: "h1 + p button", nth: 1 }, note(0), note(0), { click: "h1 + p button", nth: 2 },
      note(1), note(1), note(2), note(2), { click: "h1 + p button", nth: 0 }, { click: "h1 + p button", nth: 1 }, note(0), note(1), note(2),
      { click: "h1 + p button", nth: 0 }, { click: "h1 + p button", nth: 1 }, note(0)],
  },
  {
    path: "/activity",
    id: "src/views/activityFeed.ts#activityFeedView",
    // posts come back to the tab through the "activity" topic (WebSocket / the SSE sync stream)
    steps: [{ type: '#post-form input[name="text"]', text: "Hi all" }, { submit: "#post-form" }, { clear: '#post-form input[name="text"]' },
      { type: '#post-form input[name="text"]', text: "Vans out" }, { submit: "#post-form" }, { clear: '#post-form input[name="text"]' },
      { type: '#post-form input[name="text"]', text: "ok" }],
  },
  {
    path: "/preferences",
    id: "src/views/preferences.ts#PreferencesLiveView",
    steps: [theme("dark"), compact, theme("light"), savePrefs, theme("dark"), compact, compact, theme("light"), theme("dark"), savePrefs,
      theme("light"), compact, theme("dark"), theme("light"), compact, savePrefs, theme("dark"), theme("light"), compact, savePrefs],
  },
  {
    path: "/account",
    id: "src/views/account.ts#accountView",
    // the bench browser is a guest: no delete buttons
    steps: [expand(0), expand(0), expand(1), expand(2), expand(2), expand(0), expand(1), expand(1), expand(2), expand(0),
      expand(0), expand(2), expand(1), expand(0), expand(1), expand(2), expand(2), expand(0), expand(1), expand(1)],
  },
  {
    path: "/inventory",
    id: "src/views/inventory.ts#inventoryPageView",
    // 25 items, 10 per page at first; every step is a live_patch (handleParams loads on the server)
    steps: [next, next, prev, sortBy(1), sortBy(1), perPage(0), next, next, next, prev,
      sortBy(2), next, sortBy(0), perPage(2), sortBy(0), perPage(1), next, next, prev, sortBy(1)],
  },
  {
    path: "/volunteers",
    id: "src/views/volunteers.ts#volunteersLiveView",
    steps: [details(0), details(0), shift("morning"), details(0), shift("all"), checkIn(1), checkIn(1), shift("evening"), shift("afternoon"), details(0),
      details(0), shift("all"), checkIn(0), details(2), checkIn(0), shift("morning"), shift("all"), details(2), checkIn(2), checkIn(2)],
  },
  {
    path: "/volunteers/1",
    id: "src/views/volunteerDetail.ts#volunteerDetailView",
    components: ["src/components/shiftPicker.ts#shiftPicker"],
    // one confirm, at the end: after a confirm, liveviewjs 0.8.1 keeps the picker's server state open,
    // so its next toggle shows nothing and the two sides' sessions would drift apart
    steps: [contact, contact, picker, choose("evening"), choose("afternoon"), picker, { click: 'p > [phx-click="check-in"]' }, { click: 'p > [phx-click="check-in"]' },
      picker, choose("morning"), picker, picker, choose("evening"), contact, { click: 'p > [phx-click="check-in"]' }, contact, choose("afternoon"), choose("morning"), confirm,
      { click: 'p > [phx-click="check-in"]' }],
  },
  {
    path: "/pantry",
    id: "src/views/pantry.ts#pantryShelfView",
    // restock (server) only under "all", where a low shelf item is always listed
    steps: [hideEmpty, hideEmpty, shelf("Shelf B"), shelf("Shelf C"), shelf("all"), restock, hideEmpty, shelf("Shelf A"), shelf("Shelf E"), hideEmpty,
      shelf("all"), restock, shelf("Shelf D"), hideEmpty, hideEmpty, shelf("all"), restock, shelf("Shelf B"), shelf("all"), hideEmpty],
  },
  {
    path: "/photos",
    id: "src/views/photoGallery.ts#photoGalleryView",
    // the caption only: no file uploads (the save without files still runs the command)
    steps: [{ type: '#upload-form input[name="caption"]', text: "Harbor dock" }, { submit: "#upload-form" }, { clear: '#upload-form input[name="caption"]' },
      { type: '#upload-form input[name="caption"]', text: "Crates" }, { submit: "#upload-form" }],
  },
  {
    path: "/reports",
    id: "src/views/report.js#reportView",
    steps: [range("month"), range("year"), range("week"), range("year"), range("month"), range("week"), range("week"), range("month"), range("year"), range("month"),
      range("week"), range("year"), range("year"), range("week"), range("month"), range("week"), range("month"), range("year"), range("week"), range("month")],
  },
  {
    path: "/dashboard",
    id: "src/views/dashboard.ts#opsDashboardView",
    // pause/resume (the polling timer: ctx.every / ctx.cancel once migrated) and refresh now (server)
    steps: Array.from({ length: 20 }, (_, i) => ({ click: i % 2 ? '[phx-click="refresh-now"]' : '[phx-click="toggle-pause"]' })),
  },
];
