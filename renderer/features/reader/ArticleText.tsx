import { Fragment, useMemo } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import { Highlight } from '../../components/Highlight';
import { isCorrected } from '../../lib/fields';
import { useList } from '../../state/list-store';
import { EditButton, EditableField, EditorSlot, startEditing } from '../editor/EditableField';
import { FirstParagraph, ParagraphSlot, ParagraphTools } from '../editor/ParagraphTools';
import { Field } from './Field';

const LABELS = { caption: 'Caption', credit: 'Credit', byline: 'Byline', dateline: 'Dateline', updated: 'Updated date' };

/** The article as it stands now, every field editable in place; the search's matches stay marked. */
export function ArticleText({ article }: { article: ArticleView }) {
  const terms = useList((s) => s.terms);
  const termSet = useMemo(() => new Set(terms), [terms]);
  // A corrected dateline replaces the one the first paragraph was printed with.
  const datelineMark = isCorrected(article, 'dateline') ? article.dateline : (article.datelineText ?? article.dateline);

  return (
    <>
      <EditableField article={article} path="headline" label="Headline" at={{ field: 'headline', index: null }} as="h1">
        <FieldText field="headline">
          <Highlight text={article.headline} terms={termSet} />
        </FieldText>
      </EditableField>
      <Meta article={article} />
      {(article.caption || article.credit) && (
        <>
          <div className={`field-row${isCorrected(article, 'caption') || isCorrected(article, 'credit') ? ' corrected' : ''}`}>
            <EditableCaption article={article} terms={termSet} />
          </div>
          <EditorSlot article={article} paths={['caption', 'credit']} labels={LABELS} />
        </>
      )}
      {article.highlights.length > 0 && (
        <ul className="highlights" aria-label="Highlights">
          {article.highlights.map((h, i) => (
            <li key={i}>
              <EditableField article={article} path={`highlight:${i + 1}`} label={`Highlight ${i + 1}`} at={{ field: 'highlights', index: i }}>
                <FieldText field={`highlight:${i + 1}`}>
                  <Highlight text={h} terms={termSet} />
                </FieldText>
              </EditableField>
            </li>
          ))}
        </ul>
      )}
      {article.byline && (
        <EditableField article={article} path="byline" label="Byline" at={{ field: 'byline', index: null }} className="byline">
          By {article.byline}
        </EditableField>
      )}
      <div className="body" aria-label="Body">
        {article.paragraphs.map((p, i) => (
          <Fragment key={i}>
            <EditableField
              article={article}
              path={`paragraph:${i + 1}`}
              label={`Paragraph ${i + 1}`}
              at={{ field: 'paragraphs', index: i }}
              as="p"
              tools={<ParagraphTools n={i + 1} />}
            >
              {i === 0 && datelineMark && <span className="dateline-mark">{datelineMark} </span>}
              <FieldText field={`paragraph:${i + 1}`}>
                <Highlight text={p} terms={termSet} />
              </FieldText>
            </EditableField>
            <ParagraphSlot n={i + 1} />
          </Fragment>
        ))}
        {article.paragraphs.length === 0 && <FirstParagraph />}
      </div>
    </>
  );
}

/**
 * Exactly one field's text, named as the fact-check names it ("paragraph:3"), so words selected inside map to
 * offsets in the article text (see SelectionClaim). Nothing else may be rendered inside.
 */
function FieldText({ field, children }: { field: string; children: React.ReactNode }) {
  return <span data-fc-field={field}>{children}</span>;
}

/** The caption and its credit share one span in the source, and are corrected separately. */
function EditableCaption({ article, terms }: { article: ArticleView; terms: ReadonlySet<string> }) {
  const edit = (): void => (article.caption ? startEditing(article, 'caption', 'Caption') : startEditing(article, 'credit', 'Credit'));
  return (
    <>
      <Field at={{ field: 'caption', index: null }} label="Caption" className="caption" onEdit={edit}>
        {article.caption && (
          <FieldText field="caption">
            <Highlight text={article.caption} terms={terms} />
          </FieldText>
        )}
        {article.credit && <span className="credit"> ({article.credit})</span>}
      </Field>
      <div className="field-tools">
        <EditButton article={article} path="caption" label="Caption" />
        <button className="tool" onClick={() => startEditing(article, 'credit', 'Credit')} aria-label="Edit credit" title="Edit credit">
          ©
        </button>
      </div>
    </>
  );
}

function Meta({ article }: { article: ArticleView }) {
  const u = article.updated;
  return (
    <>
      <dl className="meta">
        <div className={isCorrected(article, 'dateline') ? 'corrected' : undefined}>
          <dt>Dateline</dt>
          <dd>
            {article.dateline ?? '—'} <EditButton article={article} path="dateline" label="Dateline" />
          </dd>
        </div>
        <div className={isCorrected(article, 'updated') ? 'corrected' : undefined}>
          <dt>Updated</dt>
          <dd>
            {u ? (u.date ?? u.raw) : '—'}
            {u?.relative && <span className="relative"> ⟳ relative: cannot be pinned to a day</span>}{' '}
            <EditButton article={article} path="updated" label="Updated date" />
          </dd>
        </div>
        <div>
          <dt>Paragraphs</dt>
          <dd>{article.paragraphs.length}</dd>
        </div>
        <MissingFields article={article} />
      </dl>
      <EditorSlot article={article} paths={['dateline', 'updated', ...missingFields(article)]} labels={LABELS} />
    </>
  );
}

/** Fields the parse did not find can still be written in. */
function missingFields(article: ArticleView): ('caption' | 'credit' | 'byline')[] {
  return (['caption', 'credit', 'byline'] as const).filter((f) => article[f] === null && (f === 'byline' || (!article.caption && !article.credit)));
}

function MissingFields({ article }: { article: ArticleView }) {
  const missing = missingFields(article);
  if (missing.length === 0) return null;
  return (
    <div className="missing-fields">
      <dt>Add</dt>
      <dd>
        {missing.map((f) => (
          <EditButton key={f} article={article} path={f} label={LABELS[f]} className="tool text">
            + {LABELS[f]}
          </EditButton>
        ))}
      </dd>
    </div>
  );
}
