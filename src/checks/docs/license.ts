// docs.license: a licence file exists; `na` for a private app that says so with `"private": true`.
import { licenseFileIn } from '../../collectors/docs.js';
import { defineCheck } from '../../core/check.js';

/** SPDX's way for a package.json to say "no licence is granted": a proprietary, closed project. */
const PROPRIETARY = /^UNLICENSED$/i;
/** npm's way to point at a licence file with another name: `"license": "SEE LICENSE IN EULA.txt"`. */
const SEE_FILE = /^SEE LICEN[CS]E IN\s+(.+)$/i;

export const licenseCheck = defineCheck({
  id: 'docs.license',
  area: 'docs',
  title: 'A licence file states how the code may be used',
  failureTitle: 'No licence file',
  rationale:
    'Without a licence, nobody else may legally use, copy or change the code, whatever its visibility on ' +
    'GitHub. Clients, contributors and acquirers check this early; a "license" field in package.json is ' +
    'not enough on its own, because most licences require their full text to ship with the code.',
  remediation:
    'Choose a licence (https://choosealicense.com: MIT for permissive open source, or a proprietary notice ' +
    'for a closed product) and commit its full text as LICENSE at the root; set the same identifier in ' +
    'package.json\'s "license" field. For an application that is never published, mark package.json ' +
    '`"private": true` instead, and this check no longer applies. In a monorepo, one LICENSE at the root ' +
    'covers every package; otherwise each published package needs its own.',
  severity: 'low',
  weight: 1,
  effortMinutes: 5,
  requires: ['docs', 'manifests', 'tree'],
  run({ docs, manifests, tree }) {
    const root = manifests.root;
    const declared = typeof root?.raw.license === 'string' ? root.raw.license : null;
    const pointedAt = SEE_FILE.exec(declared ?? '')?.[1]?.trim().replace(/^\.\//, '') ?? null;
    const file = docs.license ?? (pointedAt && tree.has(pointedAt) ? pointedAt : null);
    if (file) {
      const text = tree.read(file);
      if (text !== null && text.trim() === '') {
        return {
          status: 'fail',
          evidence: [`${file} is empty`],
          findings: [{ message: `${file} is empty: it grants nothing.`, location: { file }, snippet: 'empty' }],
        };
      }
      return { status: 'pass', evidence: [`${file} is present`, ...(declared ? [`package.json: "license": "${declared}"`] : [])] };
    }
    // A private root is often only the frame of a monorepo whose packages are published one by one.
    const published = root?.private ? manifests.workspaces.filter((manifest) => !manifest.private) : [];
    if (published.length > 0) {
      const missing = published.filter((manifest) => !licenseFileIn(tree, manifest.dir));
      const present = published.flatMap((manifest) => licenseFileIn(tree, manifest.dir) ?? []);
      if (missing.length === 0) return { status: 'pass', evidence: present.map((path) => `${path} is present`) };
      return {
        status: present.length > 0 ? 'partial' : 'fail',
        score: present.length / published.length,
        evidence: [
          'no licence file at the root',
          ...missing.map((manifest) => `${manifest.path}: a published package (not "private") without a licence file`),
        ],
        findings: missing.map((manifest) => ({
          message: `${manifest.name ?? manifest.dir} (${manifest.path}) is published without a licence file, and there is none at the root either.`,
          location: { file: manifest.path },
          snippet: manifest.dir,
        })),
      };
    }
    if (root?.private) {
      return {
        status: 'na',
        evidence: ['package.json: "private": true'],
        reason: 'package.json marks the project "private": true (an application that is not published), and there is no licence file',
      };
    }
    if (declared && PROPRIETARY.test(declared)) {
      return {
        status: 'na',
        evidence: [`package.json: "license": "${declared}"`],
        reason: `package.json declares the project proprietary ("license": "${declared}")`,
      };
    }
    if (declared) {
      return {
        status: 'partial',
        score: 0.5,
        evidence: [`package.json: "license": "${declared}"`, 'no LICENSE, LICENCE or COPYING file'],
        findings: [
          {
            message: `package.json declares the ${declared} licence but its text is not in the repository (add it as LICENSE).`,
            location: { file: 'package.json' },
            snippet: declared,
          },
        ],
      };
    }
    return {
      status: 'fail',
      evidence: ['no LICENSE, LICENCE or COPYING file, no "license" field, and package.json is not marked "private"'],
      findings: [{ message: 'The repository has no licence: nobody may legally reuse its code.', location: null }],
    };
  },
});
