import { useEffect, useRef, type ReactNode } from 'react';
import { EXEMPTION_CODES, isExemptionCode } from '../../../../shared/sarVocabulary';

// An item's text with its redactions struck through and each one's code beside it (issue 13).
// While the redaction tool is open, the words the person selects with the mouse are given to
// `onSelect` as UTF-16 offsets into the text, as the service takes them: the codes shown
// beside the struck words are marked data-skip and never counted.

export interface Span {
  start: number;
  end: number;
  code: string;
}

/** The code as the redaction marker names it, or a word that says none is chosen yet. */
export const codeShort = (code: string) => (isExemptionCode(code) ? EXEMPTION_CODES[code].short : 'no exemption chosen yet');

/** How many UTF-16 units of the text come before (node, offset), the skipped labels left out. */
function offsetIn(container: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  const before = range.cloneContents();
  before.querySelectorAll('[data-skip]').forEach((e) => e.remove());
  return before.textContent.length;
}

export function RedactableText({ id, text, spans, onSelect }: { id: string; text: string; spans: readonly Span[]; onSelect?: ((start: number, end: number) => void) | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!onSelect) return;
    const picked = () => {
      const container = ref.current;
      const selection = window.getSelection();
      if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      const range = selection.getRangeAt(0);
      if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return;
      let start = offsetIn(container, range.startContainer, range.startOffset);
      let end = offsetIn(container, range.endContainer, range.endOffset);
      // A drag often takes a space at either end: the words themselves are what is meant.
      while (start < end && /\s/.test(text.charAt(start))) start += 1;
      while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
      if (end > start) onSelect(start, end);
    };
    document.addEventListener('selectionchange', picked);
    return () => document.removeEventListener('selectionchange', picked);
  }, [onSelect, text]);

  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  sorted.forEach((s, i) => {
    if (s.start < at) return;
    if (s.start > at) parts.push(<span key={`t${i}`}>{text.slice(at, s.start)}</span>);
    parts.push(
      <del key={`d${i}`} className="app-redaction">
        {text.slice(s.start, s.end)}
      </del>,
      <span key={`c${i}`} className="app-redaction__code" data-skip="">
        <span className="govuk-visually-hidden"> (redacted under </span>
        {codeShort(s.code)}
        <span className="govuk-visually-hidden">) </span>
      </span>,
    );
    at = s.end;
  });
  if (at < text.length) parts.push(<span key="tail">{text.slice(at)}</span>);
  return (
    <div id={id} ref={ref} className={`govuk-body app-item__value app-redactable${onSelect ? ' app-redactable--selecting' : ''}`}>
      {parts}
    </div>
  );
}
