// Loaded at the end of <body> as an ES module, so it only runs in browsers that
// GOV.UK Frontend 5 supports. Kept in a file (not inline) for the
// Content-Security-Policy. Every core flow works without JavaScript.
import { initAll } from '/assets/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
