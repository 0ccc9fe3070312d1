import { describe, expect, it } from 'vitest';
import { readDateline } from '../../../electron/core/parse/dateline.js';

describe('readDateline: house styles', () => {
  it.each([
    ['SEOUL: Officials said on Friday.', 'SEOUL', null, 'SEOUL:', 'Officials said on Friday.'],
    ['KABUL: Pakistan and Afghanistan exchanged fire.', 'KABUL', null, 'KABUL:', 'Pakistan and Afghanistan exchanged fire.'],
    ['WASHINGTON (AP) — The Senate voted.', 'WASHINGTON', 'AP', 'WASHINGTON (AP) —', 'The Senate voted.'],
    ['NEW YORK (AP) — Stocks rose.', 'NEW YORK', 'AP', 'NEW YORK (AP) —', 'Stocks rose.'],
    ['ST. LOUIS (AP) — A judge ruled.', 'ST. LOUIS', 'AP', 'ST. LOUIS (AP) —', 'A judge ruled.'],
    ['PORT-AU-PRINCE, Haiti (AP) — Gangs blocked roads.', 'PORT-AU-PRINCE, Haiti', 'AP', 'PORT-AU-PRINCE, Haiti (AP) —', 'Gangs blocked roads.'],
    ['LONDON, Nov 27 (Reuters) - The Bank of England held.', 'LONDON', 'Reuters', 'LONDON, Nov 27 (Reuters) -', 'The Bank of England held.'],
    ['NEW YORK, Nov. 27 (Reuters) - Oil fell.', 'NEW YORK', 'Reuters', 'NEW YORK, Nov. 27 (Reuters) -', 'Oil fell.'],
    ['TOKYO, March 4 (Reuters) - The Nikkei rose.', 'TOKYO', 'Reuters', 'TOKYO, March 4 (Reuters) -', 'The Nikkei rose.'],
    ['SÃO PAULO, Nov 27 (Reuters) - Brazil’s real gained.', 'SÃO PAULO', 'Reuters', 'SÃO PAULO, Nov 27 (Reuters) -', 'Brazil’s real gained.'],
    ['ISLAMABAD/KABUL (Reuters) - Talks ended.', 'ISLAMABAD/KABUL', 'Reuters', 'ISLAMABAD/KABUL (Reuters) -', 'Talks ended.'],
    ['MADRID (Reuters) - Farmers will get less water.', 'MADRID', 'Reuters', 'MADRID (Reuters) -', 'Farmers will get less water.'],
    ['PARIS (AFP) – Strikes halted trains.', 'PARIS', 'AFP', 'PARIS (AFP) –', 'Strikes halted trains.'],
    ['BOSTON — When the ferry shut, nurses lost time.', 'BOSTON', null, 'BOSTON —', 'When the ferry shut, nurses lost time.'],
    ['BOSTON -- A double hyphen stands in for a dash.', 'BOSTON', null, 'BOSTON --', 'A double hyphen stands in for a dash.'],
    ['WASHINGTON, D.C. — The capital braced for snow.', 'WASHINGTON, D.C.', null, 'WASHINGTON, D.C. —', 'The capital braced for snow.'],
    ['GAZA CITY: Aid trucks entered.', 'GAZA CITY', null, 'GAZA CITY:', 'Aid trucks entered.'],
  ])('%s', (paragraph, place, agency, text, rest) => {
    expect(readDateline(paragraph)).toEqual({ place, agency, text, rest });
  });
});

describe('readDateline: prose and labels are not datelines', () => {
  it.each([
    'Officials said: the talks would resume on Monday.',
    'US officials said: the talks would resume.',
    'The minister said — without naming the country — that talks had failed.',
    'Seoul: officials said on Friday.',
    'London, Nov 27 (Reuters) - lower-case places are prose.',
    'A: The first answer in a Q&A.',
    'Q: Why now?',
    'I — for one — disagree.',
    'UPDATE: This story has been updated with comment from the ministry.',
    'BREAKING: Parliament has been dissolved.',
    'CORRECTION: An earlier version misspelled the minister’s name.',
    'EDITOR’S NOTE: This story contains graphic descriptions.',
    'SEOUL:no space after the colon is not a dateline',
    'KABUL: ',
    'BOSTON —',
    'Pakistan and Afghanistan exchanged heavy fire along their border late on Friday.',
    '“We will not back down,” he said.',
    '',
  ])('%j', (paragraph) => {
    expect(readDateline(paragraph)).toBeNull();
  });
});
