/**
 * The issue forms GitHub shows are well formed (GitHub rejects a form with an unknown element type
 * or a repeated id) and ask for what a report needs to become a test: the rendered manifest and the
 * finding for validate, the report file for watch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = new URL('../../.github/ISSUE_TEMPLATE/', import.meta.url).pathname;

interface Element {
  type: string;
  id?: string;
  attributes: { label?: string; value?: string; options?: string[] };
  validations?: { required?: boolean };
}
interface Form {
  name: string;
  description: string;
  body: Element[];
}

const forms = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yml') && f !== 'config.yml')
    .map((f) => [f, parse(readFileSync(dir + f, 'utf8')) as Form]),
);
const required = (form: Form): string[] =>
  form.body.filter((e) => e.validations?.required).map((e) => e.attributes.label ?? '');

describe('.github/ISSUE_TEMPLATE', () => {
  it('has forms for false positives, false negatives and watch verdicts', () => {
    expect(Object.keys(forms).sort()).toEqual(['false-negative.yml', 'false-positive.yml', 'watch-verdict.yml']);
  });

  it.each(Object.keys(forms))('%s is a valid issue form', (file) => {
    const form = forms[file]!;
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    const ids = form.body.filter((e) => e.type !== 'markdown').map((e) => e.id);
    expect(new Set(ids).size, 'unique ids').toBe(ids.length);
    for (const e of form.body) {
      expect(['markdown', 'textarea', 'input', 'dropdown', 'checkboxes']).toContain(e.type);
      if (e.type === 'markdown') expect(e.attributes.value).toBeTruthy();
      else expect(e.id).toMatch(/^[a-z][a-z0-9_-]*$/);
      if (e.type !== 'markdown') expect(e.attributes.label).toBeTruthy();
      if (e.type === 'dropdown') expect(e.attributes.options?.length).toBeGreaterThan(1);
    }
  });

  it('validate reports require the rendered manifest and what zd-gate printed; watch reports the report file', () => {
    expect(required(forms['false-positive.yml']!)).toEqual(
      expect.arrayContaining(['The rendered manifest', 'The finding', 'zd-gate version']),
    );
    expect(required(forms['false-negative.yml']!)).toEqual(
      expect.arrayContaining(['The rendered manifest', 'What zd-gate printed', 'zd-gate version']),
    );
    expect(required(forms['watch-verdict.yml']!)).toEqual(
      expect.arrayContaining(['The report file', 'What the load balancer served', 'zd-gate version']),
    );
  });

  it('config.yml links the private security report', () => {
    const config = parse(readFileSync(`${dir}config.yml`, 'utf8')) as { contact_links: Array<{ url: string }> };
    expect(config.contact_links.map((l) => l.url)).toContain(
      'https://github.com/zd-gate/zd-gate/security/advisories/new',
    );
  });
});
