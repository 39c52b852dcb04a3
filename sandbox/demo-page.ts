/**
 * The demo article the sandbox serves at /__sandbox/demo.html: a conference "who's who" that
 * mentions sandbox people in the forms pages really use (plain text, links, mailto:, a bare
 * address, non-Latin scripts, a middle initial, a shared name), next to names of nobody in the
 * roster. Built from the fixed featured people only, so it is the same for every seed and size.
 */
import { DECOY_NAMES, FEATURED_PEOPLE, type FeaturedKey } from './featured';

export type MentionForm =
  | 'plain'
  | 'possessive'
  | 'non-ascii'
  | 'non-latin-script'
  | 'link-text'
  | 'heading'
  | 'mailto'
  | 'bare-email'
  | 'middle-initial'
  | 'same-name'
  | 'hyphenated'
  | 'apostrophe'
  | 'internal';

export interface DemoMention {
  /** The featured people (featured.ts) this text may refer to: two for the shared name. */
  keys: readonly FeaturedKey[];
  /** The text as it appears on the page (for mailto:, the address in the href). */
  text: string;
  form: MentionForm;
}

const P = FEATURED_PEOPLE;

/** Every mention of a roster person on the demo page, in page order. */
export const DEMO_PAGE_MENTIONS: readonly DemoMention[] = [
  { keys: ['zoe'], text: P.zoe.fullName, form: 'non-ascii' },
  { keys: ['tomas'], text: P.tomas.fullName, form: 'internal' },
  { keys: ['zoe'], text: `${P.zoe.fullName}'s`, form: 'possessive' },
  { keys: ['jose'], text: P.jose.fullName, form: 'non-ascii' },
  { keys: ['danielQuill', 'danielHanbit'], text: 'Daniel Kim', form: 'same-name' },
  { keys: ['danielQuill', 'danielHanbit'], text: 'Daniel Kim', form: 'same-name' },
  { keys: ['soren'], text: P.soren.fullName, form: 'link-text' },
  { keys: ['lukasz'], text: P.lukasz.fullName, form: 'heading' },
  { keys: ['lukasz'], text: P.lukasz.fullName, form: 'plain' },
  { keys: ['anna'], text: 'anna.mueller@rheinfintech.de', form: 'mailto' },
  { keys: ['dmitry'], text: P.dmitry.fullName, form: 'non-latin-script' },
  { keys: ['mohammed'], text: P.mohammed.fullName, form: 'non-latin-script' },
  { keys: ['margaret'], text: 'Margaret A. Okonkwo', form: 'middle-initial' },
  { keys: ['fatima'], text: P.fatima.fullName, form: 'plain' },
  { keys: ['jeanLuc'], text: P.jeanLuc.fullName, form: 'hyphenated' },
  { keys: ['liam'], text: P.liam.fullName, form: 'apostrophe' },
  { keys: ['priya'], text: 'priya.n@gmail.com', form: 'bare-email' },
];

/** The distinct roster people the page mentions. */
export const DEMO_PAGE_PEOPLE: readonly FeaturedKey[] = [
  ...new Set(DEMO_PAGE_MENTIONS.flatMap((m) => m.keys)),
];

/** Names and addresses on the page that belong to nobody in the roster. */
export const DEMO_PAGE_NOT_IN_ROSTER: readonly string[] = [...DECOY_NAMES, 'press@fintechforum.example'];

/** Text that names roster people where no page marks should go (a form field, structured data). */
export const DEMO_PAGE_UNMARKABLE: readonly string[] = [P.zoe.fullName, P.soren.fullName];

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function renderDemoPage(): string {
  const e = escape;
  const [elena, marcus, carlos, ingrid, kimura, janeDoe] = DECOY_NAMES;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Who's who at the Fintech Forum 2026</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Fintech Forum 2026","performer":{"@type":"Person","name":"${e(P.soren.fullName)}"}}</script>
<style>
  body { font: 17px/1.6 Georgia, 'Times New Roman', serif; color: #1d1d1f; background: #fbfaf7; margin: 0; }
  header, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
  header { padding-top: 2.5rem; }
  .kicker { font: 600 0.8rem/1 system-ui, sans-serif; letter-spacing: 0.08em; text-transform: uppercase; color: #8a5a00; }
  h1 { font-size: 2.4rem; line-height: 1.15; margin: 0.4rem 0; }
  h2 { font: 700 1.3rem/1.3 system-ui, sans-serif; margin-top: 2.2rem; }
  h3 { font-size: 1.1rem; margin-bottom: 0.2rem; }
  .byline, .caption, footer { font: 0.9rem/1.5 system-ui, sans-serif; color: #5b5b60; }
  aside { border-left: 4px solid #d9c9a3; padding: 0.4rem 1rem; background: #f3efe4; margin: 1.5rem 0; }
  a { color: #0b57d0; }
  form { font: 0.95rem system-ui, sans-serif; margin: 2rem 0; padding: 1rem; border: 1px solid #ddd; background: #fff; }
  input { font: inherit; padding: 0.3rem 0.5rem; width: 16rem; }
</style>
</head>
<body>
<header>
  <p class="kicker">Fintech Forum 2026 · Lisbon</p>
  <h1>Who's who at the Fintech Forum</h1>
  <p class="byline">By ${e(elena ?? '')}, conference desk · 24 November 2026</p>
</header>
<main>
  <article>
    <p>The third Fintech Forum opens on Tuesday with a keynote by ${e(P.zoe.fullName)}, managing partner at
    Northlight Capital, on why embedded finance still has a decade to run. The panel that follows is
    moderated by ${e(P.tomas.fullName)} of Lumen Ventures, and ${e(P.zoe.fullName)}'s slides will be
    shared afterwards.</p>

    <h2>Payments</h2>
    <p>${e(P.jose.fullName)}, who built the card-issuing platform at Quill Payments, will explain how a
    twelve-person team passed its first PCI audit. His co-founder Daniel Kim joins him on stage. Not to be
    confused with the other Daniel Kim, the Hanbit Bank treasurer attending as a limited partner, nor with
    ${e(kimura ?? '')} of the organising committee. ${e(carlos ?? '')}, no relation of José, runs the
    hackathon.</p>
    <p>From the Nordics, <a href="https://example.org/speakers/soren-odegard">${e(P.soren.fullName)}</a> of
    Fjordpay brings the account-to-account numbers everybody quotes and nobody checks.</p>

    <h3>${e(P.lukasz.fullName)} on instant payments</h3>
    <p>Vistula Bank moved a third of its retail transfers to instant rails in a year.
    ${e(P.lukasz.fullName)} will say what broke first (the fraud models) and what did not (the core).</p>

    <h2>Regulation</h2>
    <p>The regulation track is chaired by Rhein Fintech's general counsel; questions for the chair can be sent
    ahead: <a href="mailto:anna.mueller@rheinfintech.de">write to the track chair</a>. Joining her are
    <span lang="ru">${e(P.dmitry.fullName)}</span> of Neva Capital and
    <bdi lang="ar" dir="rtl">${e(P.mohammed.fullName)}</bdi> of Gulf Ledger, on licensing across three
    jurisdictions.</p>

    <aside>
      <p><strong>Advisers' corner.</strong> Margaret A. Okonkwo (Okonkwo Advisory) and
      ${e(P.fatima.fullName)} of the Atlas Fintech Hub hold office hours on Wednesday morning; sign-up
      sheets are at the registration desk. ${e(ingrid ?? '')} has joined them this year.</p>
    </aside>

    <h2>Infrastructure</h2>
    <p>${e(P.jeanLuc.fullName)} (Paris Clearing) and ${e(P.liam.fullName)} of Harp Capital debate whether
    clearing houses survive stablecoins. ${e(marcus ?? '')}, who was billed to join them, withdrew last
    week.</p>
    <p class="caption">Speaker bios were compiled from submissions; corrections to priya.n@gmail.com or
    press@fintechforum.example.</p>
  </article>

  <form onsubmit="return false" aria-label="Register">
    <p><label>Attendee name <input name="attendee" value="${e(P.zoe.fullName)}"></label></p>
    <p><label>Badge name, as it should be printed (e.g. ${e(janeDoe ?? '')})
      <input name="badge" placeholder="${e(janeDoe ?? '')}"></label></p>
  </form>
</main>
<footer><p>© 2026 Fintech Forum. A demo page of the Affinity Lens sandbox: every person in it is fictional.</p></footer>
</body>
</html>
`;
}
