import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ArticleContent, emptyContent } from '../../../electron/core/model.js';
import { sha256 } from '../../../electron/core/parse/seed-text.js';
import { ENCODED_FIXTURES } from '../../fixtures/seed/generate-encoded.js';
import { codes, fixturePath, parseFile } from './helpers.js';

const article = (over: Partial<ArticleContent> & { headline: string }): ArticleContent => ({ ...emptyContent(over.headline), ...over });

interface Expected {
  encoding: string;
  articles: { content: ArticleContent; warnings: string[] }[];
  fileWarnings?: string[];
}

const EXPECTED: Record<string, Expected> = {
  '01-ap-wire-byline.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'Senate passes stopgap bill to keep government open through January',
          // No caption, so the agency named in the dateline is the credit.
          credit: 'AP',
          byline: 'MARIA OKAFOR and DEVIN HALE Associated Press',
          dateline: 'WASHINGTON',
          datelineText: 'WASHINGTON (AP) —',
          paragraphs: [
            'The Senate on Thursday passed a short-term spending bill that keeps federal agencies funded through Jan. 30, sending the measure to the president hours before a midnight deadline.',
            'The vote was 71-26, with a majority of Republicans joining nearly every Democrat in support.',
            '“Nobody wins a shutdown,” the Senate majority leader said on the floor before the vote. “Not the agencies, not the contractors and certainly not the families who depend on them.”',
            'The bill carries no new money for border enforcement, a sticking point that stalled talks for much of the week.',
            'House leaders said they expected to take up a longer-term package after the holiday recess.',
            'Associated Press writer Lena Whitcomb contributed to this report.',
          ],
        }),
        warnings: ['no-anchor'],
      },
    ],
  },
  '02-reuters-london.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'Bank of England holds rates, signals cuts could come in spring',
          caption: 'Bank of England Governor speaks during a news conference at the Bank of England in London, Britain, November 27, 2025.',
          // The caption's credit wins over the dateline's "Reuters".
          credit: 'REUTERS',
          updated: { raw: 'Updated 27 November 2025', date: '2025-11-27', relative: false },
          highlights: ['Policymakers voted 6-3 to keep Bank Rate at 4.0%', 'Three members backed a quarter-point cut'],
          dateline: 'LONDON',
          datelineText: 'LONDON, Nov 27 (Reuters) -',
          paragraphs: [
            'The Bank of England kept interest rates on hold on Thursday but said inflation was falling faster than it expected in the summer, opening the door to a cut as soon as February.',
            'Sterling fell half a cent against the dollar after the decision, and two-year gilt yields dropped to their lowest since August.',
            '"The direction of travel is clear, but we need to see services inflation come down further," the governor told reporters.',
            'Economists polled by Reuters last week had expected the central bank to hold.',
            '(Reporting by Kate Holton and Andy Bruce; Editing by William Schomberg)',
          ],
        }),
        warnings: [],
      },
    ],
  },
  '03-boston-dash.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'Harvard researchers map how winter storms strand coastal commuters',
          updated: { raw: 'Updated 2 hours ago', date: null, relative: true },
          highlights: ['Study tracked 40,000 anonymised phone journeys across three storms', 'Ferry cancellations hit shift workers hardest'],
          byline: 'Jane Doe',
          dateline: 'BOSTON',
          datelineText: 'BOSTON —',
          paragraphs: [
            'When the nor’easter shut the Hingham ferry last February, nurses on the early shift at Boston hospitals lost an average of 94 minutes each way, according to a study published Tuesday.',
            'The researchers used anonymised location data supplied by two mobile carriers to follow commuters before, during and after three major storms.',
            '“The people with the least flexibility paid the highest price,” said the study’s lead author, an urban planner at the university.',
            'The state transportation department said it was reviewing the findings.',
          ],
        }),
        warnings: ['relative-date'],
      },
    ],
  },
  '04-separators.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'City council approves late-night bus pilot',
          dateline: 'OAKLAND',
          datelineText: 'OAKLAND —',
          paragraphs: [
            'The city council voted 6-2 on Tuesday to fund a six-month pilot of late-night bus service between downtown and the airport.',
            'The first buses are expected to run in March.',
          ],
        }),
        warnings: ['no-anchor'],
      },
      {
        content: article({
          headline: 'Drought forces ration on farm water in southern Spain',
          credit: 'Reuters',
          dateline: 'MADRID',
          datelineText: 'MADRID (Reuters) -',
          paragraphs: [
            'Farmers in Andalusia will receive a third less irrigation water next season after reservoirs fell to 21% of capacity, regional officials said on Wednesday.',
            "Olive growers warned the cut would hit next year's harvest.",
          ],
        }),
        warnings: ['no-anchor'],
      },
      {
        content: article({
          headline: 'Museum returns looted bronzes to Nigeria',
          updated: { raw: 'Updated 3 March 2025', date: '2025-03-03', relative: false },
          dateline: 'BERLIN',
          datelineText: 'BERLIN:',
          paragraphs: [
            'A German museum handed over 21 Benin Bronzes to Nigerian officials on Monday, the latest return of artefacts taken by British troops in 1897.',
            'The objects will be displayed in a new museum in Benin City.',
          ],
        }),
        warnings: [],
      },
      {
        content: article({
          headline: 'Storm cuts power to thousands in Nova Scotia',
          dateline: 'HALIFAX',
          datelineText: 'HALIFAX —',
          paragraphs: [
            'More than 60,000 homes and businesses lost power overnight as a fall storm brought gusts of up to 110 km/h to the Atlantic coast.',
            'Crews expect to restore most service by Thursday evening.',
          ],
        }),
        warnings: ['no-anchor'],
      },
      {
        content: article({
          headline: 'Tokyo stocks close at record high on chip rally',
          credit: 'Reuters',
          dateline: 'TOKYO',
          datelineText: 'TOKYO, March 4 (Reuters) -',
          paragraphs: [
            "Japan's Nikkei share average closed at a record on Tuesday, led by chip-related stocks after strong earnings from a major supplier.",
            'The broader Topix rose 0.8%.',
          ],
        }),
        warnings: ['no-anchor'],
      },
    ],
  },
  '05-blank-gaps.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'Library extends weekend hours after petition',
          dateline: 'PORTLAND',
          datelineText: 'PORTLAND —',
          // Two blank lines are a paragraph break, not an article break.
          paragraphs: [
            'The public library will stay open until 8 p.m. on Saturdays and Sundays from next month, after more than 3,000 residents signed a petition.',
            'The change costs about $400,000 a year.',
            'The library board approved the money on a 5-0 vote.',
          ],
        }),
        warnings: ['no-anchor'],
      },
      {
        content: article({
          headline: 'Teachers’ union sets strike vote for next week',
          dateline: 'CHICAGO',
          datelineText: 'CHICAGO —',
          paragraphs: [
            'Members of the city’s teachers’ union will vote on Dec. 3 on whether to authorize a strike, union leaders said Friday.',
            'Talks over class sizes and pay broke down on Wednesday.',
          ],
        }),
        warnings: ['no-anchor'],
      },
      {
        content: article({
          headline: 'Wildfire near Athens forces village evacuations',
          credit: 'Reuters',
          dateline: 'ATHENS',
          datelineText: 'ATHENS, Aug 11 (Reuters) -',
          paragraphs: [
            'Greek authorities ordered the evacuation of four villages north of Athens on Monday as a wildfire fanned by strong winds spread through pine forest.',
            'More than 200 firefighters and nine aircraft were battling the blaze.',
          ],
        }),
        warnings: ['no-anchor'],
      },
    ],
  },
  '06-crlf-bom.txt': {
    encoding: 'utf-8-bom',
    articles: [
      {
        content: article({
          headline: 'Ukraine grain corridor ships resume after two-day pause',
          caption: 'Cargo ships wait to pass through the Bosphorus in Istanbul, Turkey, November 26, 2025.',
          credit: 'REUTERS',
          updated: { raw: 'Updated 26 November 2025', date: '2025-11-26', relative: false },
          highlights: ['Five vessels left Odesa ports on Wednesday, the navy said', 'Insurers had raised war-risk premiums after a drone strike'],
          dateline: 'KYIV',
          datelineText: 'KYIV, Nov 26 (Reuters) -',
          paragraphs: [
            "Cargo ships resumed sailing from Ukraine's Black Sea ports on Wednesday after a two-day pause caused by drone attacks on port infrastructure, the navy said.",
            'Five vessels carrying 180,000 tonnes of grain and vegetable oil left Odesa, Chornomorsk and Pivdennyi.',
            '(Reporting by Olena Harmash; Editing by Toby Chopra)',
          ],
        }),
        warnings: [],
      },
    ],
  },
  '07-utf16le-bom.txt': {
    encoding: 'utf-16le',
    articles: [
      {
        content: article({
          headline: 'Zoë Ngữ wins Booker Prize for debut novel',
          updated: { raw: 'Updated 11 November 2025', date: '2025-11-11', relative: false },
          highlights: ['The judges called the novel “a quiet earthquake”', 'Ngữ is the first Vietnamese-French writer to win the prize'],
          dateline: 'LONDON',
          datelineText: 'LONDON:',
          paragraphs: [
            'Zoë Ngữ won the Booker Prize on Tuesday for her debut novel about three generations of a family in Đà Nẵng and Marseille.',
            'The chair of the judges said the panel reached a unanimous decision after four hours.',
            'Ngữ will receive £50,000. 📚',
          ],
        }),
        warnings: [],
      },
    ],
  },
  '08-utf16be-bom-cr.txt': {
    encoding: 'utf-16be',
    articles: [
      {
        content: article({
          headline: 'Mountain rescue team finds missing hikers alive',
          dateline: 'GENEVA',
          datelineText: 'GENEVA —',
          paragraphs: [
            'Rescuers found two hikers alive on Sunday after a night on a glacier above Zermatt, police said.',
            'Both were flown to hospital with mild hypothermia.',
          ],
        }),
        warnings: ['no-anchor'],
      },
    ],
  },
  '09-hard-wrapped.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'Inspectors find cracks in ageing bridge as repair budget stalls',
          updated: { raw: 'Updated 5 June 2025', date: '2025-06-05', relative: false },
          highlights: [
            "Engineers found cracks in two of the bridge's steel girders during a routine inspection",
            'The state has delayed repairs twice since 2021',
          ],
          dateline: 'PITTSBURGH',
          datelineText: 'PITTSBURGH —',
          paragraphs: [
            'State inspectors found fatigue cracks in two steel girders of the Liberty Street bridge during a routine check last week, according to a report released on Thursday.',
            'The bridge remains open, but trucks over 10 tons have been barred until engineers complete a fuller assessment.',
            '"We are not taking chances," a transportation department spokeswoman said.',
            'The legislature has twice postponed a $45 million repair package, most recently in the spring budget.',
          ],
        }),
        warnings: [],
      },
    ],
  },
  '10-furniture-only.txt': { encoding: 'utf-8', articles: [], fileWarnings: ['no-articles'] },
  '11-arabic.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'السعودية تطلق برنامجاً جديداً لدعم الشركات الناشئة',
          updated: { raw: 'Updated 14 October 2025', date: '2025-10-14', relative: false },
          highlights: ['يهدف البرنامج إلى تمويل 500 شركة ناشئة خلال ثلاث سنوات', 'تشمل المبادرة قطاعات التقنية المالية والطاقة المتجددة'],
          // Arabic has no capitals, so "الرياض:" cannot be told from "قال المسؤول:"; it stays in the text (see the fixtures README).
          paragraphs: [
            'الرياض: أعلنت وزارة الاستثمار يوم الثلاثاء عن إطلاق برنامج جديد بقيمة ملياري ريال لدعم الشركات الناشئة في المملكة.',
            'وقال مسؤول في الوزارة إن البرنامج سيقدم قروضاً ميسرة وتدريباً لرواد الأعمال.',
            'وتأتي المبادرة ضمن جهود تنويع الاقتصاد بعيداً عن النفط.',
          ],
        }),
        warnings: ['no-dateline'],
      },
    ],
  },
  '12-updated-with-time.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'Airline grounds fleet after software fault delays hundreds of flights',
          caption: 'A departures board shows delayed flights at an airport terminal, November 27, 2026.',
          credit: 'AFP',
          updated: { raw: 'Updated 27 November 2026 14:05', date: '2026-11-27', relative: false },
          highlights: ['The carrier said the fault was in a third-party crew scheduling system', 'No safety systems were affected, the airline said'],
          byline: 'Tomás Ferreira',
          dateline: 'LISBON',
          datelineText: 'LISBON:',
          paragraphs: [
            'The national carrier grounded its entire fleet for three hours on Thursday after a software fault in its crew scheduling system, delaying more than 300 flights.',
            'Passengers queued for hours at check-in desks in Lisbon and Porto.',
            'The airline said operations had returned to normal by early afternoon.',
          ],
        }),
        warnings: [],
      },
    ],
  },
  '13-headline-once.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'Regulator fines energy supplier over billing errors',
          caption: 'Customers queue at a customer service centre in Manchester, Britain, March 4, 2025.',
          credit: 'REUTERS',
          updated: { raw: 'Updated 4 March 2025', date: '2025-03-04', relative: false },
          highlights: ['The supplier overcharged 120,000 households over two years', 'Refunds will be paid automatically by the end of June'],
          paragraphs: [
            'By midday Tuesday, the supplier had agreed to pay a £12 million penalty, the regulator said.',
            'The regulator said the errors stemmed from a faulty meter-reading system introduced in 2022.',
            'The company apologised and said it had fixed the system.',
          ],
        }),
        warnings: ['headline-not-repeated', 'no-dateline'],
      },
      {
        content: article({
          headline: 'Ferry operator adds winter sailings to islands',
          updated: { raw: 'Updated 5 March 2025', date: '2025-03-05', relative: false },
          dateline: 'GLASGOW',
          datelineText: 'GLASGOW —',
          paragraphs: [
            'A ferry operator will add 14 extra weekly sailings to the Inner Hebrides this winter after complaints from island businesses.',
            'The new timetable starts on Nov. 1.',
          ],
        }),
        warnings: ['headline-not-repeated'],
      },
    ],
  },
  '14-unstructured.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'fwd: notes from tuesday council meeting - pls check before we run anything',
          paragraphs: [
            'Mayor opened at 7:10. Quorum reached.',
            'budget item deferred again (third time this year)',
            'Public comment: residents from the east side complained about the bus route changes; several said they were not consulted.',
            'Councillor Reyes asked staff for a written report by next meeting.',
            'adjourned 9:45',
          ],
        }),
        warnings: ['no-anchor', 'no-dateline'],
      },
    ],
  },
  '15-repeat-only.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          headline: 'Rail strike called off after overnight talks',
          dateline: 'MUMBAI',
          datelineText: 'MUMBAI:',
          paragraphs: [
            'A planned strike by suburban rail workers was called off early on Friday after union leaders reached a deal with the railway ministry on overtime pay.',
            'Services are expected to run normally.',
          ],
        }),
        warnings: [],
      },
    ],
  },
  '16-rewrapped-headline-and-prose-by.txt': {
    encoding: 'utf-8',
    articles: [
      {
        content: article({
          // Wrapped over two lines before the furniture, one line after: still the same headline, printed twice.
          headline: 'Flooded farmers wait for compensation as insurers dispute storm damage claims',
          updated: { raw: 'Updated 13/08/2025', date: '2025-08-13', relative: false },
          paragraphs: [
            "By late August, fewer than one in five claims had been paid, according to the farmers' union.",
            'Insurers say many policies excluded flood damage from rivers that burst their banks.',
            'The agriculture ministry has promised an emergency fund but has not said how large it will be.',
          ],
        }),
        warnings: ['no-dateline'],
      },
      {
        content: article({
          headline: 'Volunteers rebuild village school in six weeks',
          byline: "Aisha Rahman and Tom O'Neill, staff writers",
          dateline: 'CHITRAL',
          datelineText: 'CHITRAL:',
          paragraphs: [
            "More than 200 volunteers rebuilt a primary school destroyed in last year's floods, finishing the work in six weeks.",
            'Classes resumed on Monday.',
          ],
        }),
        warnings: ['no-anchor'],
      },
    ],
  },
};

describe.each(Object.entries(EXPECTED))('fixture %s', (file, expected) => {
  const { text, encoding, parse } = parseFile(fixturePath(file));

  it('decodes with the expected encoding', () => {
    expect(encoding).toBe(expected.encoding);
  });

  it('finds the expected articles, field by field', () => {
    expect(parse.articles.map((a) => a.content.headline)).toEqual(expected.articles.map((a) => a.content.headline));
    parse.articles.forEach((a, i) => {
      expect(a.content).toEqual(expected.articles[i]!.content);
    });
  });

  it('raises the expected warnings', () => {
    expect(parse.articles.map((a) => codes(a.warnings))).toEqual(expected.articles.map((a) => a.warnings));
    expect(codes(parse.warnings)).toEqual(expected.fileWarnings ?? []);
  });

  it('records provenance that slices back to each article, in order and without overlap', () => {
    let previousEnd = 0;
    parse.articles.forEach((a, i) => {
      expect(a.index).toBe(i);
      expect(a.start).toBeGreaterThanOrEqual(previousEnd);
      expect(a.end).toBeGreaterThan(a.start);
      expect(a.end).toBeLessThanOrEqual(text.length);
      const slice = text.slice(a.start, a.end);
      expect(a.sha256).toBe(sha256(slice));
      // Every fixture article opens with its headline's first printed line.
      expect(slice.startsWith(a.content.headline.split(' ').slice(0, 3).join(' '))).toBe(true);
      expect(slice).toBe(slice.trim());
      previousEnd = a.end;
    });
  });
});

describe('fixture bytes', () => {
  it('covers every fixture file on disk', () => {
    const listed = readFileSync(fixturePath('README.md'), 'utf8');
    for (const file of Object.keys(EXPECTED)) expect(listed).toContain(`\`${file}\``);
  });

  it.each(ENCODED_FIXTURES.map((f) => [f.file, f] as const))('%s on disk matches its generator', (file, f) => {
    expect(new Uint8Array(readFileSync(fixturePath(file)))).toEqual(f.bytes());
  });

  it('06 really is UTF-8 with a BOM and CRLF, and provenance counts the CRs', () => {
    const bytes = readFileSync(fixturePath('06-crlf-bom.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = bytes.toString('latin1');
    expect(raw.split('\r\n').length).toBeGreaterThan(10);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/u);
    const { text, parse } = parseFile(fixturePath('06-crlf-bom.txt'));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.replace(/\r\n/g, '\n')).toBe(ENCODED_FIXTURES[0]!.text);
    const slice = text.slice(parse.articles[0]!.start, parse.articles[0]!.end);
    expect(slice).toContain('\r\n');
    expect(slice.endsWith('Editing by Toby Chopra)')).toBe(true);
    // No field keeps a stray CR.
    expect(JSON.stringify(parse.articles[0]!.content)).not.toContain('\\r');
  });

  it('07 and 08 are UTF-16 with a BOM, LE and BE, and decode to the generator text', () => {
    const le = readFileSync(fixturePath('07-utf16le-bom.txt'));
    const be = readFileSync(fixturePath('08-utf16be-bom-cr.txt'));
    expect([le[0], le[1], le[2], le[3]]).toEqual([0xff, 0xfe, 0x5a, 0x00]);
    expect([be[0], be[1], be[2], be[3]]).toEqual([0xfe, 0xff, 0x00, 0x4d]);
    const leText = parseFile(fixturePath('07-utf16le-bom.txt')).text;
    const beText = parseFile(fixturePath('08-utf16be-bom-cr.txt')).text;
    expect(leText.replace(/\r\n/g, '\n')).toBe(ENCODED_FIXTURES[1]!.text);
    expect(beText).not.toContain('\n');
    expect(beText.replace(/\r/g, '\n')).toBe(ENCODED_FIXTURES[2]!.text);
  });

  it('11 keeps the Arabic text exactly as written in the file', () => {
    const { text, parse } = parseFile(fixturePath('11-arabic.txt'));
    expect(text).toBe(text.normalize('NFC'));
    const fileLines = text.split('\n');
    const c = parse.articles[0]!.content;
    expect(c.headline).toBe(fileLines[0]);
    expect(c.paragraphs).toEqual(fileLines.slice(11, 14));
    expect(c.highlights.map((h) => `• ${h}`)).toEqual(fileLines.slice(8, 10));
  });
});
