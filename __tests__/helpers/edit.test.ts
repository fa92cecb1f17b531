import { describe, expect, it } from 'vitest';
import { edit } from './edit.js';

describe('edit(), the fixture-variant helper', () => {
  it('replaces like String.prototype.replace when the text occurs', () => {
    expect(edit('replicas: 3\nname: web', 'replicas: 3', 'replicas: 1')).toBe('replicas: 1\nname: web');
    expect(edit('web web-api', /web/g, 'app')).toBe('app app-api');
  });

  it('fails loudly when the text does not occur, so a variant never silently tests the fixture unchanged', () => {
    expect(() => edit('replicas: 3', 'replicas: 4', 'replicas: 1')).toThrow(/"replicas: 4" does not occur/);
    expect(() => edit('replicas: 3', /grace/g, 'x')).toThrow(/\/grace\/g does not occur/);
  });
});
