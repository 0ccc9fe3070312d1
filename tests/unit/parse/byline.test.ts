import { describe, expect, it } from 'vitest';
import { readByline } from '../../../electron/core/parse/byline.js';

describe('readByline', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['BY JANE DOE', 'JANE DOE'],
    ['by Jane Doe', 'Jane Doe'],
    ['By JANE DOE Associated Press', 'JANE DOE Associated Press'],
    ['By MARIA OKAFOR and DEVIN HALE Associated Press', 'MARIA OKAFOR and DEVIN HALE Associated Press'],
    ['By Maria de la Cruz and Ali bin Saleh', 'Maria de la Cruz and Ali bin Saleh'],
    ["By Aisha Rahman and Tom O'Neill, staff writers", "Aisha Rahman and Tom O'Neill, staff writers"],
    ['By Jane Doe | Reuters', 'Jane Doe | Reuters'],
    ['By J. Doe', 'J. Doe'],
    ['By John Doe Jr.', 'John Doe Jr.'],
    ['By Tomás Ferreira', 'Tomás Ferreira'],
    ['By the Associated Press', 'the Associated Press'],
    ['  By Jane Doe  ', 'Jane Doe'],
  ])('%j → %j', (line, byline) => {
    expect(readByline(line)).toBe(byline);
  });

  it.each([
    'By Tuesday, officials had counted 40 dead.',
    'By midday Tuesday, the supplier had agreed to pay a £12 million penalty, the regulator said.',
    'By late August, fewer than one in five claims had been paid',
    'By 2030 the city wants every bus to be electric',
    'By contrast, the opposition called the deal a surrender.',
    'By the end of the day, the talks had collapsed.',
    'Bystanders filmed the crash.',
    'By',
    'Jane Doe',
    'Written by Jane Doe',
  ])('%j is not a byline', (line) => {
    expect(readByline(line)).toBeNull();
  });
});
