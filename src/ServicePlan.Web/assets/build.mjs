// Copies GOV.UK Frontend's JavaScript and images into wwwroot/assets.
// The GDS Transport fonts are deliberately not copied: ServicePlan is not on
// GOV.UK and uses a system font stack (see assets/scss/app.scss).
import { cpSync, existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk')
const out = join(root, 'wwwroot', 'assets')

if (!existsSync(govuk)) {
  console.error(`build.mjs: ${govuk} not found - run "npm ci" first.`)
  process.exit(1)
}

mkdirSync(out, { recursive: true })

const files = [
  ['govuk-frontend.min.js', 'govuk-frontend.min.js'],
  ['govuk-frontend.min.js.map', 'govuk-frontend.min.js.map']
]
for (const [from, to] of files) {
  cpSync(join(govuk, from), join(out, to))
}
cpSync(join(govuk, 'assets', 'images'), join(out, 'images'), { recursive: true })
// ServicePlan's own icon, over GOV.UK Frontend's: the crown is for GOV.UK services only, and a council's is not one.
const icons = join(root, 'assets', 'images')
for (const icon of ['favicon.ico', 'favicon.svg', 'apple-touch-icon.png']) {
  cpSync(join(icons, icon), join(out, 'images', icon))
}
// Browsers ask for /favicon.ico whatever the page links to (bookmarks, tabs opened from elsewhere).
cpSync(join(icons, 'favicon.ico'), join(root, 'wwwroot', 'favicon.ico'))

console.log(`build.mjs: copied GOV.UK Frontend JavaScript and images to ${out}`)
