/**
 * Shapes shared by the fact-check modules. They are plain JSON so a result can cross IPC, HTTP and the CLI
 * unchanged, and so an editor's notes can store anchors next to the article.
 */

/** The editable field a stretch of the article text came from (1-based N, as editors count). */
export type SegmentField = 'headline' | 'caption' | 'datelineText' | `highlight:${number}` | `paragraph:${number}`;

/** One field's place in the article text; `start`..`end` (end exclusive) is exactly the field's value. */
export interface Segment {
  field: SegmentField;
  start: number;
  end: number;
}

export interface ArticleText {
  text: string;
  segments: Segment[];
}

/** A sentence of the article text; never crosses a field. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  field: SegmentField;
}

/**
 * A W3C Web Annotation style text-quote selector with a text-position hint: the quote itself, the text around it,
 * and where it stood. The quote and its context find it again after the text changes; the offsets are only a hint.
 */
export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Where an anchor's quote stands in a changed text. */
export interface Reanchored {
  start: number;
  end: number;
  /** The text now at start..end (differs from the anchor's `exact` when `fuzzy`). */
  exact: string;
  /** True when the quote itself changed and was matched approximately. */
  fuzzy: boolean;
  /** 1 for an exact match; else 1 − edit distance / length, at least the fuzzy threshold. */
  similarity: number;
  /** How much of the old prefix and suffix still surrounds the match, from 0 to 1. */
  context: number;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface Entity {
  /** The fullest name the article uses ("Vladimir Putin", not "Putin"). */
  name: string;
  type: EntityType;
  /** Mentions in the article text, every short form ("Putin", "KCNA") included. */
  count: number;
  /** Other names counted under this one: short forms, acronyms, names an editor renamed away. */
  aliases: string[];
  anchors: Anchor[];
}

/** An editor's correction of the entity list: retype, rename (merging into an existing entity) or remove. */
export interface EntityFix {
  name: string;
  /** The right type, or null to remove the entity (a false positive). */
  type: EntityType | null;
  rename?: string;
}

export type ClaimFeatureKind = 'number' | 'date' | 'attribution' | 'comparison' | 'superlative' | 'named entity' | 'statement of fact';

/** One reason a sentence is worth checking, with the weight it adds to the score. */
export interface ClaimFeature {
  kind: ClaimFeatureKind;
  value: string;
  weight: number;
}

export interface Claim {
  text: string;
  /** The sum of `features`' weights. */
  score: number;
  /** `features` in words, e.g. "number: 2021", "attribution: said". */
  reasons: string[];
  features: ClaimFeature[];
  anchor: Anchor;
  field: SegmentField;
  /** Index (in the same list) of an earlier claim with the same wording, e.g. a highlight repeated in the body. */
  repeatOf: number | null;
}

export interface Quote {
  /** The words inside the quotation marks (a trailing comma, which belongs to the attribution, dropped). */
  text: string;
  /** The speaker as the article names them at the attribution ("Kim", "KCNA"); null when no name is given. */
  speaker: string | null;
  /** The entity the speaker's name was counted under ("Kim Jong Un"), when there is one. */
  speakerEntity: string | null;
  anchor: Anchor;
  field: SegmentField;
  /** Index of an earlier quote with the same words (a highlight repeating the body), else null. */
  repeatOf: number | null;
}

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateMention {
  /** The expression as written, with a leading "in"/"on"/"since"… kept ("in April", "on Friday"). */
  text: string;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as precise as the expression is; null when it cannot be pinned. */
  resolved: string | null;
  precision: DatePrecision | null;
  anchor: Anchor;
  field: SegmentField;
  /** How an ambiguous expression was read, or why it was not resolved. */
  note?: string;
}

export interface Analysis {
  claims: Claim[];
  quotes: Quote[];
  entities: Entity[];
  dates: DateMention[];
  /** Entities the analysis found that the editor's fixes removed, with the type they had. */
  removedEntities: { name: string; type: EntityType }[];
}

/** A claim as the desk shows it: proposed by the analysis, ruled on by a checker, or both. */
export interface ClaimView {
  id: string;
  text: string;
  score: number;
  reasons: string[];
  verdict: string;
  notes: string[];
  sources: string[];
  anchor: Anchor;
  /** The words are gone from the article; the claim keeps its last quote and is never dropped. */
  orphaned: boolean;
  fuzzy: boolean;
  checker: string | null;
  at: string | null;
}

export interface FactcheckView {
  claims: ClaimView[];
  quotes: { text: string; speaker: string | null; anchor: Anchor }[];
  /** `aliases` are the other names counted under the entity, so the desk-wide view can look for them too. */
  entities: { name: string; type: EntityType; count: number; aliases: string[] }[];
  /** Names the editor removed as false positives, which the panel offers to restore. */
  removedEntities: { name: string; type: EntityType }[];
  dates: { text: string; resolved: string | null; note?: string | undefined; anchor: Anchor }[];
}
